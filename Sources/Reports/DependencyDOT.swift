import BootAnalysis
import KernelLink
import KernelModel

/// The declared dependency graph of a linked image for Graphviz (`check --format dot`):
/// initcalls as nodes (function and object), grouped in one cluster per table walk in run
/// order (and one for entries that never run), resources as edges from provider to consumer
/// labelled with the resource. A resource with no provider or with several goes through a node
/// of its own, so the graph stays linear in the declarations.
///
/// The edges a finding of `check` names are red, labelled with the finding's code and with its
/// summary as tooltip: solid and thick for errors, dashed for warnings. Findings that name no
/// edge (linker-script and level-table findings) are listed in a comment at the top.
/// Identifiers are positional (`n0`, `n1`, `r0`), so the same input gives the same bytes.
public enum DependencyDOT {
    /// The `digraph` document.
    public static func render(_ image: KernelImage, findings: [Finding]) -> String {
        Graph(image, findings: findings).dot()
    }

    struct Node {
        var entry: PlacedInitcall
        var runs: Bool
    }

    struct Edge {
        var from: String
        var to: String
        var resource: String
    }

    /// A hazard on an edge: the codes and summaries of the findings that name it.
    struct Hazard {
        var codes: [String] = []
        var summaries: [String] = []
        var error = false
    }

    struct Graph {
        let image: KernelImage
        let findings: [Finding]
        var nodes: [Node] = []
        /// Node indices by `function`, `object`.
        var byName: [String: [Int]] = [:]
        var resources: [String] = []
        var providers: [String: [Int]] = [:]
        var consumers: [String: [Int]] = [:]
        /// The node id a resource's edges go through, for resources with zero or several
        /// providers.
        var resourceNode: [String: String] = [:]
        var edges: [Edge] = []
        /// Every edge's key, to find the edges a finding names in constant time.
        var edgeKeys = Set<String>()
        var hazards: [String: Hazard] = [:]
        var unplaced: [Finding] = []

        init(_ image: KernelImage, findings: [Finding]) {
            self.image = image
            self.findings = findings
            for entry in image.table { nodes.append(Node(entry: entry, runs: entry.slice != nil)) }
            for entry in image.orphans + image.discarded { nodes.append(Node(entry: entry, runs: false)) }
            for (index, node) in nodes.enumerated() {
                byName[Graph.key(node.entry.function, node.entry.object), default: []].append(index)
                for resource in unique(node.entry.provides) {
                    if providers[resource] == nil, consumers[resource] == nil { resources.append(resource) }
                    providers[resource, default: []].append(index)
                }
                guard node.runs else { continue }
                for resource in unique(node.entry.requires) {
                    if providers[resource] == nil, consumers[resource] == nil { resources.append(resource) }
                    consumers[resource, default: []].append(index)
                }
            }
            for (index, resource) in resources.enumerated() {
                let from = providers[resource] ?? []
                let to = consumers[resource] ?? []
                if from.count == 1, let provider = from.first {
                    for consumer in to {
                        edges.append(Edge(from: "n\(provider)", to: "n\(consumer)", resource: resource))
                    }
                } else {
                    let id = "r\(index)"
                    resourceNode[resource] = id
                    for provider in from { edges.append(Edge(from: "n\(provider)", to: id, resource: resource)) }
                    for consumer in to { edges.append(Edge(from: id, to: "n\(consumer)", resource: resource)) }
                }
            }
            edgeKeys = Set(edges.map { Graph.edgeKey($0.from, $0.to, $0.resource) })
            for finding in findings { mark(finding) }
        }

        static func key(_ function: String, _ object: String) -> String { function + "\u{0}" + object }

        static func edgeKey(_ from: String, _ to: String, _ resource: String) -> String {
            from + "\u{0}" + to + "\u{0}" + resource
        }

        private func unique(_ values: [String]) -> [String] {
            var seen = Set<String>()
            return values.filter { seen.insert($0).inserted }
        }

        func nodes(_ function: String, _ object: String) -> [Int] { byName[Graph.key(function, object)] ?? [] }

