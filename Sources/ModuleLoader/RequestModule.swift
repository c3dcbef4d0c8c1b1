import KernelBoot
import KernelModel

extension ModuleLoader {
    /// `__request_module()` (kernel/module/kmod.c): a name of `MODULE_NAME_LEN` or more is
    /// -ENAMETOOLONG; then `modprobe -q -- <name>` runs and is waited for — here the installed
    /// module of that name (or alias) is loaded with its dependencies first. Returns 0 when
    /// modprobe would exit 0, else its wait status (exit 1 → 256).
    package func requestModule(_ name: String) -> Int32 {
        guard name.utf8.count < 56 else { return -Errno.ENAMETOOLONG }
        // MAX_KMOD_CONCURRENT: nested requests from inits beyond 50 wait and time out.
        guard requestDepth < 50 else { return -Errno.ETIME }
        let normalized = String(name.map { $0 == "-" ? "_" : $0 })
        let target =
            installed[normalized]
            ?? installed.values.sorted { $0.name < $1.name }.first { module in
                module.info.contains { $0.tag == "alias" && $0.value == name }
            }
        guard let target else { return 256 }
        if findModule(target.name) != nil { return 0 }
        requestDepth += 1
        defer { requestDepth -= 1 }
        let savedPID = kernel.currentPID
        let savedComm = kernel.currentComm
        defer { kernel.setCurrent(pid: savedPID, comm: savedComm) }
        for dependency in requestOrder(target) where findModule(dependency.name) == nil {
            let caller = Caller(uid: 0, pid: savedPID &+ 1, comm: "modprobe")
            let result = initModule(dependency, args: "", caller: caller)
            guard result.ret == 0 || result.ret == -Errno.EEXIST, result.panic == nil else { return 256 }
        }
        return 0
    }

    /// The module and what it depends on, dependencies first (modpost's `depends=`).
    func requestOrder(_ module: ModuleDescription) -> [ModuleDescription] {
        let owners = kernel.description.moduleExports
        var order: [ModuleDescription] = []
        var seen: Set<String> = []
        var stack: [(ModuleDescription, Bool)] = [(module, false)]
        while let (next, expanded) = stack.popLast() {
            if expanded {
                order.append(next)
                continue
            }
            guard seen.insert(next.name).inserted else { continue }
            stack.append((next, true))
            for dep in kernel.description.depends(of: next, owners: owners).reversed() {
                if let image = installed[dep], !seen.contains(dep) { stack.append((image, false)) }
            }
        }
        return order
    }
}
