/// Lines up two sequences of distinct items the way a reader wants a reordering shown: the
/// longest run of items that kept their relative order stays in place, and every other item
/// present on both sides is *moved* rather than removed and added again.
///
/// With distinct items, the longest common subsequence is the longest increasing subsequence of
/// the old positions read in the new order, found in O(n log n) by patience sorting; so a level
/// of 100,000 initcalls aligns as fast as a small one.
enum SequenceAlignment {
    /// For each index of `positions` (the new sequence), whether its item is kept in place.
    /// `positions[j]` is the old position of new item `j`, or nil when it has none.
    static func kept(_ positions: [Int?]) -> [Bool] {
        // tails[k]: the new index ending the best increasing run of length k + 1 found so far.
        var tails: [Int] = []
        var previous = Array(repeating: -1, count: positions.count)
        for (j, position) in positions.enumerated() {
            guard let value = position else { continue }
            var low = 0
            var high = tails.count
            while low < high {
                let mid = (low + high) / 2
                if (positions[tails[mid]] ?? 0) < value { low = mid + 1 } else { high = mid }
            }
            if low > 0 { previous[j] = tails[low - 1] }
            if low == tails.count { tails.append(j) } else { tails[low] = j }
        }
        var result = Array(repeating: false, count: positions.count)
        var cursor = tails.last ?? -1
        while cursor >= 0 {
            result[cursor] = true
            cursor = previous[cursor]
        }
        return result
    }
}
