/// Dependency cycles among initcalls: A requires what only B provides, and B (perhaps through
/// others) requires what only A provides. Whichever runs first finds its requirement missing,
/// in every link order and at every level. Only sole providers make edges: a resource with a
/// second provider outside the cycle can still be met.
struct DependencyCycles: Sendable {
    /// One step of a cycle: `consumer` requires `resource`, which only `provider` provides.
    struct Step: Sendable, Hashable {
        var consumer: Int
        var resource: String
        var provider: Int
    }

    /// Each cycle as a closed chain of steps, starting at its first node in node order.
    let cycles: [[Step]]
    /// Requirements that lie on a cycle (reported with it, not on their own).
    private let covered: Set<Covered>

    private struct Covered: Hashable {
        var consumer: Int
        var resource: String
    }

    init(_ graph: DependencyGraph) {
        var edges: [[Step]] = Array(repeating: [], count: graph.nodes.count)
        for (consumer, resource) in graph.requirements {
            let providers = graph.runningProviders(of: resource)
            if providers.count == 1 {
                edges[consumer].append(Step(consumer: consumer, resource: resource, provider: providers[0]))
            }
        }
        var cycles: [[Step]] = []
        var covered = Set<Covered>()
        for component in DependencyCycles.components(edges) {
            let members = Set(component)
            let inside = component.flatMap { edges[$0].filter { members.contains($0.provider) } }
            guard component.count > 1 || !inside.isEmpty else { continue }
            for step in inside { covered.insert(Covered(consumer: step.consumer, resource: step.resource)) }
            cycles.append(DependencyCycles.chain(from: component.min() ?? 0, edges: edges, members: members))
        }
        self.cycles = cycles.sorted { ($0.first?.consumer ?? 0) < ($1.first?.consumer ?? 0) }
        self.covered = covered
    }

    func covers(_ consumer: Int, _ resource: String) -> Bool {
        covered.contains(Covered(consumer: consumer, resource: resource))
    }

    /// Strongly connected components (Tarjan), iteratively so that a long chain of
    /// dependencies cannot exhaust the stack.
    static func components(_ edges: [[Step]]) -> [[Int]] {
        var index = Array(repeating: -1, count: edges.count)
        var low = Array(repeating: 0, count: edges.count)
        var onStack = Array(repeating: false, count: edges.count)
        var stack: [Int] = []
        var result: [[Int]] = []
        var counter = 0
        for root in edges.indices where index[root] < 0 {
            var work: [(node: Int, next: Int)] = [(root, 0)]
            index[root] = counter
            low[root] = counter
            counter += 1
            stack.append(root)
            onStack[root] = true
            while let (node, next) = work.last {
                if next < edges[node].count {
                    work[work.count - 1].next += 1
                    let target = edges[node][next].provider
                    if index[target] < 0 {
                        index[target] = counter
                        low[target] = counter
                        counter += 1
                        stack.append(target)
                        onStack[target] = true
                        work.append((target, 0))
                    } else if onStack[target] {
                        low[node] = min(low[node], index[target])
                    }
                    continue
                }
                work.removeLast()
                if let parent = work.last { low[parent.node] = min(low[parent.node], low[node]) }
                guard low[node] == index[node] else { continue }
                var component: [Int] = []
                while let member = stack.popLast() {
                    onStack[member] = false
                    component.append(member)
                    if member == node { break }
                }
                result.append(component.sorted())
            }
        }
        return result
    }

    /// A shortest closed chain from `start` back to itself inside one component (breadth
    /// first, trying edges in declaration order), to print as "A requires … B requires …".
    static func chain(from start: Int, edges: [[Step]], members: Set<Int>) -> [Step] {
        var via: [Int: Step] = [:]
        var queue = [start]
        var head = 0
        var closing: Step?
        search: while head < queue.count {
            let node = queue[head]
            head += 1
            for step in edges[node] where members.contains(step.provider) {
                if step.provider == start {
                    closing = step
                    break search
                }
                if via[step.provider] == nil {
                    via[step.provider] = step
                    queue.append(step.provider)
                }
            }
        }
        guard let closing else { return [] }
        var steps = [closing]
        var node = closing.consumer
        while node != start, let step = via[node] {
            steps.append(step)
            node = step.consumer
        }
        return steps.reversed()
    }
}
