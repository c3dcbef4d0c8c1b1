/// Whether one wildcard pattern matches every name another matches: the question "can this
/// input section pattern ever collect anything, given the ones before it?".
///
/// Decided exactly on the two patterns' automata: names are read over the bytes the patterns
/// mention plus one stand-in for every other byte (all other bytes behave alike), and the
/// pairs of position sets are explored breadth first. The question is hard in general (the
/// sets can number 2ⁿ), so the work is counted — one unit per pair of sets read with one
/// byte — and past a budget the answer is nil ("cannot tell"), never a hang.
extension Wildcard {
    /// The work one ``includes(_:)`` question may take.
    public static let inclusionWorkLimit = 100_000

    /// True when every name `other` matches, this pattern matches too; nil when undecided
    /// within ``inclusionWorkLimit``.
    public func includes(_ other: Wildcard) -> Bool? {
        var budget = Wildcard.inclusionWorkLimit
        return includes(other, budget: &budget)
    }

    /// The same, spending at most `budget` units of work and taking what it spends from it;
    /// nil when the budget ran out first.
    public func includes(_ other: Wildcard, budget: inout Int) -> Bool? {
        budget -= 1
        if pattern == "*" { return true }
        if other.isLiteral {
            budget -= other.pattern.utf8.count
            return matches(other.pattern)
        }
        let mine = GlobToken.parse(Array(pattern.utf8))
        let theirs = GlobToken.parse(Array(other.pattern.utf8))
        guard mine.count < PositionSet.capacity, theirs.count < PositionSet.capacity else { return nil }
        return GlobToken.includes(mine, theirs, budget: &budget)
    }

