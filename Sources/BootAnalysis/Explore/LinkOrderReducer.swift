/// Delta debugging (Zeller and Hildebrandt's ddmin) over objects: from a passing link order and
/// a failing one, the fewest objects whose reordering alone reproduces the failure.
///
/// Reordering a set S means: the objects of S keep the positions they hold in the passing
/// order but take the failing order's relative order among themselves; every other object
/// stays put. With S = every object that sits elsewhere in the failing order, that *is* the
/// failing order; ddmin shrinks S until removing any one object loses the failure (1-minimal).
///
/// Work and memory are bounded: each phase has a budget of boots and stops the moment it is
/// spent (the set found so far still reproduces; the report says it may not be minimal);
/// ddmin builds one candidate at a time, never every complement at once; and the moves phase
/// only runs when the moves to consider are few (their number can grow with the square of
/// the objects).
struct LinkOrderReducer {
    typealias Test = (_ order: [Int]) throws(ExplorationError) -> Bool

    /// What a bounded test says about a candidate.
    enum Verdict {
        case reproduces
        case doesNotReproduce
        /// The budget is spent: stop reducing.
        case budgetSpent
    }

    let from: [Int]
    let to: [Int]
    private let test: Test
    /// Each object's position in `to`, by object index (objects are description indices).
    private let rankInTarget: [Int]
    private var cache: [[Int]: Bool] = [:]
    /// Boots the object phase may spend.
    let budget: Int
    private(set) var boots = 0
    /// Whether the object phase ran to the end within its budget, so its result is 1-minimal.
    private(set) var isMinimal = true

    /// The most moves the second phase considers; beyond it the reproducer is given as the
    /// objects to reorder. A reviewer reads a handful of moves, not hundreds.
    static let moveLimit = 256

    init(from: [Int], to: [Int], budget: Int = 2_000, test: @escaping Test) {
        self.budget = budget
        self.from = from
        self.to = to
        self.test = test
        var rank = Array(repeating: 0, count: (to.max() ?? -1) + 1)
        for (position, object) in to.enumerated() { rank[object] = position }
        self.rankInTarget = rank
    }

    /// `from` with the objects of `moved` reordered as in `to`, in their own positions.
    func order(moving moved: [Int]) -> [Int] {
        // Arrays indexed by object, not sets and dictionaries: this runs for every test.
        var isMoved = Array(repeating: false, count: rankInTarget.count)
        for object in moved where isMoved.indices.contains(object) { isMoved[object] = true }
        let slots = from.indices.filter { isMoved.indices.contains(from[$0]) && isMoved[from[$0]] }
        let rank = rankInTarget
        let objects = moved.sorted {
            (rank.indices.contains($0) ? rank[$0] : 0) < (rank.indices.contains($1) ? rank[$1] : 0)
        }
        var result = from
        for (slot, object) in zip(slots, objects) { result[slot] = object }
        return result
    }

    /// A set of objects (sorted by description index) whose reordering reproduces: 1-minimal
    /// unless the budget ran out (``isMinimal``).
    mutating func minimalObjects() throws(ExplorationError) -> [Int] {
        let start = from.indices.filter { from[$0] != to[$0] }.map { from[$0] }.sorted()
        // One object alone cannot be reordered among its own places.
        let (result, complete) = try LinkOrderReducer.ddmin(start) { (candidate: [Int]) throws(ExplorationError) in
            candidate.count >= 2 ? try reproduces(candidate) : .doesNotReproduce
        }
        isMinimal = complete
        return result
    }

    /// ddmin: shrinks `items`, for which `test` holds, to a subset for which it still holds
    /// but fails when any one item is dropped. Returns that subset and true, or — when the
    /// test reports its budget spent — the smallest subset found so far and false.
    static func ddmin<T>(_ items: [T], _ test: ([T]) throws(ExplorationError) -> Verdict) throws(ExplorationError)
        -> (items: [T], complete: Bool)
    {
        var current = items
        var granularity = 2
        while current.count >= 2 {
            let parts = split(current, into: min(granularity, current.count))
            switch try firstReproducing(parts.indices.lazy.map { parts[$0] }, test) {
            case .found(let part):
                current = part
                granularity = 2
                continue
            case .budgetSpent:
                return (current, false)
            case .none:
                break
            }
            if parts.count > 2 {
                // Complements one at a time: building all of them would cost the square of
                // the items in memory.
                let complements = parts.indices.lazy.map { skip in complement(of: skip, in: parts) }
                switch try firstReproducing(complements, test) {
                case .found(let complement):
                    current = complement
                    granularity = max(granularity - 1, 2)
                    continue
                case .budgetSpent:
                    return (current, false)
                case .none:
                    break
                }
            }
            if granularity >= current.count { break }
            granularity = min(current.count, granularity * 2)
        }
        return (current, true)
    }

    private enum Search<T> {
        case found([T])
        case budgetSpent
        case none
    }

