/// Where each key of some rows is first found: the row numbers in one flat table, probed by the
/// key's hash and checked against the row's own key, so no key is copied. At a million people
/// it takes 8 MiB, where a `[String: Int]` of the same ids takes about 50.
struct RowIndex {
    /// The key of a row, by its number.
    private let key: (Int) -> String
    /// A row number, or -1 for an empty slot; at most half the slots are filled.
    private var slots: [Int32]
    private let mask: Int

    /// Indexes rows `0..<count`; the first of rows with equal keys is the one found.
    init(count: Int, key: @escaping (Int) -> String) {
        precondition(count < Int(Int32.max), "too many rows for one index")
        self.key = key
        var size = 16
        while size < count * 2 { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for row in 0..<count {
            let (found, slot) = find(key(row))
            if found == nil { slots[slot] = Int32(row) }
        }
    }

    /// The first row whose key is `key`; nil when there is none.
    func row(of key: String) -> Int? { find(key).row }

    /// The row with this key, or else the empty slot where it would go.
    private func find(_ wanted: String) -> (row: Int?, slot: Int) {
        var slot = wanted.hashValue & mask
        while true {
            let row = Int(slots[slot])
            if row < 0 { return (nil, slot) }
            if key(row) == wanted { return (row, slot) }
            slot = (slot + 1) & mask
        }
    }
}
