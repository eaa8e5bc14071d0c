/// What saving an edited file did.
public struct GoalEditResult: Sendable {
    public var changes: [(goal: Int64, change: FieldChange)] = []
    /// Goals someone else changed while the file was open: not saved, with who changed what.
    public var conflicts: [String] = []
}