    private static func firstReproducing<T, C: Sequence<[T]>>(
        _ candidates: C, _ test: ([T]) throws(ExplorationError) -> Verdict
    ) throws(ExplorationError) -> Search<T> {
        for candidate in candidates {
            switch try test(candidate) {
            case .reproduces: return .found(candidate)
            case .budgetSpent: return .budgetSpent
            case .doesNotReproduce: continue
            }
        }
        return .none
    }

    private static func complement<T>(of skip: Int, in parts: [[T]]) -> [T] {
        var result: [T] = []
        for index in parts.indices where index != skip { result += parts[index] }
        return result
    }

    private mutating func reproduces(_ moved: [Int]) throws(ExplorationError) -> Verdict {
        if let known = cache[moved] { return known ? .reproduces : .doesNotReproduce }
        guard boots < budget else { return .budgetSpent }
        boots += 1
        let result = try test(order(moving: moved))
        cache[moved] = result
        return result ? .reproduces : .doesNotReproduce
    }

    /// `items` cut into `count` nearly equal consecutive parts.
    static func split<T>(_ items: [T], into count: Int) -> [[T]] {
        let size = items.count / count
        let extra = items.count % count
        var parts: [[T]] = []
        var start = 0
        for part in 0..<count {
            let length = size + (part < extra ? 1 : 0)
            parts.append(Array(items[start..<(start + length)]))
            start += length
        }
        return parts
    }

    /// One object moved just before another.
    struct Move: Sendable, Hashable {
        var object: Int
        var before: Int
    }

    /// Phase two, in the words of a reviewer: the pairs of objects that share a level section
    /// and stand in another relative order in `reduced` than in `from`, reduced by ddmin to
    /// the fewest moves "b just before a" that, applied to `from` and nothing else, reproduce.
    /// Nil when there are more than ``moveLimit`` such pairs, when the moves do not reproduce,
    /// or when the first test already exceeds `budget` boots.
    func pairMoves(reduced: [Int], sharing: (Int, Int) -> Bool, budget: Int = 512) throws(ExplorationError)
        -> (order: [Int], moves: [Move], minimal: Bool)?
    {
        guard let ordered = candidateMoves(reduced: reduced, sharing: sharing) else { return nil }
        var boots = 0
        let start = from
        let reproduces = test
        let test = { (candidate: [Move]) throws(ExplorationError) -> Verdict in
            guard boots < budget else { return .budgetSpent }
            boots += 1
            return try reproduces(LinkOrderReducer.apply(candidate, to: start)) ? .reproduces : .doesNotReproduce
        }
        guard !ordered.isEmpty, try test(ordered) == .reproduces else { return nil }
        let (minimal, complete) = try LinkOrderReducer.ddmin(ordered, test)
        return (LinkOrderReducer.apply(minimal, to: from), minimal, complete && isMinimal)
    }

    /// The moves that turn `from` into `reduced`'s relative order of the objects that share
    /// a section, in a canonical order (by the anchor's place in `from`, then the moved
    /// object's); nil when there are more than ``moveLimit`` (the pairs are enumerated only
    /// while that bound holds, so this never takes quadratic work past it).
    private func candidateMoves(reduced: [Int], sharing: (Int, Int) -> Bool) -> [Move]? {
        var position: [Int: Int] = [:]
        for (index, object) in from.enumerated() { position[object] = index }
        var reducedPosition: [Int: Int] = [:]
        for (index, object) in reduced.enumerated() { reducedPosition[object] = index }
        let changed = from.indices.filter { from[$0] != reduced[$0] }.map { from[$0] }
        var moves = Set<Move>()
        for object in changed {
            for other in from where other != object && sharing(object, other) {
                let (a, b) = (position[object] ?? 0) < (position[other] ?? 0) ? (object, other) : (other, object)
                guard (reducedPosition[a] ?? 0) > (reducedPosition[b] ?? 0) else { continue }
                moves.insert(Move(object: b, before: a))
                if moves.count > LinkOrderReducer.moveLimit { return nil }
            }
        }
        func key(_ move: Move) -> (Int, Int) { (position[move.before] ?? 0, position[move.object] ?? 0) }
        return moves.sorted { key($0) < key($1) }
    }

    /// Applies moves in order; a move whose object already stands before its anchor is skipped.
    static func apply(_ moves: [Move], to order: [Int]) -> [Int] {
        var result = order
        for move in moves {
            guard let object = result.firstIndex(of: move.object), let anchor = result.firstIndex(of: move.before),
                object > anchor
            else { continue }
            result = LinkOrderReducer.move(move.object, before: move.before, in: result)
        }
        return result
    }

    static func move(_ object: Int, before anchor: Int, in order: [Int]) -> [Int] {
        var result = order.filter { $0 != object }
        result.insert(object, at: result.firstIndex(of: anchor) ?? 0)
        return result
    }
}
