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
        var direct: [String: [String]] = [:]
        var byName: [String: ModuleDescription] = [:]
        var aliases: [(String, String)] = []
        for module in loadable {
            byName[module.name] = module
            direct[module.name] = description.depends(of: module, owners: owners)
            for alias in module.info where alias.tag == "alias" { aliases.append((alias.value, module.name)) }
        }
        var dependencies: [String: [String]] = [:]
        for module in loadable { dependencies[module.name] = transitive(module.name, direct) }
        return DepmodResult(
            modules: byName, order: loadable.map(\.name), dependencies: dependencies, symbolOwners: owners,
            aliases: aliases)
    }

    /// The transitive dependencies of `root`, every module before those it depends on: the
    /// reverse of an iterative depth-first post-order (no recursion; cycles end at a visit).
    static func transitive(_ root: String, _ direct: [String: [String]]) -> [String] {
        var visited: Set<String> = [root]
        var postorder: [String] = []
        var stack: [(name: String, next: Int)] = [(root, 0)]
        while let top = stack.last {
            let deps = direct[top.name] ?? []
            if top.next < deps.count {
                stack[stack.count - 1].next += 1
                let dep = deps[top.next]
                if visited.insert(dep).inserted { stack.append((dep, 0)) }
            } else {
                stack.removeLast()
                if top.name != root { postorder.append(top.name) }
            }
        }
        return postorder.reversed()
    }
}
