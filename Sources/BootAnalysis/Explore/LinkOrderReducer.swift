/// Delta debugging (Zeller and Hildebrandt's ddmin) over objects: from a passing link order and
/// a failing one, the fewest objects whose reordering alone reproduces the failure.
///
/// Reordering a set S means: the objects of S keep the positions they hold in the passing
/// order but take the failing order's relative order among themselves; every other object
/// stays put. With S = every object that sits elsewhere in the failing order, that *is* the
/// failing order; ddmin shrinks S until removing any one object loses the failure (1-minimal).
struct LinkOrderReducer {
    typealias Test = (_ order: [Int]) throws(ExplorationError) -> Bool

    let from: [Int]
    let to: [Int]
    private let test: Test
    private let rankInTarget: [Int: Int]
    private var cache: [[Int]: Bool] = [:]
    /// Boots the object phase may spend; past it every test says no, so ddmin stops with the
    /// last set that did reproduce (still a reproducer, maybe not a minimal one).
    let budget: Int
    private(set) var boots = 0

    /// Whether the object phase finished within its budget, so its result is 1-minimal.
    var isMinimal: Bool { boots < budget }

    init(from: [Int], to: [Int], budget: Int = 2_000, test: @escaping Test) {
        self.budget = budget
        self.from = from
        self.to = to
        self.test = test
        var rank: [Int: Int] = [:]
        for (position, object) in to.enumerated() { rank[object] = position }
        self.rankInTarget = rank
    }

    /// `from` with the objects of `moved` reordered as in `to`, in their own positions.
    func order(moving moved: [Int]) -> [Int] {
        let set = Set(moved)
        let slots = from.indices.filter { set.contains(from[$0]) }
        let objects = moved.sorted { (rankInTarget[$0] ?? 0) < (rankInTarget[$1] ?? 0) }
        var result = from
        for (slot, object) in zip(slots, objects) { result[slot] = object }
        return result
    }

    /// A 1-minimal set of objects (sorted by description index) whose reordering reproduces.
    mutating func minimalObjects() throws(ExplorationError) -> [Int] {
        let start = from.indices.filter { from[$0] != to[$0] }.map { from[$0] }.sorted()
        // One object alone cannot be reordered among its own places.
        return try LinkOrderReducer.ddmin(start) { (candidate: [Int]) throws(ExplorationError) -> Bool in
            candidate.count >= 2 ? try reproduces(candidate) : false
        }
    }

    /// ddmin: shrinks `items`, for which `test` holds, to a subset for which it still holds
    /// but fails when any one item is dropped.
    static func ddmin<T>(_ items: [T], _ test: ([T]) throws(ExplorationError) -> Bool) throws(ExplorationError) -> [T] {
        var current = items
        var granularity = 2
        while current.count >= 2 {
            let parts = split(current, into: min(granularity, current.count))
            if let part = try first(parts, test) {
                current = part
                granularity = 2
                continue
            }
            let complements = parts.indices.map { skip in parts.indices.filter { $0 != skip }.flatMap { parts[$0] } }
            if parts.count > 2, let complement = try first(complements, test) {
                current = complement
                granularity = max(granularity - 1, 2)
                continue
            }
            if granularity >= current.count { break }
            granularity = min(current.count, granularity * 2)
        }
        return current
    }

    private static func first<T>(_ candidates: [[T]], _ test: ([T]) throws(ExplorationError) -> Bool)
        throws(ExplorationError) -> [T]?
    {
        for candidate in candidates where try test(candidate) { return candidate }
        return nil
    }

    private mutating func reproduces(_ moved: [Int]) throws(ExplorationError) -> Bool {
        if let known = cache[moved] { return known }
        guard boots < budget else { return false }
        boots += 1
        let result = try test(order(moving: moved))
        cache[moved] = result
        return result
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
    /// Nil when the moves do not reproduce or the work exceeds `budget` boots.
    func pairMoves(reduced: [Int], sharing: (Int, Int) -> Bool, budget: Int = 512) throws(ExplorationError)
        -> (order: [Int], moves: [Move], minimal: Bool)?
    {
        var position: [Int: Int] = [:]
        for (index, object) in from.enumerated() { position[object] = index }
        var reducedPosition: [Int: Int] = [:]
        for (index, object) in reduced.enumerated() { reducedPosition[object] = index }
        var moves = Set<Move>()
        for object in from.indices.filter({ from[$0] != reduced[$0] }).map({ from[$0] }) {
            for other in from where other != object && sharing(object, other) {
                let (a, b) = (position[object] ?? 0) < (position[other] ?? 0) ? (object, other) : (other, object)
                if (reducedPosition[a] ?? 0) > (reducedPosition[b] ?? 0) { moves.insert(Move(object: b, before: a)) }
            }
        }
        // Canonical order: by the anchor's place in the passing order, then the moved object's.
        func key(_ move: Move) -> (Int, Int) { (position[move.before] ?? 0, position[move.object] ?? 0) }
        let ordered = moves.sorted { key($0) < key($1) }
        var boots = 0
        let start = from
        let reproduces = test
        // Once the budget is spent every test says no, so ddmin keeps the last set that did.
        let test = { (candidate: [Move]) throws(ExplorationError) -> Bool in
            guard boots < budget else { return false }
            boots += 1
            return try reproduces(LinkOrderReducer.apply(candidate, to: start))
        }
        guard !ordered.isEmpty, try test(ordered) else { return nil }
        let minimal = try LinkOrderReducer.ddmin(ordered, test)
        return (LinkOrderReducer.apply(minimal, to: from), minimal, boots < budget && isMinimal)
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