        /// The ids edges of `resource` leave from when `providers` (node indices) provide it.
        func sources(of resource: String, providers: [Int]) -> [String] {
            if let node = resourceNode[resource] { return [node] }
            return providers.map { "n\($0)" }
        }

        /// Marks the edges a finding names (see ``DependencyChecks`` for the subjects of each
        /// code); findings that name none are kept for the comment.
        mutating func mark(_ finding: Finding) {
            let s = finding.subjects
            var keys: [String] = []
            switch finding.code {
            case "fragile-link-order", "wrong-link-order", "provider-in-later-level", "provider-later-in-level",
                "missing-provider":
                guard s.count >= 3 else { break }
                let consumers = nodes(s[0], s[1])
                let resource = s[2]
                let providers = s.count >= 5 ? nodes(s[3], s[4]) : []
                if let via = resourceNode[resource] {
                    for provider in providers { keys.append(Graph.edgeKey("n\(provider)", via, resource)) }
                    for consumer in consumers { keys.append(Graph.edgeKey(via, "n\(consumer)", resource)) }
                } else {
                    for provider in providers {
                        for consumer in consumers {
                            keys.append(Graph.edgeKey("n\(provider)", "n\(consumer)", resource))
                        }
                    }
                }
            case "dependency-cycle":
                // consumer function, object, resource per step.
                var index = 0
                while index + 2 < s.count {
                    let resource = s[index + 2]
                    for source in sources(of: resource, providers: providers[resource] ?? []) {
                        for consumer in nodes(s[index], s[index + 1]) {
                            keys.append(Graph.edgeKey(source, "n\(consumer)", resource))
                        }
                    }
                    index += 3
                }
            case "duplicate-provider":
                // resource, then function and object of every provider.
                guard let resource = s.first, let via = resourceNode[resource] else { break }
                var index = 1
                while index + 1 < s.count {
                    for provider in nodes(s[index], s[index + 1]) {
                        keys.append(Graph.edgeKey("n\(provider)", via, resource))
                    }
                    index += 2
                }
            default:
                break
            }
            var seen = Set<String>()
            let named = keys.filter { edgeKeys.contains($0) && seen.insert($0).inserted }
            guard !named.isEmpty else {
                unplaced.append(finding)
                return
            }
            for key in named {
                var hazard = hazards[key] ?? Hazard()
                if !hazard.codes.contains(finding.code) { hazard.codes.append(finding.code) }
                hazard.summaries.append(finding.summary)
                hazard.error = hazard.error || finding.severity == .error
                hazards[key] = hazard
            }
        }

        // MARK: Writing

        func dot() -> String {
            var output = "// initcall-sim check --format dot: declared dependencies"
            output += image.description.sourceFile.map { " of \($0)" } ?? ""
            output += "\n// render: dot -Tsvg graph.dot > graph.svg\n"
            for finding in unplaced {
                output += "// \(finding.severity.rawValue): [\(finding.code)] \(comment(finding.summary))\n"
            }
            output += "digraph initcalls {\n"
            let title = image.description.sourceFile.map { "initcall dependencies: \($0)" } ?? "initcall dependencies"
            output += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, label=\(quote(title)), labelloc=t];\n"
            output +=
                "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=10];\n"
            output += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#4b5563\"];\n"
            let touched = Set(
                hazards.keys.flatMap { key -> [String] in
                    let parts = key.split(separator: "\u{0}", omittingEmptySubsequences: false)
                    return parts.count >= 2 ? [String(parts[0]), String(parts[1])] : []
                })
            output += clusters(touched: touched)
            for (index, resource) in resources.enumerated() {
                guard let id = resourceNode[resource], id == "r\(index)" else { continue }
                let none = (providers[resource] ?? []).isEmpty
                output += "  \(id) [shape=ellipse, style=\"filled"
                output +=
                    none
                    ? ",dashed\", fillcolor=\"#fdecea\", color=\"#c0392b\", label=\(quote("'\(resource)'\nno provider"))];\n"
                    : "\", fillcolor=\"#eef2f7\", label=\(quote("'\(resource)'\n\((providers[resource] ?? []).count) providers"))];\n"
            }
            for edge in edges { output += self.edge(edge) }
            return output + "}\n"
        }

