import KernelBoot
import KernelModel

/// `dmesg`, and `cat`/`echo >`/`ls` on the files of `/proc`, `/sys/module`,
/// `/lib/modules/<release>` and `/etc/modprobe.d`.
extension ModuleShell {
    func dmesg(_ args: [String], _ output: inout ToolOutput) {
        if uid != 0, args.contains(where: { $0 == "-c" || $0 == "-C" }) {
            output.err("dmesg: klogctl failed: Operation not permitted")
            return
        }
        if !args.contains("-C") {
            for record in kernel.records.dropFirst(dmesgCleared) {
                output.out("[\(ModuleShell.timestamp(record.timestamp))] \(record.text)")
            }
        }
        if args.contains("-c") || args.contains("-C") { dmesgCleared = kernel.records.count }
    }

    /// `[%5lu.%06lu]`.
    static func timestamp(_ nanoseconds: UInt64) -> String { TextBuffer.timestamp(nanoseconds) }

    /// The parameter a `/sys/module/<m>/parameters/<p>` path names: its table and entry.
    func sysfsParameter(_ path: String) -> (ParamTable, Int)? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count == 5, parts[0] == "sys", parts[1] == "module", parts[3] == "parameters" else { return nil }
        if let module = loader.findModule(parts[2]) {
            guard let index = module.params.entries.firstIndex(where: { $0.param.name == parts[4] }),
                module.params.entries[index].param.permission.mode != 0
            else { return nil }
            return (module.params, index)
        }
        let table = kernel.bootParams
        guard let index = table.entries.firstIndex(where: { $0.sysfsPath == path }) else { return nil }
        return (table, index)
    }

    /// What reading `path` gives, or the errno.
    func read(_ path: String) -> Result<String, ShellFileError> {
        switch path {
        case "/proc/modules": return .success(loader.procModules(privileged: uid == 0))
        case "/proc/sys/kernel/modules_disabled": return .success(loader.modulesDisabled ? "1\n" : "0\n")
        case "/proc/sys/kernel/tainted": return .success("\(kernel.taintMask)\n")
        case "/proc/cmdline": return .success(kernel.result.commandLine + "\n")
        default: break
        }
        if let (table, index) = sysfsParameter(path) {
            let mode = table.entries[index].param.permission.mode
            guard uid == 0 || mode & 0o004 != 0 else { return .failure(.denied) }
            return .success(table.get(index))
        }
        if path.hasPrefix("/sys/module/") {
            let parts = path.split(separator: "/").map(String.init)
            if parts.count == 4, let module = loader.findModule(parts[2]),
                let text = loader.sysfsAttribute(module, parts[3])
            {
                return .success(text)
            }
        }
        if path.hasPrefix("/etc/modprobe.d/"), let text = modprobeFiles[String(path.dropFirst(16))] {
            return .success(text)
        }
        if let depmod, path.hasPrefix(modulesDirectory + "/") {
            switch String(path.dropFirst(modulesDirectory.count + 1)) {
            case "modules.dep": return .success(depmod.modulesDep)
            case "modules.symbols": return .success(depmod.modulesSymbols)
            case "modules.alias": return .success(depmod.modulesAlias)
            case "modules.softdep": return .success(depmod.modulesSoftdep)
            default: break
            }
        }
        return .failure(.notFound)
    }

    func cat(_ args: [String], _ output: inout ToolOutput) {
        for path in args {
            switch read(path) {
            case .success(let text): output.text += text
            case .failure(let error): output.err("cat: \(path): \(error.text)")
            }
        }
    }

    func ls(_ args: [String], _ output: inout ToolOutput) {
        let long = args.contains("-l")
        let path = args.first { !$0.hasPrefix("-") } ?? "/root"
        guard let entries = listing(path) else {
            output.err("ls: cannot access '\(path)': No such file or directory")
            return
        }
        guard long else {
            if !entries.isEmpty {
                output.out(entries.map(\.name).joined(separator: userland == .busybox ? "  " : "  "))
            }
            return
        }
        output.out("total 0")
        for entry in entries {
            let target = entry.mode.hasPrefix("l") ? " -> ../../\(entry.name)" : ""
            output.out(
                "\(entry.mode) 1 root root \(String(entry.size).leftPadding(5)) Jan  1 00:00 \(entry.name)\(target)")
        }
    }

    struct Entry {
        var name: String
        var mode: String
        var size: Int
    }

    /// The entries of a directory, sorted by name.
    func listing(_ path: String) -> [Entry]? {
        let trimmed = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        if trimmed == "/root" || trimmed == "." {
            return koFiles.keys.sorted().map { Entry(name: $0, mode: "-rw-r--r--", size: 0x4000) }
        }
        let parts = trimmed.split(separator: "/").map(String.init)
        if parts.count == 4, parts[0] == "sys", parts[1] == "module", parts[3] == "parameters" {
            let entries: [ParamEntry]
            if let module = loader.findModule(parts[2]) {
                entries = module.params.entries
            } else {
                entries = kernel.bootParams.entries.filter { $0.modname == parts[2] }
            }
            let files = entries.filter { $0.param.permission.mode != 0 }
            guard !files.isEmpty else { return nil }
            return files.map {
                Entry(name: $0.param.name, mode: ModuleShell.modeString($0.param.permission.mode), size: 4096)
            }
            .sorted { $0.name < $1.name }
        }
        if parts.count == 4, parts[0] == "sys", parts[1] == "module", parts[3] == "holders",
            let module = loader.findModule(parts[2])
        {
            return loader.holders(module).map { Entry(name: $0, mode: "lrwxrwxrwx", size: 0) }
        }
        if parts.count == 3, parts[0] == "sys", parts[1] == "module", let module = loader.findModule(parts[2]) {
            var names = [
                "coresize", "holders", "initsize", "initstate", "notes", "refcnt", "sections", "taint", "uevent",
            ]
            if module.image.object.params.contains(where: { $0.permission.mode != 0 }) { names.append("parameters") }
            if module.image.modinfoValue("version") != nil { names += ["srcversion", "version"] }
            let directories: Set = ["holders", "notes", "parameters", "sections"]
            return names.sorted().map { name in
                if directories.contains(name) { return Entry(name: name, mode: "drwxr-xr-x", size: 0) }
                return Entry(name: name, mode: name == "uevent" ? "--w-------" : "-r--r--r--", size: 4096)
            }
        }
        if depmod != nil, trimmed == modulesDirectory + "/extra" {
            return koFiles.keys.sorted().map { Entry(name: $0, mode: "-rw-r--r--", size: 0x4000) }
        }
        if depmod != nil, trimmed == modulesDirectory {
            return ["extra", "modules.alias", "modules.dep", "modules.softdep", "modules.symbols"].map {
                Entry(name: $0, mode: "-rw-r--r--", size: 0)
            }
        }
        return nil
    }

    static func modeString(_ mode: Int) -> String {
        var text = "-"
        for shift in [6, 3, 0] {
            let bits = (mode >> shift) & 7
            text += (bits & 4 != 0 ? "r" : "-") + (bits & 2 != 0 ? "w" : "-") + (bits & 1 != 0 ? "x" : "-")
        }
        return text
    }

    /// `command … > path`: the command's output written to a file.
    func write(_ name: String, _ args: [String], to path: String, append: Bool, output: inout ToolOutput) {
        guard name == "echo" else {
            output.err("\(shellName): \(name): output redirection is only supported for echo")
            return
        }
        let newline = !args.contains("-n")
        let text = args.filter { $0 != "-n" }.joined(separator: " ") + (newline ? "\n" : "")
        if let error = store(text, at: path, append: append) {
            switch error {
            case .writeError(let errno):
                output.err(
                    userland == .busybox
                        ? "sh: write error: \(Strerror.text(errno))"
                        : "bash: echo: write error: \(Strerror.text(errno))")
            default:
                output.err(
                    userland == .busybox
                        ? "sh: can't create \(path): \(error.text)" : "bash: \(path): \(error.text)")
            }
        }
    }

    /// Writes `text` to `path`; nil on success.
    func store(_ text: String, at path: String, append: Bool) -> ShellFileError? {
        if path == "/proc/sys/kernel/modules_disabled" {
            guard uid == 0 else { return .denied }
            let value = text.trimmingSpaces.hasPrefix("1")
            let ret = loader.setModulesDisabled(value)
            return ret == 0 ? nil : .writeError(-ret)
        }
        if let (table, index) = sysfsParameter(path) {
            let mode = table.entries[index].param.permission.mode
            guard mode & 0o222 != 0, uid == 0 || mode & 0o002 != 0 else { return .denied }
            let ret = table.set(index, text, log: { level, message in self.kernel.log(level, message) })
            return ret == 0 ? nil : .writeError(-ret)
        }
        if path.hasPrefix("/etc/modprobe.d/") {
            guard uid == 0 else { return .denied }
            let name = String(path.dropFirst(16))
            modprobeFiles[name] = (append ? modprobeFiles[name] ?? "" : "") + text
            return nil
        }
        if case .success = read(path) { return .denied }
        return .notFound
    }
}

/// Why a file operation failed, as the shell reports it.
enum ShellFileError: Error, Equatable {
    case notFound
    case denied
    case writeError(Int32)

    var text: String {
        switch self {
        case .notFound: return "No such file or directory"
        case .denied: return "Permission denied"
        case .writeError(let errno): return Strerror.text(errno)
        }
    }
}
