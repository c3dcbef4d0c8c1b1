/// ld's wildcard patterns (`*`, `?`, `[…]` with `!`/`^` negation and ranges), matched like
/// `fnmatch(pattern, name, 0)`: `*` also matches `/`.
///
/// The matcher is iterative with a single backtrack point, so its cost is bounded by
/// `pattern.count × name.count` whatever the input: hostile patterns cannot make it hang.
public struct Wildcard: Sendable, Hashable {
    /// The pattern as written (`.initcall*.init`).
    public let pattern: String
    private let bytes: [UInt8]
    /// True when the pattern has no wildcard characters: then it matches by equality.
    public let isLiteral: Bool

    /// A matcher for `pattern`.
    public init(_ pattern: String) {
        self.pattern = pattern
        self.bytes = Array(pattern.utf8)
        self.isLiteral = !bytes.contains {
            $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "[")
        }
    }

    /// Whether `name` matches, as `fnmatch(pattern, name, 0)` decides.
    public func matches(_ name: String) -> Bool {
        if isLiteral { return name == pattern }
        if pattern == "*" { return true }
        return matches(Array(name.utf8))
    }

    func matches(_ name: [UInt8]) -> Bool {
        var p = 0
        var n = 0
        var starP = -1
        var starN = 0
        while n < name.count {
            if p < bytes.count {
                let c = bytes[p]
                if c == UInt8(ascii: "*") {
                    starP = p
                    starN = n
                    p += 1
                    continue
                }
                if c == UInt8(ascii: "?") {
                    p += 1
                    n += 1
                    continue
                }
                if c == UInt8(ascii: "["), let (matched, next) = matchBracket(at: p, name[n]) {
                    if matched {
                        p = next
                        n += 1
                        continue
                    }
                } else if c == UInt8(ascii: "\\"), p + 1 < bytes.count {
                    if bytes[p + 1] == name[n] {
                        p += 2
                        n += 1
                        continue
                    }
                } else if c == name[n] {
                    p += 1
                    n += 1
                    continue
                }
            }
            // Mismatch: let the last '*' absorb one more byte, or fail.
            guard starP >= 0 else { return false }
            starN += 1
            n = starN
            p = starP + 1
        }
        while p < bytes.count, bytes[p] == UInt8(ascii: "*") { p += 1 }
        return p == bytes.count
    }

    /// Matches `[…]` at `start` against one byte. Returns nil if the bracket is unterminated
    /// (then `[` is an ordinary character), else whether it matched and where the pattern
    /// continues.
    private func matchBracket(at start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var i = start + 1
        var negate = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "^") {
            negate = true
            i += 1
        }
        var matched = false
        var first = true
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "]"), !first {
                return (matched != negate, i + 1)
            }
            first = false
            if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] != UInt8(ascii: "]") {
                if byte >= c && byte <= bytes[i + 2] { matched = true }
                i += 3
            } else {
                if byte == c { matched = true }
                i += 1
            }
        }
        return nil
    }
}
