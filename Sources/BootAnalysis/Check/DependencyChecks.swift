import KernelBoot
import KernelLink
import KernelModel
import SourceInput

/// Dependency-hazard checks over `requires`/`provides`, without booting (issue: "Comparing
/// link-order outcomes: compare, check, explore").
///
/// For every requirement of an initcall that runs, the checks find where its providers run:
///
/// - before it in every link order (an earlier level, an earlier section of its level, or
///   earlier in the same file): fine;
/// - before it only because of link order (same section of the same level, another object):
///   `fragile-link-order`, a warning;
/// - after it in this link order, in such a section: `wrong-link-order`, an error;
/// - after it in every link order: `provider-in-later-level` / `provider-later-in-level`;
/// - nowhere, or only in sections that never run: `missing-provider`.
///
/// Plus `duplicate-provider` (two initcalls provide one resource, a warning) and
/// `dependency-cycle` (requirements that no order can meet, reported once per cycle). Each
/// finding names both initcalls and objects and the smallest fix (see `DependencyFix`).
public enum DependencyChecks {
    /// Links `description` (in `linkOrder`, or description order) and checks it.
    public static func run(
        _ description: KernelDescription, linkOrder: LinkOrder? = nil, allowPartial: Bool = false,
        observed: BootResult? = nil
    ) throws(LinkError) -> [Finding] {
        run(try Linker.link(description, linkOrder: linkOrder, allowPartial: allowPartial), observed: observed)
    }

    /// Checks a linked image.
    ///
    /// - Parameter observed: a boot of the same description; what its bodies provided and
    ///   required at run time (`k.provide`, `k.require`) is added to what they declare.
    public static func run(_ image: KernelImage, observed: BootResult? = nil) -> [Finding] {
        let graph = DependencyGraph(image, observed: observed)
        // The image linked, so the probe of the same script and table lays out too; without
        // it findings simply carry no fix.
        let levels = try? LevelPositions(image.description)
        let fix = levels.map { DependencyFix(graph: graph, levels: $0) }
        return Checker(graph: graph, fix: fix).findings().sorted()
    }
}

/// Turns the graph's verdicts into findings with words a reviewer would use.
private struct Checker {
    let graph: DependencyGraph
    let fix: DependencyFix?

    func findings() -> [Finding] {
        let cycles = DependencyCycles(graph)
        var result = cycles.cycles.compactMap(cycle)
        for (consumer, resource) in graph.requirements where !cycles.covers(consumer, resource) {
            if let finding = requirement(consumer, resource) { result.append(finding) }
        }
        result += duplicates()
        return result
    }

    private func requirement(_ consumer: Int, _ resource: String) -> Finding? {
        let verdict = graph.verdict(consumer, resource)
        switch verdict.kind {
        case .satisfied: return nil
        case .fragile, .wrongOrder, .broken:
            guard let provider = verdict.provider else { return nil }
            return ordering(verdict.kind, consumer, provider, resource)
        case .neverRuns, .missing:
            return missing(consumer, resource, neverRunning: verdict.provider)
        }
    }

    // MARK: Ordering

    private func ordering(_ kind: DependencyGraph.Kind, _ c: Int, _ p: Int, _ resource: String) -> Finding? {
        guard let cp = graph.nodes[c].position, let pp = graph.nodes[p].position else { return nil }
        let consumer = graph.nodes[c].entry
        let provider = graph.nodes[p].entry
        let head = "\(graph.name(c)) requires '\(resource)', which \(graph.name(p)) provides"
        let scope = graph.orderScope(c)
        let (severity, code, summary, why): (Finding.Severity, String, String, [String])
        switch kind {
        case .fragile:
            (severity, code) = (.warning, "fragile-link-order")
            summary =
                "\(head) earlier in \(scope) only because \(provider.object) is linked before \(consumer.object)"
            why = [
                "within one \(graph.orderUnit) the kernel promises nothing but link order: an obj-y edit in a Makefile, a directory move, or a driver switched between built-in and module can link \(consumer.object) first, and \(consumer.function) then finds '\(resource)' missing"
            ]
        case .wrongOrder:
            (severity, code) = (.error, "wrong-link-order")
            summary =
                "\(head) later in \(scope), because \(consumer.object) is linked before \(provider.object)"
            why = [
                "in this link order \(consumer.function) finds '\(resource)' missing; linking \(provider.object) first would only hide it, since within one \(graph.orderUnit) nothing but link order decides"
            ]
        default:
            (severity, code, summary, why) = broken(c, p, resource, cp, pp)
        }
        return Finding(
            severity, code: code, location: location(of: consumer, attribute: "requires="), summary: summary,
            explanation: why, fix: fix?.suggestion(consumer: c, provider: p, resource: resource),
            subjects: [consumer.function, consumer.object, resource, provider.function, provider.object])
    }

