/// "Did you mean" candidates by edit distance, for error notes.
package enum Suggestions {
    package static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        let threshold = max(2, word.count / 3)
        // Only the closest candidates: one typo should not suggest every similar keyword.
        guard let best = scored.map(\.1).min(), best <= threshold else { return [] }
        var seen = Set<String>()
        return scored.filter { $0.1 == best }.map(\.0).filter { seen.insert($0).inserted }.sorted().prefix(limit).map {
            $0
        }
    }

    /// Whether `a` and `b` are at most `edits` edits apart. Words whose lengths differ by more
    /// cannot be, and are told apart without the quadratic table; the table stops at the first
    /// row whose every entry is over `edits` (a row's minimum never decreases): a check that asks
    /// this of every pair in a large input stays cheap.
    package static func isWithin(_ a: String, _ b: String, edits: Int) -> Bool {
        guard abs(a.utf8.count - b.utf8.count) <= edits else { return false }
        return distance(a, b, limit: edits) <= edits
    }

    /// Levenshtein distance of the first 64 bytes of each word, bounded in work by the (short)
    /// words compared.
    package static func distance(_ a: String, _ b: String) -> Int {
        distance(a, b, limit: Int.max)
    }

    /// ``distance(_:_:)``, or some value over `limit` once it is certain to exceed it. The two
    /// rows of the table live on the stack: the checks ask this of thousands of pairs.
    private static func distance(_ a: String, _ b: String, limit: Int) -> Int {
        var a = a
        var b = b
        return a.withUTF8 { whole in
            b.withUTF8 { other in
                let x = UnsafeBufferPointer(rebasing: whole.prefix(64))
                let y = UnsafeBufferPointer(rebasing: other.prefix(64))
                if x.isEmpty { return y.count }
                if y.isEmpty { return x.count }
                return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (y.count + 1)) { rows in
                    table(x, y, limit: limit, rows: rows)
                }
            }
        }
    }

    private static func table(
        _ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>, limit: Int,
        rows: UnsafeMutableBufferPointer<Int>
    ) -> Int {
        let width = y.count + 1
        var previous = 0
        var current = width
        for j in 0..<width { rows[previous + j] = j }
        for i in 1...x.count {
            rows[current] = i
            var smallest = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                let value = min(rows[previous + j] + 1, rows[current + j - 1] + 1, rows[previous + j - 1] + cost)
                rows[current + j] = value
                smallest = min(smallest, value)
            }
            swap(&previous, &current)
            if smallest > limit { return smallest }
        }
        return rows[previous + y.count]
    }
}
