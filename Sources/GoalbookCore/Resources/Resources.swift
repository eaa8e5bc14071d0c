import Crypto
import Foundation

/// A file the binary carries inside itself: a migration or a built-in canon file.
public struct EmbeddedFile: Sendable {
    /// The file's name in the repository (`0001_canon.sql`, `data-science-analytics.yaml`).
    public let name: String
    /// Its exact bytes.
    public let bytes: Data

    /// Hex SHA-256 of the bytes.
    public var sha256: String { SHA256Hex.of(bytes) }
}

/// The migrations and built-in canon embedded in the binary.
public enum Resources {
    /// `migrations/sqlite/*.sql`, in order.
    public static var migrations: [EmbeddedFile] { Embedded.migrations.map(decode) }
    /// `migrations/postgres/*.sql`, in file-name order.
    public static var postgresMigrations: [EmbeddedFile] { Embedded.postgresMigrations.map(decode) }
    /// The built-in canon files, in file-name order.
    public static var builtInCanon: [EmbeddedFile] { Embedded.canon.map(decode) }

    /// The family of each built-in ladder (ladders do not name their own). A test checks that
    /// every built-in ladder has one.
    public static let builtInLadderFamilies = [
        "ic2-machine-learning-engineer.txt": "Engineering"
    ]

    static func decode(_ entry: (name: String, base64: String)) -> EmbeddedFile {
        // The generator only writes valid base64, and a test decodes every entry.
        EmbeddedFile(name: entry.name, bytes: Data(base64Encoded: entry.base64, options: .ignoreUnknownCharacters) ?? Data())
    }
}

/// Hex SHA-256, the fingerprint Goalbook records for canon files and migrations.
public enum SHA256Hex {
    public static func of<D: DataProtocol>(_ data: D) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }
}
