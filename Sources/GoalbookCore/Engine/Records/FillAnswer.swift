/// An answer to a ``FillQuestion``.
public struct FillAnswer: Sendable, Equatable {
    public var goalId: Int64
    public var item: String
    public var slot: SlotName
    public var value: String

    public init(goalId: Int64, item: String, slot: SlotName, value: String) {
        self.goalId = goalId
        self.item = item
        self.slot = slot
        self.value = value
    }
}
