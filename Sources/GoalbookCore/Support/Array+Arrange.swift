extension Array {
    /// Puts the elements in `order`: the element at `k` becomes the one that was at `order[k]`
    /// (`order` is a permutation of the indices). Moved in place, one cycle of the permutation at
    /// a time, holding one element aside: a second array of large elements is never made.
    mutating func arrange(_ order: [Int]) {
        precondition(order.count == count, "an order for \(order.count) elements given for \(count)")
        var placed = [Bool](repeating: false, count: count)
        for start in indices where !placed[start] {
            let first = self[start]
            var at = start
            while true {
                placed[at] = true
                let from = order[at]
                if from == start {
                    self[at] = first
                    break
                }
                self[at] = self[from]
                at = from
            }
        }
    }
}
