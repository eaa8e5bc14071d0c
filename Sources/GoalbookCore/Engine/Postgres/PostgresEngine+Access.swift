import Foundation

/// A login role tied to a person (`goalbook access`).
public struct AccessGrant: Sendable, Equatable {
    public let role: String
    public let employeeId: String
    public let name: String
    public let grantedAt: String
    public let grantedBy: String
}

/// `goalbook access`: which login sees whom, kept in `access_grant` and enforced by the
/// row-level security of migration 0003. Each change is a history row on the person (field
/// `access`), and the role joins or leaves `goalbook_manager`.
extension PostgresEngine {
    /// Ties `role` to a person; a role tied elsewhere moves. False when it was so already.
    public func grantAccess(role: String, to employeeId: String, actor: String, now: Date = Date()) throws -> Bool {
        try transaction("BEGIN ISOLATION LEVEL SERIALIZABLE", rollback: false) {
            let session = SQLSession(connection, stamp: WriteStamp(actor: actor, command: "access grant", now: now))
            try requireLogin(role)
            let person = try session.personKey(employeeId)
            let current = try connection.int("SELECT person_id FROM access_grant WHERE role_name = ?", [role])
            if current == person { return false }
            let stamp = Timestamp.string(now)
            if let current {
                try connection.execute(
                    "UPDATE access_grant SET person_id = ?, granted_at = ?, granted_by = ? WHERE role_name = ?", [person, stamp, actor, role])
                try session.history().record(person: current, field: "access", old: role, new: nil, note: "moved to \(employeeId)")
            } else {
                try connection.execute(
                    "INSERT INTO access_grant (role_name, person_id, granted_at, granted_by) VALUES (?, ?, ?, ?)", [role, person, stamp, actor])
            }
            try connection.execute("GRANT goalbook_manager TO \(Self.quoted(role))")
            try session.history().record(person: person, field: "access", old: nil, new: role)
            return true
        }
    }

    /// Unties `role`; nil when it was tied to nobody.
    public func revokeAccess(role: String, actor: String, now: Date = Date()) throws -> AccessGrant? {
        try transaction("BEGIN ISOLATION LEVEL SERIALIZABLE", rollback: false) {
            guard let grant = try grants(role: role).first else { return nil }
            let session = SQLSession(connection, stamp: WriteStamp(actor: actor, command: "access revoke", now: now))
            let person = try session.personKey(grant.employeeId)
            try connection.execute("DELETE FROM access_grant WHERE role_name = ?", [role])
            if try connection.int("SELECT 1 FROM pg_roles WHERE rolname = ?", [role]) != nil {
                try connection.execute("REVOKE goalbook_manager FROM \(Self.quoted(role))")
            }
            try session.history().record(person: person, field: "access", old: role, new: nil)
            return grant
        }
    }

    /// Every tie, by role.
    public func accessGrants() throws -> [AccessGrant] {
        try transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", rollback: false) { try grants(role: nil) }
    }

    private func grants(role: String?) throws -> [AccessGrant] {
        try connection.all(
            """
            SELECT a.role_name, p.employee_id, p.name, a.granted_at, a.granted_by FROM access_grant AS a
            JOIN person AS p ON p.person_id = a.person_id WHERE CAST(? AS TEXT) IS NULL OR a.role_name = ? ORDER BY a.role_name
            """, [role, role]
        ) { AccessGrant(role: $0.text(0), employeeId: $0.text(1), name: $0.text(2), grantedAt: $0.text(3), grantedBy: $0.text(4)) }
    }

    /// Refuses a role the server does not have, or one that cannot log in.
    private func requireLogin(_ role: String) throws {
        guard let canLogin = try connection.text("SELECT rolcanlogin::text FROM pg_roles WHERE rolname = ?", [role]) else {
            throw GoalbookError.refused("there is no role \(role) on this server: create the login first (CREATE ROLE \(Self.quoted(role)) LOGIN)")
        }
        guard canLogin == "true" else {
            throw GoalbookError.invalidArgument("\(role) is a role that cannot log in: tie a login role to a person")
        }
    }

    /// A role name as SQL writes an identifier.
    static func quoted(_ role: String) -> String { "\"" + role.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
