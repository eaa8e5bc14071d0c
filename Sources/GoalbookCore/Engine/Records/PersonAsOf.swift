/// A person as they were at an instant, with the engine's key for them (to read their goals by).
public struct PersonAsOf: Sendable, Equatable {
    /// The engine's own key for the person; meaningful only to the engine that gave it.
    public var key: Int64
    public var person: ReportPerson

    public init(key: Int64, person: ReportPerson) {
        self.key = key
        self.person = person
    }
}
