/// When a goal takes changes at all.
extension Goal {
    /// Refuses changes to goals that are finished with: dropped goals, goals carried into a later
    /// quarter, and the goals of closed quarters.
    public func checkWritable(_ context: GoalContext) throws {
        if let next = carriedTo {
            throw GoalbookError.refused(
                "\(displayId) was carried to \(GoalID.format(next)) and cannot be changed; change \(GoalID.format(next)), which continues it")
        }
        if status == .dropped || status == .carried {
            throw GoalbookError.refused("\(displayId) is \(status.rawValue) and cannot be changed")
        }
        try Self.checkQuarterOpen(quarter, closedAt: context.quarterClosedAt)
    }

    /// Refuses writes to the goals of a quarter that was closed (`closedAt` is when).
    public static func checkQuarterOpen(_ quarter: String, closedAt: String?) throws {
        if let closed = closedAt {
            throw GoalbookError.refused(
                "\(quarter) was closed on \(closed): its goals and check-ins take no more changes (goalbook quarter reopen \(quarter) --note … to "
                    + "change that)"
            )
        }
    }

    /// The goal's quarter; refused for a stored quarter that is not one (a damaged row).
    public func quarterValue() throws -> Quarter {
        guard let value = Quarter(quarter) else { throw GoalbookError.refused("\(displayId) has no valid quarter ('\(quarter)')") }
        return value
    }

    /// `kr1` → `KR1`, `Main` → `main`: an item as people type it.
    public static func itemName(_ text: String) -> String {
        text.lowercased() == "main" ? "main" : text.uppercased()
    }
}
