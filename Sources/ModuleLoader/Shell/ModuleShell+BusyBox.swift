import KernelBoot
import KernelModel

/// BusyBox's `modprobe` (modutils/modprobe.c `do_modprobe()`): modules.dep is required, the
/// dependency list is loaded in reverse, an already loaded module is skipped, and errors are
/// BusyBox's (`can't load module %s (%s): %s`, `module %s not found in modules.dep`).
extension ModuleShell {
    func busyboxModprobe(_ args: [String], _ output: inout ToolOutput) {
        let remove = args.contains("-r")
        let showDepends = args.contains("-D") || args.contains("--show-depends")
        let positional = args.filter { !$0.hasPrefix("-") }
        guard let depmod else {
            output.err("modprobe: can't open 'modules.dep': No such file or directory")
            return
        }
        guard let first = positional.first else { return }
        let names = remove ? positional : [first]
        let params = remove ? [] : Array(positional.dropFirst())
        var config = ModprobeConfig(files: modprobeFiles)
        config.addKernelCommandLine(kernel.result.commandLine)
        let tool = Modprobe(
            loader: loader, depmod: depmod, config: config, caller: callerNamed("modprobe"),
            directory: modulesDirectory)
        for name in names {
            let normalized = ModprobeConfig.underscores(name)
            if !remove, !showDepends, loader.findModule(normalized) != nil { continue }
            guard let (module, _) = tool.lookup(name) else {
                let builtin = kernel.description.modules.contains { $0.name == normalized && $0.build == .builtin }
                output.err("modprobe: module \(name) \(builtin ? "is builtin" : "not found in modules.dep")")
                continue
            }
            let list = [module] + (depmod.dependencies[module] ?? [])
            if remove {
                busyboxRemove(list, &output)
            } else {
                busyboxInsert(Array(list.reversed()), target: module, params: params, config, showDepends, &output)
            }
        }
    }

    private func busyboxRemove(_ list: [String], _ output: inout ToolOutput) {
        for (index, name) in list.enumerated() where loader.findModule(name) != nil {
            let ret = loader.deleteModule(name, flags: 0, caller: callerNamed("modprobe")).ret
            // Only the module asked for reports a failure; its dependencies are best effort.
            if ret != 0, index == 0 {
                output.err("modprobe: can't unload module '\(name)': \(Strerror.text(-ret))")
                return
            }
        }
    }

    private func busyboxInsert(
        _ list: [String], target: String, params: [String], _ config: ModprobeConfig, _ showDepends: Bool,
        _ output: inout ToolOutput
    ) {
        for name in list {
            guard let image = depmod?.modules[name] else { continue }
            var options = config.options(for: name)
            if name == target, !params.isEmpty {
                options += (options.isEmpty ? "" : " ") + ModuleShell.joinParameters(params)
            }
            let path = DepmodResult.relativePath(name)
            if showDepends {
                output.out("insmod \(modulesDirectory)/\(path)" + (options.isEmpty ? "" : " \(options)"))
                continue
            }
            if loader.findModule(name) != nil { continue }
            let result = loader.initModule(image, args: options, caller: callerNamed("modprobe"))
            stop(result.panic)
            if result.ret != 0, result.ret != -Errno.EEXIST {
                output.err("modprobe: can't load module \(name) (\(path)): \(Strerror.busybox(-result.ret))")
                return
            }
        }
    }
}
