import KernelLink
import KernelModel
import LinkerScript

/// The link orders worth exploring for one description: only objects that share a
/// link-order-dependent group (one input section description of one level, entries from two
/// or more objects) can change anything by moving. Objects that share groups form components;
/// each component is permuted among the link-order positions it holds in the reference order,
/// and everything else stays where it is.
///
/// Order 0 is always the reference. Exhaustive order `k` is the `k`-th combination of the
/// components' permutations (mixed radix, Lehmer code per component); random order `k` is a
/// Fisher–Yates shuffle of every component drawn from `SplitMix64(seed, stream: k)`.
struct ExplorationSpace: Sendable {
    /// A level's link-order-dependent group, for the report.
    struct Group: Sendable, Hashable {
        var level: String
        /// The input sections the group's entries come from (`.initcall6.init`).
        var sections: [String]
        var objects: [String]
    }

    /// The reference link order, as description object indices.
    let reference: [Int]
    /// Per component: its objects in reference order, and the reference positions they hold.
    let components: [(objects: [Int], slots: [Int])]
    let groups: [Group]
    /// The groups each movable object belongs to.
    private let memberships: [Int: Set<Int>]
    /// How many distinct orders there are: the product of the components' factorials; nil when
    /// that does not fit in an `Int`.
    let size: Int?

    init(_ image: KernelImage, reference: [Int], only level: InitcallSlice?) {
        self.reference = reference
        var objectIndex: [String: Int] = [:]
        for (index, object) in image.description.objects.enumerated() where objectIndex[object.path] == nil {
            objectIndex[object.path] = index
        }
        let groupObjects = ExplorationSpace.groups(image, objectIndex: objectIndex, only: level)
        self.groups = groupObjects.map { group in
            Group(
                level: image.name(of: group.slice), sections: group.sections,
                objects: group.objects.map { image.description.objects[$0].path })
        }
        var memberships: [Int: Set<Int>] = [:]
        for (index, group) in groupObjects.enumerated() {
            for object in group.objects { memberships[object, default: []].insert(index) }
        }
        self.memberships = memberships
        var position = Array(repeating: 0, count: reference.count)
        for (slot, object) in reference.enumerated() { position[object] = slot }
        self.components = ExplorationSpace.components(groupObjects.map(\.objects), count: reference.count).map {
            members in
            let objects = members.sorted { position[$0] < position[$1] }
            return (objects, objects.map { position[$0] })
        }
        var size: Int? = 1
        for component in components {
            guard let total = size, let count = ExplorationSpace.factorial(component.objects.count) else {
                size = nil
                break
            }
            let (product, overflow) = total.multipliedReportingOverflow(by: count)
            size = overflow ? nil : product
        }
        self.size = size
    }

    /// Groups of entries that run in one slice and were placed by one description (as the link
    /// recorded it on each entry: never worked out again from source locations), with their
    /// distinct objects in run order; only groups of two or more objects.
    private static func groups(
        _ image: KernelImage, objectIndex: [String: Int], only level: InitcallSlice?
    ) -> [(slice: InitcallSlice, sections: [String], objects: [Int])] {
        var result: [(slice: InitcallSlice, sections: [String], objects: [Int])] = []
        var keyIndex: [GroupKey: Int] = [:]
        var members: [Set<Int>] = []
        for (slice, entry) in image.runOrder where level == nil || level == slice {
            guard let statement = image.table[entry].statement, let object = objectIndex[image.table[entry].object]
            else { continue }
            let key = GroupKey(slice: slice, statement: statement)
            let index: Int
            if let known = keyIndex[key] {
                index = known
            } else {
                index = result.count
                keyIndex[key] = index
                result.append((slice, [], []))
                members.append([])
            }
            if members[index].insert(object).inserted { result[index].objects.append(object) }
            let section = image.table[entry].section
            if !result[index].sections.contains(section) { result[index].sections.append(section) }
        }
        return result.filter { $0.objects.count > 1 }
    }

    private struct GroupKey: Hashable {
        var slice: InitcallSlice
        var statement: LinkMap.StatementReference
    }

    /// Objects connected through shared groups (union–find), each component sorted.
    private static func components(_ groups: [[Int]], count: Int) -> [[Int]] {
        var parent = Array(0..<count)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var involved = Set<Int>()
        for group in groups {
            for object in group {
                involved.insert(object)
                parent[root(object)] = root(group[0])
            }
        }
        var byRoot: [Int: [Int]] = [:]
        for object in involved.sorted() { byRoot[root(object), default: []].append(object) }
        return byRoot.values.map { $0.sorted() }.sorted { ($0.first ?? 0) < ($1.first ?? 0) }
    }

    static func factorial(_ n: Int) -> Int? {
        var result = 1
        for k in stride(from: 2, through: max(1, n), by: 1) {
            let (product, overflow) = result.multipliedReportingOverflow(by: k)
            if overflow { return nil }
            result = product
        }
        return result
    }

    /// The objects that can move, in reference order.
    var movable: [Int] {
        let moving = Set(components.flatMap(\.objects))
        return reference.filter { moving.contains($0) }
    }

    /// Whether two objects have entries in one link-order-dependent group.
    func shareGroup(_ a: Int, _ b: Int) -> Bool {
        guard let first = memberships[a], let second = memberships[b] else { return false }
        return !first.isDisjoint(with: second)
    }

    /// Random order `index` (0 is the reference).
    func randomOrder(_ index: Int, seed: UInt64) -> [Int] {
        guard index > 0 else { return reference }
        var generator = SplitMix64(seed: seed, stream: UInt64(index))
        var order = reference
        for component in components {
            var objects = component.objects
            generator.shuffle(&objects)
            for (slot, object) in zip(component.slots, objects) { order[slot] = object }
        }
        return order
    }

    /// Exhaustive order `index`, for `0 ..< size` (0 is the reference).
    func exhaustiveOrder(_ index: Int) -> [Int] {
        var order = reference
        var rest = index
        for component in components {
            let count = ExplorationSpace.factorial(component.objects.count) ?? Int.max
            let digit = rest % count
            rest /= count
            for (slot, object) in zip(component.slots, ExplorationSpace.permutation(component.objects, rank: digit)) {
                order[slot] = object
            }
        }
        return order
    }

    /// The `rank`-th permutation of `items` in lexicographic order of positions (Lehmer code);
    /// rank 0 is `items` unchanged.
    static func permutation(_ items: [Int], rank: Int) -> [Int] {
        var pool = items
        var result: [Int] = []
        var rest = rank
        for remaining in stride(from: items.count, to: 0, by: -1) {
            let block = factorial(remaining - 1) ?? Int.max
            let choice = min(rest / block, pool.count - 1)
            rest %= block
            result.append(pool.remove(at: choice))
        }
        return result
    }
}
