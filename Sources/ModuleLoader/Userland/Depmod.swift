import KernelModel

/// What `depmod` writes to `/lib/modules/<release>/` (kmod tools/depmod.c): every module's
/// transitive dependencies (`modules.dep`), the symbol aliases (`modules.symbols`) and the
/// modules' own aliases (`modules.alias`).
package struct DepmodResult: Sendable {
    /// Installed modules by name.
    package var modules: [String: ModuleDescription]
    /// Module names in `modules.order` order.
    package var order: [String]
    /// Each module's dependencies, dependents before what they depend on (deepest last).
    package var dependencies: [String: [String]]
    /// `alias symbol:<sym> <mod>` entries, by symbol.
    package var symbolOwners: [String: String]
    /// `alias <alias> <mod>` entries, in order.
    package var aliases: [(alias: String, module: String)]
    /// `softdep <mod> <value>` entries from the modules' `MODULE_SOFTDEP()`, in order.
    package var softdeps: [(module: String, value: String)] = []

    /// `modules.softdep`.
    package var modulesSoftdep: String {
        var text = "# Soft dependencies extracted from modules themselves.\n"
        for entry in softdeps { text += "softdep \(entry.module) \(entry.value)\n" }
        return text
    }

    /// Dependency cycles, each from its first module back to it; depmod then writes nothing.
    package var cycles: [[String]] = []

    /// `depmod_report_cycles()`: each cycle, then the count of modules in them.
    package var cycleErrors: [String] {
        guard !cycles.isEmpty else { return [] }
        let members = Set(cycles.flatMap { $0 })
        return cycles.map { "depmod: ERROR: Cycle detected: \($0.joined(separator: " -> "))" }
            + ["depmod: ERROR: Found \(members.count) modules in dependency cycles!"]
    }

    /// The path of a module relative to `/lib/modules/<release>/`.
    package static func relativePath(_ name: String) -> String { "extra/\(name).ko" }

    /// `modules.dep`: `path: dep dep…`, no trailing space without dependencies.
    package var modulesDep: String {
        var text = ""
        for name in order {
            let deps = dependencies[name] ?? []
            text += DepmodResult.relativePath(name) + ":"
            for dep in deps { text += " " + DepmodResult.relativePath(dep) }
            text += "\n"
        }
        return text
    }

    /// `modules.symbols`.
    package var modulesSymbols: String {
        var text = "# Aliases for symbols, used by symbol_request().\n"
        for symbol in symbolOwners.keys.sorted() { text += "alias symbol:\(symbol) \(symbolOwners[symbol] ?? "")\n" }
        return text
    }

    /// `modules.alias`.
    package var modulesAlias: String {
        var text = "# Aliases extracted from modules themselves.\n"
        for entry in aliases { text += "alias \(entry.alias) \(entry.module)\n" }
        return text
    }
}

/// `depmod -a` over the loadable modules of a description.
package enum Depmod {
    package static func run(_ description: KernelDescription) -> DepmodResult {
        let loadable = description.modules.filter { $0.build == .module }
        let owners = description.moduleExports
        var indexOf: [String: Int] = [:]
        for (index, module) in loadable.enumerated() { indexOf[module.name] = index }
        var byName: [String: ModuleDescription] = [:]
        var aliases: [(String, String)] = []
        var direct: [[Int]] = []
        for module in loadable {
            byName[module.name] = module
            direct.append(description.depends(of: module, owners: owners).compactMap { indexOf[$0] })
            for alias in module.info where alias.tag == "alias" { aliases.append((alias.value, module.name)) }
        }
        var walk = Walk(count: loadable.count)
        var dependencies: [String: [String]] = [:]
        for (index, module) in loadable.enumerated() {
            dependencies[module.name] = walk.transitive(index, direct).map { loadable[$0].name }
        }
        var result = DepmodResult(
            modules: byName, order: loadable.map(\.name), dependencies: dependencies, symbolOwners: owners,
            aliases: aliases)
        result.cycles = cycles(direct).map { $0.map { loadable[$0].name } }
        result.softdeps = loadable.flatMap { module in
            module.info.filter { $0.tag == "softdep" }.map { (module.name, $0.value) }
        }
        return result
    }

    /// The cycles of the dependency graph, found by an iterative depth-first search (a back
    /// edge closes one); each listed once, from where the search entered it, closed.
    static func cycles(_ direct: [[Int]]) -> [[Int]] {
        var state = Array(repeating: 0, count: direct.count)  // 0 new, 1 on the path, 2 done
        var found: [[Int]] = []
        var seen: Set<[Int]> = []
        for root in direct.indices where state[root] == 0 {
            var path: [(node: Int, next: Int)] = [(root, 0)]
            state[root] = 1
            while let top = path.last {
                if top.next < direct[top.node].count {
                    path[path.count - 1].next += 1
                    let dep = direct[top.node][top.next]
                    if state[dep] == 0 {
                        state[dep] = 1
                        path.append((dep, 0))
                    } else if state[dep] == 1, let start = path.firstIndex(where: { $0.node == dep }) {
                        let cycle = path[start...].map(\.node)
                        if seen.insert(cycle.sorted()).inserted { found.append(cycle + [dep]) }
                    }
                } else {
                    state[top.node] = 2
                    path.removeLast()
                }
            }
        }
        return found
    }

    /// The transitive dependencies of one module, every module before those it depends on:
    /// the reverse of an iterative depth-first post-order (no recursion; a cycle ends at a
    /// module already visited). Visits are marked with a generation number per walk, so no
    /// set is cleared between modules.
    struct Walk {
        var mark: [Int]
        var generation = 0

        init(count: Int) { mark = Array(repeating: 0, count: count) }

        mutating func transitive(_ root: Int, _ direct: [[Int]]) -> [Int] {
            generation += 1
            mark[root] = generation
            var postorder: [Int] = []
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            while let top = stack.last {
                let deps = direct[top.node]
                if top.next < deps.count {
                    stack[stack.count - 1].next += 1
                    let dep = deps[top.next]
                    if mark[dep] != generation {
                        mark[dep] = generation
                        stack.append((dep, 0))
                    }
                } else {
                    stack.removeLast()
                    if top.node != root { postorder.append(top.node) }
                }
            }
            return postorder.reversed()
        }
    }
}