        /// One cluster per table walk in run order, then the entries that never run.
        func clusters(touched: Set<String>) -> String {
            var walks: [(InitcallSlice, [Int])] = []
            var position: [InitcallSlice: Int] = [:]
            var never: [Int] = []
            for (index, node) in nodes.enumerated() {
                guard node.runs, let slice = node.entry.slice else {
                    never.append(index)
                    continue
                }
                if let at = position[slice] {
                    walks[at].1.append(index)
                } else {
                    position[slice] = walks.count
                    walks.append((slice, [index]))
                }
            }
            walks.sort { $0.0 < $1.0 }
            var output = ""
            for (number, (slice, members)) in walks.enumerated() {
                let name = image.name(of: slice)
                let label: String
                switch slice {
                case .console: label = "console (console_init)"
                case .early: label = "early (do_pre_smp_initcalls)"
                case .level(let n): label = "level \(n): \(name)"
                }
                output += "  subgraph cluster_\(number)_\(identifier(name)) {\n"
                output +=
                    "    label=\(quote(label)); style=\"rounded,filled\"; fillcolor=\"#f4f6fa\"; color=\"#c9d3e3\";\n"
                for index in members { output += "    " + node(index, touched: touched) }
                output += "  }\n"
            }
            if !never.isEmpty {
                output += "  subgraph cluster_never {\n"
                output +=
                    "    label=\"never runs (orphan or discarded)\"; style=\"rounded,dashed\"; color=\"#9ca3af\";\n"
                for index in never { output += "    " + node(index, touched: touched) }
                output += "  }\n"
            }
            return output
        }

        func node(_ index: Int, touched: Set<String>) -> String {
            let entry = nodes[index].entry
            var tooltip = "\(entry.function) (\(entry.object)): \(entry.macro), \(entry.section)"
            if let source = entry.source { tooltip += ", \(source.file):\(source.line)" }
            var attributes = "label=\(quote("\(entry.function)\n\(entry.object)")), tooltip=\(quote(tooltip))"
            if touched.contains("n\(index)") { attributes += ", color=\"#c0392b\", penwidth=1.5" }
            if !nodes[index].runs { attributes += ", fillcolor=\"#f3f4f6\", fontcolor=\"#6b7280\"" }
            return "n\(index) [\(attributes)];\n"
        }

        func edge(_ edge: Edge) -> String {
            var attributes: String
            if let hazard = hazards[Graph.edgeKey(edge.from, edge.to, edge.resource)] {
                let label = edge.resource + "\n" + hazard.codes.map { "[\($0)]" }.joined(separator: " ")
                attributes =
                    "label=\(quote(label)), color=\"#c0392b\", fontcolor=\"#c0392b\", tooltip=\(quote(hazard.summaries.joined(separator: "\n")))"
                attributes += hazard.error ? ", penwidth=2" : ", style=dashed"
            } else {
                let toResource = edge.to.hasPrefix("r")
                attributes = toResource ? "arrowhead=none" : "label=\(quote(edge.resource))"
                if toResource { attributes += ", tooltip=\(quote("provides '\(edge.resource)'"))" }
            }
            return "  \(edge.from) -> \(edge.to) [\(attributes)];\n"
        }

        /// A DOT string: `"` and `\` escaped, line breaks as `\n` (centred lines).
        func quote(_ text: String) -> String {
            var output = "\""
            for character in text {
                switch character {
                case "\"": output += "\\\""
                case "\\": output += "\\\\"
                case "\n": output += "\\n"
                case "\r", "\r\n": output += "\\n"
                default: output.append(character)
                }
            }
            return output + "\""
        }

        func identifier(_ text: String) -> String {
            String(text.map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "_" })
        }

        func comment(_ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
        }
    }
}
