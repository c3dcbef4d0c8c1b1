import KernelBoot
import KernelModel

/// kmod's and BusyBox's `insmod`, `rmmod`, `modprobe`, `lsmod`, `modinfo`, `depmod`.
extension ModuleShell {
    /// The `.ko` a path names: a file of the working directory (`par.ko`, `./par.ko`,
    /// `/root/par.ko`) or one installed under `/lib/modules/<release>/` after depmod.
    func koFile(_ path: String) -> ModuleDescription? {
        var name = path
        if name.hasPrefix("./") { name = String(name.dropFirst(2)) }
        if name.hasPrefix("/root/") { name = String(name.dropFirst(6)) }
        if let module = koFiles[name] { return module }
        let prefix = modulesDirectory + "/"
        guard let depmod, name.hasPrefix(prefix) else { return nil }
        let relative = String(name.dropFirst(prefix.count))
        return depmod.modules.values.first { DepmodResult.relativePath($0.name) == relative }
    }

    /// Arguments as insmod joins them: `k=v` whose value holds a space is quoted.
    static func joinParameters(_ words: [String]) -> String {
        words.map { word in
            guard let equals = word.firstIndex(of: "="), word.contains(" "), !word.contains("\"") else { return word }
            return String(word[...equals]) + "\"" + String(word[word.index(after: equals)...]) + "\""
        }.joined(separator: " ")
    }

    func insmod(_ args: [String], _ output: inout ToolOutput) {
        let options = args.prefix { $0.hasPrefix("-") && $0 != "-" }
        let rest = Array(args.dropFirst(options.count))
        let busybox = userland == .busybox
        guard let file = rest.first else {
            output.err(
                busybox
                    ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: insmod FILE [SYMBOL=VALUE]..."
                    : "insmod: ERROR: missing filename.")
            return
        }
        if file == "-", !busybox {
            output.err("insmod: ERROR: this tool does not support loading from stdin!")
            return
        }
        guard let image = koFile(file) else {
            output.err(
                busybox
                    ? "insmod: can't insert '\(file)': No such file or directory"
                    : "insmod: ERROR: could not load module \(file): No such file or directory")
            return
        }
        var flags = 0
        if options.contains("-f") || options.contains("--force") {
            flags = ModuleInitFlags.ignoreVermagic | ModuleInitFlags.ignoreModversions
        }
        let result = loader.initModule(
            image, args: ModuleShell.joinParameters(Array(rest.dropFirst())), flags: flags,
            caller: callerNamed("insmod"))
        stop(result.panic)
        guard result.ret != 0, result.panic == nil else { return }
        output.err(
            busybox
                ? "insmod: can't insert '\(file)': \(Strerror.busybox(-result.ret))"
                : "insmod: ERROR: could not insert module \(file): \(Strerror.insmod(-result.ret))")
    }

    /// The module name rmmod derives: from a path, the base name without extension; `-` made `_`.
    static func rmmodName(_ argument: String) -> String {
        var base = Substring(argument)
        if let slash = base.lastIndex(of: "/") { base = base[base.index(after: slash)...] }
        if let dot = base.firstIndex(of: ".") { base = base[..<dot] }
        return String(base.map { $0 == "-" ? "_" : $0 })
    }

    func rmmod(_ args: [String], _ output: inout ToolOutput) {
        let force = args.contains("-f") || args.contains("--force")
        let names = args.filter { !$0.hasPrefix("-") }
        guard !names.isEmpty else {
            output.err(
                userland == .busybox
                    ? "BusyBox v1.36.1 multi-call binary.\n\nUsage: rmmod [-wfa] [MODULE]..."
                    : "rmmod: ERROR: missing module name.")
            return
        }
        for argument in names {
            let name = ModuleShell.rmmodName(argument)
            if userland == .busybox {
                let ret = deleteModule(name, force: force)
                if ret != 0 {
                    output.err("rmmod: can't unload module '\(name)': \(Strerror.text(-ret))")
                    return
                }
                continue
            }
            if !force, !checkModuleInuse(name, &output) { continue }
            let ret = deleteModule(name, force: force)
            if ret != 0 {
                output.err("rmmod: ERROR: could not remove '\(name)': \(Strerror.text(-ret))")
                output.err("rmmod: ERROR: could not remove module \(argument): \(Strerror.text(-ret))")
            }
        }
    }

    private func deleteModule(_ name: String, force: Bool) -> Int32 {
        let flags = DeleteFlags.nonblock | (force ? DeleteFlags.trunc : 0)
        let result = loader.deleteModule(name, flags: flags, caller: callerNamed("rmmod"))
        stop(result.panic)
        return result.ret
    }

    /// kmod rmmod's `check_module_inuse()`: built in, not loaded, holders, refcount.
    private func checkModuleInuse(_ name: String, _ output: inout ToolOutput) -> Bool {
        if kernel.description.modules.contains(where: { $0.name == name && $0.build == .builtin }) {
            output.err("rmmod: ERROR: Module \(name) is builtin.")
            return false
        }
        guard let module = loader.findModule(name) else {
            output.err("rmmod: ERROR: Module \(name) is not currently loaded")
            return false
        }
        let holders = loader.holders(module)
        if !holders.isEmpty {
            output.err("rmmod: ERROR: Module \(name) is in use by: \(holders.joined(separator: " "))")
            return false
        }
        if module.refcount != 0 {
            output.err("rmmod: ERROR: Module \(name) is in use")
            return false
        }
        return true
    }

