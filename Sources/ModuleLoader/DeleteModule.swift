import KernelBoot
import KernelModel

/// `delete_module()` flags (include/uapi/asm-generic/fcntl.h).
package enum DeleteFlags {
    /// `O_TRUNC`: force (`rmmod -f`).
    package static let trunc = 0o1000
    /// `O_NONBLOCK`: ignored since 3.13; kmod always passes it.
    package static let nonblock = 0o4000
}

extension ModuleLoader {
    /// `SYSCALL_DEFINE2(delete_module)` (kernel/module/main.c), every branch in order:
    /// -EPERM, -ENOENT, -EWOULDBLOCK while used, -EBUSY when not live or permanent (unless
    /// forced), `try_stop_module()`, then the exit, the GOING notifier, `free_module()`.
    package func deleteModule(_ name: String, flags: Int = DeleteFlags.nonblock, caller: Caller = Caller(comm: "rmmod"))
        -> (ret: Int32, panic: KernelPanic?)
    {
        guard caller.hasSysModule, !modulesDisabled else { return (-Errno.EPERM, nil) }
        // strncpy_from_user(name, …, MODULE_NAME_LEN - 1): longer names are cut.
        let name = String(name.utf8.prefix(55)) ?? name
        guard let module = findModule(name) else { return (-Errno.ENOENT, nil) }
        guard module.sourceList.isEmpty else { return (-Errno.EWOULDBLOCK, nil) }
        guard module.state == .live else { return (-Errno.EBUSY, nil) }
        let forced = flags & DeleteFlags.trunc != 0
        if module.isPermanent {
            guard tryForceUnload(forced) else { return (-Errno.EBUSY, nil) }
        }
        if let error = tryStopModule(module, forced: forced) { return (error, nil) }
        kernel.setCurrent(pid: caller.pid, comm: caller.comm)
        if let exit = module.image.exitFunction {
            let result = kernel.call(exit, object: module.image.object.path, params: module.params, exit: true)
            if let panic = result.panic { return (0, panic) }
        }
        notify(.going, module)
        recordUnloaded(module)
        freeModule(module)
        return (0, nil)
    }

    /// `try_force_unload()`: with `CONFIG_MODULE_FORCE_UNLOAD` and `O_TRUNC`, taint R and go on.
    private func tryForceUnload(_ forced: Bool) -> Bool {
        guard forced, config.moduleForceUnload else { return false }
        kernel.addTaint(bit: TaintBit.forcedRmmod, lockdepUnreliable: true)
        return true
    }

    /// `try_stop_module()`: drop the base reference; if others remain, put it back and refuse
    /// (-EWOULDBLOCK) unless forced. Then GOING: `try_module_get()` fails from here on.
    private func tryStopModule(_ module: Module, forced: Bool) -> Int32? {
        if module.refcnt - 1 != 0 {
            guard tryForceUnload(forced) else { return -Errno.EWOULDBLOCK }
        }
        module.refcnt = 0
        module.state = .going
        return nil
    }
}
