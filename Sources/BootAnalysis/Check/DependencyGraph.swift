import KernelBoot
import KernelLink

/// The initcalls of a linked image as providers and consumers of named resources, with where
/// each runs: enough to say, without booting, whether a requirement is met in every link
/// order, in this one only, or in none.
struct DependencyGraph: Sendable {
    struct Node: Sendable {
        var entry: PlacedInitcall
        /// Nil when the entry never runs (an orphan section, or discarded).
        var position: InitcallPosition?
        var provides: [String]
        var requires: [String]
    }

    /// How a requirement fares, best provider first.
    enum Kind: Int, Sendable, Comparable {
        /// A provider runs before the consumer in every link order.
        case satisfied
        /// A provider runs before it in this link order only.
        case fragile
        /// Providers run after it in this link order; another order would hide that.
        case wrongOrder
        /// Every provider runs after it in every link order.
        case broken
        /// The only providers never run.
        case neverRuns
        /// Nothing provides the resource.
        case missing

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Verdict: Sendable, Hashable {
        var kind: Kind
        /// The provider that decides the verdict (the one to name), if any.
        var provider: Int?
    }

    let image: KernelImage
    /// Table entries in address order, then orphans, then discarded entries.
    let nodes: [Node]
    /// Providers of each resource, in node order.
    let providers: [String: [Int]]
    /// Running consumers of each resource, in node order.
    let consumers: [String: [Int]]

    init(_ image: KernelImage, observed: BootResult?) {
        self.image = image
        var rank: [String: Int] = [:]
        for (position, path) in image.linkOrder.enumerated() where rank[path] == nil { rank[path] = position }
        var objectIndex: [String: Int] = [:]
        for (index, object) in image.description.objects.enumerated() where objectIndex[object.path] == nil {
            objectIndex[object.path] = index
        }
        var nodes: [Node] = []
        for entry in image.table {
            // Where the link put it: the walk that runs it and the statement that placed it.
            var position: InitcallPosition?
            if let slice = entry.slice, let statement = entry.statement {
                position = InitcallPosition(
                    slice: slice, statement: statement, objectRank: rank[entry.object] ?? 0,
                    sourceOrder: entry.sourceOrder,
                    object: objectIndex[entry.object] ?? 0)
            }
            nodes.append(Node(entry: entry, position: position, provides: entry.provides, requires: entry.requires))
        }
        for entry in image.orphans + image.discarded {
            nodes.append(Node(entry: entry, position: nil, provides: entry.provides, requires: entry.requires))
        }
        if let observed { DependencyGraph.merge(observed, into: &nodes) }
        var providers: [String: [Int]] = [:]
        for (index, node) in nodes.enumerated() {
            for resource in DependencyGraph.unique(node.provides) { providers[resource, default: []].append(index) }
        }
        var consumers: [String: [Int]] = [:]
        for (index, node) in nodes.enumerated() where node.position != nil {
            for resource in DependencyGraph.unique(node.requires) { consumers[resource, default: []].append(index) }
        }
        self.nodes = nodes
        self.providers = providers
        self.consumers = consumers
    }

    /// Adds what bodies provided and required at run time to what they declared: Swift bodies
    /// call `k.provide`/`k.require` without declaring anything.
    private static func merge(_ observed: BootResult, into nodes: inout [Node]) {
        var byEntry: [EntryKey: Int] = [:]
        for (index, node) in nodes.enumerated() where byEntry[EntryKey(node.entry)] == nil {
            byEntry[EntryKey(node.entry)] = index
        }
        for (run, entry) in observed.runs.enumerated() {
            guard let index = byEntry[EntryKey(observed.entry(of: entry))] else { continue }
            for event in observed.resourceEvents(of: run) {
                switch event.kind {
                case .provided where !nodes[index].provides.contains(event.resource):
                    nodes[index].provides.append(event.resource)
                case .required where !nodes[index].requires.contains(event.resource):
                    nodes[index].requires.append(event.resource)
                default: break
                }
            }
        }
    }

    private struct EntryKey: Hashable {
        var object: String
        var sourceOrder: Int
        var function: String

        init(_ entry: PlacedInitcall) {
            object = entry.object
            sourceOrder = entry.sourceOrder
            function = entry.function
        }
    }

    static func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }

    /// The verdict for `consumer` requiring `resource`, optionally with one node moved to
    /// another position (to judge a fix). The consumer never counts as its own provider: a
    /// declared requirement is checked before anything is provided.
    func verdict(_ consumer: Int, _ resource: String, moving moved: (node: Int, position: InitcallPosition)? = nil)
        -> Verdict
    {
        guard let consumerPosition = position(consumer, moved) else { return Verdict(kind: .satisfied) }
        var best = Verdict(kind: .missing)
        for provider in providers[resource] ?? [] where provider != consumer {
            let kind: Kind
            if let providerPosition = position(provider, moved) {
                switch providerPosition.relation(to: consumerPosition) {
                case .alwaysBefore: return Verdict(kind: .satisfied, provider: provider)
                case .beforeByLinkOrder: kind = .fragile
                case .afterByLinkOrder: kind = .wrongOrder
                case .alwaysAfter: kind = .broken
                }
            } else {
                kind = .neverRuns
            }
            if kind < best.kind { best = Verdict(kind: kind, provider: provider) }
        }
        return best
    }

    func position(_ node: Int, _ moved: (node: Int, position: InitcallPosition)?) -> InitcallPosition? {
        if let moved, moved.node == node { return moved.position }
        return nodes[node].position
    }

    /// Every (consumer, resource) requirement of nodes that run, in node order.
    var requirements: [(consumer: Int, resource: String)] {
        nodes.indices.flatMap { index in
            nodes[index].position == nil ? [] : DependencyGraph.unique(nodes[index].requires).map { (index, $0) }
        }
    }

    /// The providers of `resource` that run.
    func runningProviders(of resource: String) -> [Int] {
        (providers[resource] ?? []).filter { nodes[$0].position != nil }
    }

    /// `name (object)`.
    func name(_ node: Int) -> String { "\(nodes[node].entry.function) (\(nodes[node].entry.object))" }

    /// The level name a node runs in.
    func levelName(_ node: Int) -> String {
        nodes[node].position.map { image.name(of: $0.slice) } ?? "never"
    }

    /// Where only link order decides between two entries, in the kernel's terms: "the same
    /// level (device)", or for a single-loop kernel (up to 3.3), whose one loop runs the
    /// sections in layout order, "the same section (.initcall6.init)".
    func orderScope(_ node: Int) -> String {
        guard image.levels.loop == .single else { return "the same level (\(levelName(node)))" }
        return "the same section (\(nodes[node].entry.section))"
    }

    /// "level" or, for a single-loop kernel, "section": what only link order orders within.
    var orderUnit: String { image.levels.loop == .single ? "section" : "initcall level" }
}
