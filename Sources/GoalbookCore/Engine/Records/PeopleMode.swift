/// How a batch of people meets the ones already stored.
public enum PeopleMode: Sendable {
    /// Only new people; an existing id is an error (`people add`).
    case add
    /// New people are added, changed ones updated, identical ones left alone (`people import`).
    case upsert
    /// Only existing people (`people set`).
    case update
}
