import KernelBoot
import KernelModel

/// kmod's `modprobe` (tools/modprobe.c) over the loader: name lookup through the config's
/// aliases, `modules.dep`, `modules.symbols` and `modules.alias`; insertion of the
/// dependencies first; `-r` with the unused dependencies; `--show-depends`.
package struct Modprobe {
    package var loader: ModuleLoader
    package var depmod: DepmodResult
    package var config: ModprobeConfig
    package var caller: Caller
    /// `/lib/modules/<release>`.
    package var directory: String

    package struct Options: Sendable {
        package var remove = false
        package var showDepends = false
        package var verbose = false
        package var quiet = false
        package var firstTime = false
        package var useBlacklist = false

        package init() {}
    }

    /// The module `name` means, and whether it was reached through an alias.
    func lookup(_ name: String) -> (module: String, viaAlias: Bool)? {
        let name = ModprobeConfig.underscores(name)
        if let target = config.alias(name) { return (target, true) }
        if depmod.modules[name] != nil { return (name, false) }
        if name.hasPrefix("symbol:"), let owner = depmod.symbolOwners[String(name.dropFirst(7))] {
            return (owner, true)
        }
        if let entry = depmod.aliases.first(where: {
            ModprobeConfig.matches(ModprobeConfig.underscores($0.alias), name)
        }) {
            return (entry.module, true)
        }
        return nil
    }

    package func run(_ name: String, params: [String], options: Options, output: inout ToolOutput) {
        let builtinName = ModprobeConfig.underscores(name)
        if loader.kernel.description.modules.contains(where: { $0.name == builtinName && $0.build == .builtin }) {
            // modules.builtin: nothing to load; nothing to remove either.
            if options.remove { output.err("modprobe: FATAL: Module \(builtinName) is builtin.") }
            if options.showDepends { output.out("builtin \(builtinName)") }
            return
        }
        guard let (module, viaAlias) = lookup(name) else {
            if !options.quiet { output.err("modprobe: FATAL: Module \(name) not found in directory \(directory)") }
            output.status = 1
            return
        }
        if options.remove {
            remove(module, options: options, output: &output)
            return
        }
        if viaAlias || options.useBlacklist, config.blacklist.contains(module) { return }
        insert(module, params: params, options: options, output: &output)
    }

    /// The probe list: each dependency (deepest first) and then the target, each with its
    /// softdeps around it, each once.
    func probeList(_ module: String) -> [String] {
        var list: [String] = []
        for name in (depmod.dependencies[module] ?? []).reversed() + [module] {
            let soft = config.softdep(for: name)
            for entry in (soft?.pre ?? []) + [name] + (soft?.post ?? []) where !list.contains(entry) {
                list.append(entry)
            }
        }
        return list
    }

    func insert(_ module: String, params: [String], options: Options, output: inout ToolOutput) {
        if !options.showDepends, let loaded = loader.findModule(module), loaded.state == .live {
            if options.firstTime {
                output.err("modprobe: ERROR: could not insert '\(module)': Module already in kernel")
            }
            return
        }
        for name in probeList(module) {
            guard let image = depmod.modules[name] else { continue }
            var args = config.options(for: name)
            if name == module, !params.isEmpty { args += (args.isEmpty ? "" : " ") + params.joined(separator: " ") }
            let path = "\(directory)/\(DepmodResult.relativePath(name))"
            if options.showDepends {
                output.out("insmod \(path) \(args)")
                continue
            }
            if loader.findModule(name) != nil { continue }
            if options.verbose { output.out("insmod \(path) \(args)") }
            let ret = loader.initModule(image, args: args, caller: caller).ret
            if ret == 0 || ret == -Errno.EEXIST { continue }
            if !options.quiet { output.err("modprobe: ERROR: could not insert '\(name)': \(Strerror.modprobe(-ret))") }
            output.status = 1
            // Errors on softdeps are ignored; on the target and its dependencies they stop.
            if name == module || (depmod.dependencies[module] ?? []).contains(name) { return }
        }
    }

    func remove(_ module: String, options: Options, output: inout ToolOutput) {
        guard let loaded = loader.findModule(module) else {
            if options.firstTime { output.err("modprobe: FATAL: Module \(module) is not in kernel.") }
            return
        }
        if loaded.refcount > 0 {
            if !options.quiet { output.err("modprobe: FATAL: Module \(module) is in use.") }
            output.status = 1
            return
        }
        if options.verbose { output.out("rmmod \(module)") }
        let ret = loader.deleteModule(module, caller: caller).ret
        if ret != 0 {
            if !options.quiet { output.err("modprobe: ERROR: could not remove '\(module)': \(Strerror.text(-ret))") }
            output.status = 1
            return
        }
        // One pass over the dependencies, dependents first: each unused one goes.
        for dep in depmod.dependencies[module] ?? [] {
            guard let held = loader.findModule(dep), held.refcount == 0 else { continue }
            if options.verbose { output.out("rmmod \(dep)") }
            _ = loader.deleteModule(dep, caller: caller)
        }
    }
}
