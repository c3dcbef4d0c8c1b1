/// Whether one wildcard pattern matches every name another matches: the question "can this
/// input section pattern ever collect anything, given the ones before it?".
///
/// Decided exactly on the two patterns' automata: names are read over the bytes the patterns
/// mention plus one stand-in for every other byte (all other bytes behave alike), and the
/// pair of state sets is explored breadth first. The exploration is bounded; past the bound
/// the answer is nil ("cannot tell"), never a hang.
extension Wildcard {
    /// True when every name `other` matches, this pattern matches too; nil when undecided
    /// within the work bound.
    public func includes(_ other: Wildcard) -> Bool? {
        if pattern == "*" { return true }
        if other.isLiteral { return matches(other.pattern) }
        let mine = GlobToken.parse(Array(pattern.utf8))
        let theirs = GlobToken.parse(Array(other.pattern.utf8))
        guard mine.count <= 256, theirs.count <= 256 else { return nil }
        return GlobToken.includes(mine, theirs)
    }
}

enum GlobToken: Hashable {
    case byte(UInt8)
    case any
    case star
    case set(Set<UInt8>, negated: Bool)

    func accepts(_ byte: UInt8) -> Bool {
        switch self {
        case .byte(let b): return b == byte
        case .any: return true
        case .star: return true
        case .set(let members, let negated): return members.contains(byte) != negated
        }
    }

    var mentioned: Set<UInt8> {
        switch self {
        case .byte(let b): return [b]
        case .set(let members, _): return members
        default: return []
        }
    }

    /// Tokens of a pattern, read as ``Wildcard`` matches it: `\x` is x, an unterminated `[`
    /// is an ordinary byte.
    static func parse(_ bytes: [UInt8]) -> [GlobToken] {
        var tokens: [GlobToken] = []
        var i = 0
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "*") {
                if tokens.last != .star { tokens.append(.star) }
                i += 1
            } else if c == UInt8(ascii: "?") {
                tokens.append(.any)
                i += 1
            } else if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                tokens.append(.byte(bytes[i + 1]))
                i += 2
            } else if c == UInt8(ascii: "["), let (set, next) = bracket(bytes, at: i) {
                tokens.append(set)
                i = next
            } else {
                tokens.append(.byte(c))
                i += 1
            }
        }
        return tokens
    }

    private static func bracket(_ bytes: [UInt8], at start: Int) -> (GlobToken, Int)? {
        var i = start + 1
        var negated = false
        if i < bytes.count, bytes[i] == UInt8(ascii: "!") || bytes[i] == UInt8(ascii: "^") {
            negated = true
            i += 1
        }
        var members = Set<UInt8>()
        var first = true
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "]"), !first { return (.set(members, negated: negated), i + 1) }
            first = false
            if i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "-"), bytes[i + 2] != UInt8(ascii: "]") {
                if c <= bytes[i + 2] { for b in c...bytes[i + 2] { members.insert(b) } }
                i += 3
            } else {
                members.insert(c)
                i += 1
            }
        }
        return nil
    }

    /// The positions reachable from `positions` without reading: a `*` may match nothing.
    static func closure(_ positions: Set<Int>, _ tokens: [GlobToken]) -> Set<Int> {
        var result = positions
        var work = Array(positions)
        while let p = work.popLast() {
            if p < tokens.count, tokens[p] == .star, result.insert(p + 1).inserted { work.append(p + 1) }
        }
        return result
    }

    static func step(_ positions: Set<Int>, _ tokens: [GlobToken], _ byte: UInt8) -> Set<Int> {
        var next = Set<Int>()
        for p in positions where p < tokens.count && tokens[p].accepts(byte) {
            next.insert(tokens[p] == .star ? p : p + 1)
        }
        return closure(next, tokens)
    }

    /// L(theirs) ⊆ L(mine)?
    static func includes(_ mine: [GlobToken], _ theirs: [GlobToken]) -> Bool? {
        var alphabet = Set<UInt8>()
        for token in mine + theirs { alphabet.formUnion(token.mentioned) }
        if let other = (UInt8(1)...UInt8(255)).first(where: { !alphabet.contains($0) }) { alphabet.insert(other) }
        let symbols = alphabet.sorted()
        struct State: Hashable {
            var theirs: Set<Int>
            var mine: Set<Int>
        }
        let start = State(theirs: closure([0], theirs), mine: closure([0], mine))
        var seen: Set<State> = [start]
        var queue = [start]
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if state.theirs.contains(theirs.count) && !state.mine.contains(mine.count) { return false }
            for symbol in symbols {
                let next = State(theirs: step(state.theirs, theirs, symbol), mine: step(state.mine, mine, symbol))
                guard !next.theirs.isEmpty, seen.insert(next).inserted else { continue }
                if seen.count > 20_000 { return nil }
                queue.append(next)
            }
        }
        return true
    }
}
