/// The smallest change that makes a provider run before its consumer in every link order, as a
/// reviewer would suggest it: swap two registrations of one file, or move the provider to an
/// earlier section or level, or the consumer to a later one (the `_sync` variant first). Each
/// candidate is tried against the whole dependency graph, and one that breaks another
/// requirement is only offered when nothing cleaner exists, with the damage named.
struct DependencyFix {
    struct Candidate {
        /// Smaller is the smaller change, for candidates that break nothing.
        var tier: Int
        /// The target macro is one init.h reserves for special code.
        var discouraged = false
        var movesProvider: Bool
        var text: String
        /// What the move would break elsewhere, in words.
        var damage: [String]
    }

    let graph: DependencyGraph
    let levels: LevelPositions

    /// The fix text for `consumer` requiring `resource` from `provider`: the best candidate
    /// and, if there is one, the best clean candidate that moves the other side.
    func suggestion(consumer: Int, provider: Int, resource: String) -> String? {
        let ranked = candidates(consumer: consumer, provider: provider, resource: resource).enumerated().sorted {
            ($0.element.damage.isEmpty ? 0 : 1, $0.element.discouraged ? 1 : 0, $0.element.tier, $0.offset)
                < ($1.element.damage.isEmpty ? 0 : 1, $1.element.discouraged ? 1 : 0, $1.element.tier, $1.offset)
        }.map(\.element)
        guard let best = ranked.first else { return nil }
        var text = best.text
        if !best.damage.isEmpty { text += " (but then " + best.damage.joined(separator: ", and ") + ")" }
        if best.damage.isEmpty,
            let other = ranked.first(where: { $0.damage.isEmpty && $0.movesProvider != best.movesProvider })
        {
            text += "; or " + other.text
        }
        return text
    }

    func candidates(consumer: Int, provider: Int, resource: String) -> [Candidate] {
        guard let c = graph.nodes[consumer].position, let p = graph.nodes[provider].position else { return [] }
        var result: [Candidate] = []
        if c.object == p.object, c.slice == p.slice, c.statement == p.statement {
            let file = graph.nodes[consumer].entry.sourceFile
            result.append(
                Candidate(
                    tier: 0, movesProvider: true,
                    text:
                        "register \(graph.nodes[provider].entry.function) before \(graph.nodes[consumer].entry.function) in \(file)",
                    damage: []))
        }
        let cLevel = levels.name(of: c.slice)
        let pLevel = levels.name(of: p.slice)
        let requirement = (consumer, resource)
        if let target = levels.sectionBefore(c.statement, in: c.slice) {
            let why =
                graph.image.levels.loop == .single
                ? "which runs before \(sectionMacro(consumer)) in the one do_initcalls() loop"
                : "which runs before \(sectionMacro(consumer)) in the \(cLevel) level"
            result.append(move(provider, to: target, tier: 1, isProvider: true, why: why, fixing: requirement))
        }
        if let target = levels.levelBefore(c.slice) {
            let why = "the nearest level before \(cLevel)"
            result.append(move(provider, to: target, tier: 2, isProvider: true, why: why, fixing: requirement))
        }
        if let target = levels.sectionAfter(p.statement, in: p.slice) {
            let why = "which runs after every \(sectionMacro(provider))"
            result.append(move(consumer, to: target, tier: 3, isProvider: false, why: why, fixing: requirement))
        }
        if let target = levels.levelAfter(p.slice) {
            let why = "the nearest level after \(pLevel)"
            result.append(move(consumer, to: target, tier: 4, isProvider: false, why: why, fixing: requirement))
        }
        return result.filter { !$0.text.isEmpty }
    }

    /// The macro of a node's section as the level table names it first (`device_initcall` for
    /// a `module_init`), which is what "after every …" must say.
    private func sectionMacro(_ node: Int) -> String {
        let entry = graph.nodes[node].entry
        return graph.image.levels.id(named: entry.id)?.macros.first ?? entry.macro
    }

    private func move(
        _ node: Int, to target: LevelPositions.Target, tier: Int, isProvider: Bool, why: String,
        fixing requirement: (consumer: Int, resource: String)
    ) -> Candidate {
        guard let current = graph.nodes[node].position else {
            return Candidate(tier: tier, movesProvider: isProvider, text: "", damage: [])
        }
        var moved = current
        moved.slice = target.slice
        moved.statement = target.statement
        let entry = graph.nodes[node].entry
        var text = "move \(graph.name(node)) from \(entry.macro) to \(target.macro), \(why)"
        let restriction = LevelPositions.restricted[target.macro]
        if let restriction { text += " (\(restriction))" }
        return Candidate(
            tier: tier, discouraged: restriction != nil, movesProvider: isProvider, text: text,
            damage: damage(moving: node, to: moved, except: requirement))
    }

    /// Requirements a move would make worse than they are now.
    private func damage(
        moving node: Int, to position: InitcallPosition, except fixed: (consumer: Int, resource: String)
    )
        -> [String]
    {
        var affected: [(consumer: Int, resource: String)] = DependencyGraph.unique(graph.nodes[node].requires).map {
            (node, $0)
        }
        for resource in DependencyGraph.unique(graph.nodes[node].provides) {
            for consumer in graph.consumers[resource] ?? [] where consumer != node {
                affected.append((consumer, resource))
            }
        }
        var result: [String] = []
        for (consumer, resource) in affected where !(consumer == fixed.consumer && resource == fixed.resource) {
            let before = graph.verdict(consumer, resource)
            let after = graph.verdict(consumer, resource, moving: (node, position))
            guard after.kind > before.kind else { continue }
            result.append(
                "\(graph.nodes[consumer].entry.function) would \(DependencyFix.consequence(after.kind, resource))")
        }
        return result
    }

    static func consequence(_ kind: DependencyGraph.Kind, _ resource: String) -> String {
        switch kind {
        case .satisfied: return "still find '\(resource)'"
        case .fragile: return "find '\(resource)' only thanks to link order"
        case .wrongOrder: return "find '\(resource)' missing in this link order"
        case .broken, .neverRuns, .missing: return "find '\(resource)' missing in every link order"
        }
    }
}