    func modprobe(_ args: [String], _ output: inout ToolOutput) {
        if userland == .busybox {
            busyboxModprobe(args, &output)
            return
        }
        var options = Modprobe.Options()
        var positional: [String] = []
        for arg in args {
            switch arg {
            case "-r", "--remove": options.remove = true
            case "-D", "--show-depends": options.showDepends = true
            case "-v", "--verbose": options.verbose = true
            case "-q", "--quiet": options.quiet = true
            case "--first-time": options.firstTime = true
            case "-b", "--use-blacklist": options.useBlacklist = true
            default: positional.append(arg)
            }
        }
        guard let name = positional.first else {
            output.err("modprobe: ERROR: missing parameters. See -h.")
            return
        }
        let index = depmod ?? DepmodResult(modules: [:], order: [], dependencies: [:], symbolOwners: [:], aliases: [])
        var config = ModprobeConfig(files: modprobeFiles)
        config.addKernelCommandLine(kernel.result.commandLine)
        config.addModuleSoftdeps(depmod?.softdeps ?? [])
        let tool = Modprobe(
            loader: loader, depmod: index, config: config, caller: callerNamed("modprobe"),
            directory: modulesDirectory)
        if options.remove {
            for name in positional { tool.run(name, params: [], options: options, output: &output) }
        } else {
            tool.run(name, params: Array(positional.dropFirst()), options: options, output: &output)
        }
    }

    func lsmod(_ output: inout ToolOutput) {
        let live = loader.modules.filter { $0.state != .unformed }
        if userland == .busybox {
            output.out("Module                  Size  Used by    \(busyboxTaint)")
            output.text += loader.procModules()
            return
        }
        output.out("Module                  Size  Used by")
        for module in live {
            var line =
                module.name.padding(19) + " " + String(module.coreSize).leftPadding(8) + "  \(module.refcount)"
            let holders = loader.holders(module)
            if !holders.isEmpty { line += " " + holders.joined(separator: ",") }
            output.out(line)
        }
    }

    /// BusyBox lsmod's `check_tainted()`: P/G, F, S only.
    private var busyboxTaint: String {
        let mask = kernel.taintMask
        guard mask != 0 else { return "Not tainted" }
        return "Tainted: \(mask & 1 != 0 ? "P" : "G")\(mask & 2 != 0 ? "F" : " ")\(mask & 4 != 0 ? "S" : " ")"
    }

    func runDepmod(_ output: inout ToolOutput) {
        guard uid == 0 else {
            output.err("depmod: ERROR: could not open directory \(modulesDirectory): Permission denied")
            return
        }
        let result = Depmod.run(kernel.description)
        guard result.cycles.isEmpty else {
            result.cycleErrors.forEach { output.err($0) }
            return
        }
        depmod = result
    }

    func modinfo(_ args: [String], _ output: inout ToolOutput) {
        var field: String?
        var names: [String] = []
        var index = 0
        while index < args.count {
            let arg = args[index]
            if arg == "-F", index + 1 < args.count {
                field = args[index + 1]
                index += 1
            } else if let short = [
                "-a": "author", "-d": "description", "-l": "license", "-n": "filename", "-p": "parm",
            ][arg] {
                field = short
            } else {
                names.append(arg)
            }
            index += 1
        }
        guard !names.isEmpty else {
            output.err("modinfo: ERROR: missing module or filename.")
            return
        }
        for name in names {
            let normalized = ModprobeConfig.underscores(name)
            if userland == .kmod,
                let builtin = kernel.description.modules.first(where: { $0.name == normalized && $0.build == .builtin })
            {
                output.text += ModinfoFormat.render(
                    builtin.builtinModinfo, filename: "(builtin)", field: field, builtin: builtin.name)
                continue
            }
            guard let (image, path) = modinfoTarget(name) else {
                output.err("modinfo: ERROR: Module \(name) not found.")
                continue
            }
            let info = kernel.description.modinfo(of: image)
            if userland == .busybox {
                // BusyBox prints the path as given, or modules.dep's relative one.
                let shown = name.hasSuffix(".ko") ? name : DepmodResult.relativePath(image.name)
                output.text += ModinfoFormat.busybox(info, filename: shown, field: field)
            } else {
                output.text += ModinfoFormat.render(info, filename: path, field: field)
            }
        }
    }

    /// A `.ko` path as given, or a module name through modules.dep after depmod.
    private func modinfoTarget(_ name: String) -> (ModuleDescription, String)? {
        if name.hasSuffix(".ko"), let image = koFile(name) {
            let path = name.hasPrefix("/") ? name : "/root/" + (name.hasPrefix("./") ? String(name.dropFirst(2)) : name)
            return (image, path)
        }
        guard let depmod else { return nil }
        let normalized = ModprobeConfig.underscores(name)
        guard let image = depmod.modules[normalized] else { return nil }
        return (image, "\(modulesDirectory)/\(DepmodResult.relativePath(normalized))")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
    func leftPadding(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