    /// A provider that runs after its consumer whatever the link order.
    private func broken(_ c: Int, _ p: Int, _ resource: String, _ cp: InitcallPosition, _ pp: InitcallPosition)
        -> (Finding.Severity, String, String, [String])
    {
        let consumer = graph.nodes[c].entry
        let provider = graph.nodes[p].entry
        let head = "\(graph.name(c)) requires '\(resource)', which \(graph.name(p)) provides"
        let always = "'\(resource)' is missing in every link order"
        if cp.slice != pp.slice {
            return (
                .error, "provider-in-later-level",
                "\(head) only later, in the \(graph.levelName(p)) level (\(consumer.function) runs in \(graph.levelName(c)))",
                ["\(consumer.macro) runs before \(provider.macro) whatever the link order: \(always)"]
            )
        }
        if cp.object == pp.object, cp.statement == pp.statement {
            return (
                .error, "provider-later-in-level",
                "\(head) only after it: both are in \(consumer.sourceFile), where \(provider.function) is registered later",
                ["entries of one file run in source order, whatever the link order: \(always)"]
            )
        }
        return (
            .error, "provider-later-in-level",
            "\(head) only after it in the \(graph.levelName(c)) level: \(provider.section) runs after \(consumer.section)",
            [
                "\(provider.macro) entries run after every \(consumer.macro) entry of the level, whatever the link order: \(always)"
            ]
        )
    }

    // MARK: Missing providers

    private func missing(_ c: Int, _ resource: String, neverRunning provider: Int?) -> Finding {
        let consumer = graph.nodes[c].entry
        var summary = "\(graph.name(c)) requires '\(resource)', which no initcall provides"
        var why = ["\(consumer.function) finds '\(resource)' missing in every link order"]
        var fix =
            "provide '\(resource)' from an initcall that runs before \(consumer.function), or drop the requirement"
        var subjects = [consumer.function, consumer.object, resource]
        if let provider {
            let entry = graph.nodes[provider].entry
            let fate =
                graph.image.discarded.contains(entry)
                ? "is discarded by the linker script"
                : "is in \(entry.section), which no pattern of the linker script collects"
            summary = "\(graph.name(c)) requires '\(resource)', whose only provider \(graph.name(provider)) never runs"
            why = ["\(entry.function) \(fate), so \(consumer.function) finds '\(resource)' missing in every link order"]
            fix = "register \(entry.function) with a level macro (\(entry.macro) places it where no level walk reaches)"
            subjects += [entry.function, entry.object]
        } else {
            let known = graph.providers.keys.sorted()
            let close = Suggestions.closest(to: resource, in: known)
            if let first = close.first, let by = graph.providers[first]?.first {
                fix = "did you mean '\(first)' (provided by \(graph.nodes[by].entry.function))?"
            }
        }
        return Finding(
            .error, code: "missing-provider", location: location(of: consumer, attribute: "requires="),
            summary: summary,
            explanation: why, fix: fix, subjects: subjects)
    }

    // MARK: Duplicates and cycles

    private func duplicates() -> [Finding] {
        graph.providers.keys.sorted().compactMap { resource -> Finding? in
            let all = graph.providers[resource] ?? []
            guard all.count > 1, let second = all.dropFirst().first else { return nil }
            let names = all.map(graph.name)
            let list =
                names.count == 2
                ? "\(names[0]) and \(names[1])"
                : names.dropLast().joined(separator: ", ") + " and " + (names.last ?? "")
            return Finding(
                .warning, code: "duplicate-provider",
                location: location(of: graph.nodes[second].entry, attribute: "provides="),
                summary: "'\(resource)' is provided by both \(list)",
                explanation: [
                    "whichever runs first provides it, and which that is may depend on link order: consumers cannot tell which one they got"
                ],
                fix: "keep one provider of '\(resource)', or give each its own resource name",
                subjects: [resource] + all.flatMap { [graph.nodes[$0].entry.function, graph.nodes[$0].entry.object] })
        }
    }

    private func cycle(_ steps: [DependencyCycles.Step]) -> Finding? {
        guard let first = steps.first else { return nil }
        let chain = steps.map { step in
            step.provider == step.consumer
                ? "\(graph.name(step.consumer)) requires '\(step.resource)', which only it provides itself"
                : "\(graph.name(step.consumer)) requires '\(step.resource)', which only \(graph.name(step.provider)) provides"
        }
        let entry = graph.nodes[first.consumer].entry
        return Finding(
            .error, code: "dependency-cycle", location: location(of: entry, attribute: "requires="),
            summary: "dependency cycle: " + chain.joined(separator: "; "),
            explanation: ["whichever runs first finds its requirement missing, in every link order and at every level"],
            fix: steps.count == 1
                ? "a requirement is checked before anything is provided: drop '\(first.resource)' from what \(entry.function) requires"
                : "break the cycle: one of them must provide its resource without needing the other's",
            subjects: steps.flatMap {
                [graph.nodes[$0.consumer].entry.function, graph.nodes[$0.consumer].entry.object, $0.resource]
            })
    }
}

extension Checker {
    /// Where a finding about `entry` points: at the attribute on its registration line when
    /// the `.boot` reader recorded its column (`requires=`), else at the registration.
    fileprivate func location(of entry: PlacedInitcall, attribute: String) -> SourceLocation? {
        guard let source = entry.source else { return nil }
        return SourceLocation(
            file: source.file, line: source.line, column: entry.column(ofAttribute: attribute) ?? source.column)
    }
}
