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

    /// Levenshtein distance, bounded in work by the (short) words compared.
    /// Whether `a` and `b` are at most `edits` edits apart. Words whose lengths differ by more
    /// cannot be, and are told apart without the quadratic table: a check that asks this of
    /// every pair in a large input stays cheap.
    package static func isWithin(_ a: String, _ b: String, edits: Int) -> Bool {
        guard abs(a.utf8.count - b.utf8.count) <= edits else { return false }
        return distance(a, b) <= edits
    }

    package static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.utf8.prefix(64))
        let y = Array(b.utf8.prefix(64))
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var current = Array(repeating: 0, count: y.count + 1)
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[y.count]
    }
}