    /// The one name this pattern can match, when it can match only one: `.text[.]x` is
    /// `.text.x`. Nil for a pattern that matches several names, or none.
    public var onlyName: String? {
        if isLiteral { return pattern }
        var bytes: [UInt8] = []
        for token in GlobToken.parse(Array(pattern.utf8)) {
            guard let byte = token.onlyByte else { return nil }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// True when the pattern matches no name at all (`[z-a]`: a set with no member).
    public var matchesNothing: Bool {
        !isLiteral && GlobToken.parse(Array(pattern.utf8)).contains { $0.acceptedCount == 0 }
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

    /// How many bytes of a name (1…255: names are C strings) the token accepts.
    var acceptedCount: Int {
        switch self {
        case .byte(let b): return b == 0 ? 0 : 1
        case .any, .star: return 255
        case .set(let members, let negated):
            let inside = members.subtracting([0]).count
            return negated ? 255 - inside : inside
        }
    }

    /// The byte the token stands for when it accepts exactly one.
    var onlyByte: UInt8? {
        switch self {
        case .byte(let b): return b == 0 ? nil : b
        case .set(let members, let negated) where acceptedCount == 1:
            return negated ? (UInt8(1)...UInt8(255)).first { !members.contains($0) } : members.first { $0 != 0 }
        default: return nil
        }
    }

    /// Tokens of a pattern, read as ``Wildcard`` matches it: `\x` is x, an unterminated `[`
    /// is an ordinary byte. Consecutive stars are one.
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

    /// One pattern as bit sets over its positions (0 … count; count is "matched").
    private struct Automaton {
        let count: Int
        /// For each symbol of the alphabet, the non-star positions whose token accepts it.
        let accepting: [PositionSet]
        let stars: PositionSet

        init(_ tokens: [GlobToken], alphabet: [UInt8]) {
            count = tokens.count
            var stars = PositionSet()
            for (p, token) in tokens.enumerated() where token == .star { stars.insert(p) }
            self.stars = stars
            accepting = alphabet.map { symbol in
                var set = PositionSet()
                for (p, token) in tokens.enumerated() where token != .star && token.accepts(symbol) { set.insert(p) }
                return set
            }
        }

        /// Adds the positions reachable without reading: a `*` may match nothing. Stars never
        /// follow each other, so one step suffices.
        func closure(_ set: PositionSet) -> PositionSet {
            set.union(set.intersection(stars).shiftedUp())
        }

        func step(_ set: PositionSet, _ symbol: Int) -> PositionSet {
            closure(set.intersection(accepting[symbol]).shiftedUp().union(set.intersection(stars)))
        }
    }

    /// L(theirs) ⊆ L(mine)? Nil when `budget` runs out first.
    static func includes(_ mine: [GlobToken], _ theirs: [GlobToken], budget: inout Int) -> Bool? {
        var mentioned = Set<UInt8>()
        for token in mine + theirs { mentioned.formUnion(token.mentioned) }
        if let other = (UInt8(1)...UInt8(255)).first(where: { !mentioned.contains($0) }) { mentioned.insert(other) }
        let alphabet = mentioned.sorted()
        let a = Automaton(mine, alphabet: alphabet)
        let b = Automaton(theirs, alphabet: alphabet)
        var seen = StateTable()
        let start = StatePair(theirs: b.closure(PositionSet(0)), mine: a.closure(PositionSet(0)))
        _ = seen.insert(start)
        var queue = [start]
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if state.theirs.contains(b.count) && !state.mine.contains(a.count) { return false }
            budget -= alphabet.count
            if budget < 0 { return nil }
            for symbol in alphabet.indices {
                let next = StatePair(theirs: b.step(state.theirs, symbol), mine: a.step(state.mine, symbol))
                guard !next.theirs.isEmpty, seen.insert(next) else { continue }
                queue.append(next)
            }
        }
        return true
    }
}

/// Where both patterns can be after reading the same name.
struct StatePair: Equatable {
    var theirs: PositionSet
    var mine: PositionSet

    var hash: UInt64 {
        var x = theirs.folded &* 0xFF51_AFD7_ED55_8CCD ^ mine.folded
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        return x ^ (x >> 33)
    }
}

/// The set of state pairs seen, as an open-addressing table: Swift's `Set` seeds a hasher for
/// every lookup, which was most of the exploration's time.
struct StateTable {
    private var slots: [StatePair?] = Array(repeating: nil, count: 64)
    private var count = 0

    /// Inserts `state`; false when it was there already.
    mutating func insert(_ state: StatePair) -> Bool {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: state.hash) & mask
        while let existing = slots[index] {
            if existing == state { return false }
            index = (index + 1) & mask
        }
        slots[index] = state
        count += 1
        return true
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        count = 0
        for case let state? in old { _ = insert(state) }
    }
}

/// A set of pattern positions, 0 … 255, as bits: longer patterns are not decided.
struct PositionSet: Hashable {
    static let capacity = 256
    private var words = SIMD4<UInt64>()

    init() {}

    init(_ position: Int) {
        insert(position)
    }

    mutating func insert(_ position: Int) {
        guard position >= 0, position < Self.capacity else { return }
        words[position / 64] |= 1 << UInt64(position % 64)
    }

    func contains(_ position: Int) -> Bool {
        guard position >= 0, position < Self.capacity else { return false }
        return words[position / 64] & (1 << UInt64(position % 64)) != 0
    }

    var isEmpty: Bool { words == SIMD4<UInt64>() }

    func union(_ other: PositionSet) -> PositionSet {
        var result = self
        result.words |= other.words
        return result
    }

    func intersection(_ other: PositionSet) -> PositionSet {
        var result = self
        result.words &= other.words
        return result
    }

    /// Every position one higher (the highest drops out).
    func shiftedUp() -> PositionSet {
        var result = PositionSet()
        result.words = words &<< 1
        result.words[1] |= words[0] >> 63
        result.words[2] |= words[1] >> 63
        result.words[3] |= words[2] >> 63
        return result
    }

    /// The words folded into one, for hashing a pair of sets with one combine.
    var folded: UInt64 {
        var x = words[0] &* 0x9E37_79B9_7F4A_7C15
        x = (x ^ words[1]) &* 0xBF58_476D_1CE4_E5B9
        x = (x ^ words[2]) &* 0x94D0_49BB_1331_11EB
        return x ^ words[3]
    }
}
