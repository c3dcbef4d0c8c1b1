import KernelBoot
import KernelModel

/// `finit_module()` flags (include/uapi/linux/module.h).
package enum ModuleInitFlags {
    package static let ignoreModversions: Int = 1
    package static let ignoreVermagic: Int = 2
    package static let compressedFile: Int = 4
}

/// Who makes a system call: root has `CAP_SYS_MODULE`.
package struct Caller: Sendable, Hashable {
    package var uid: Int
    package var pid: Int32
    package var comm: String

    package init(uid: Int = 0, pid: Int32 = 1, comm: String = "insmod") {
        self.uid = uid
        self.pid = pid
        self.comm = comm
    }

    /// `capable(CAP_SYS_MODULE)`.
    var hasSysModule: Bool { uid == 0 }
}

extension ModuleLoader {
    /// `SYSCALL_DEFINE3(finit_module)` / `init_module`: `may_init_module()`, the flags check,
    /// then `load_module()`. Returns 0 or a negative errno; a panic inside the init stops the
    /// machine and is returned too.
    package func initModule(_ image: ModuleDescription, args: String, flags: Int = 0, caller: Caller = Caller())
        -> (ret: Int32, panic: KernelPanic?)
    {
        // may_init_module()
        guard caller.hasSysModule, !modulesDisabled else { return (-Errno.EPERM, nil) }
        guard
            flags
                & ~(ModuleInitFlags.ignoreModversions | ModuleInitFlags.ignoreVermagic | ModuleInitFlags.compressedFile)
                == 0
        else {
            return (-Errno.EINVAL, nil)
        }
        kernel.setCurrent(pid: caller.pid, comm: caller.comm)
        return loadModule(image, args: args, flags: flags)
    }

    /// `load_module()` (kernel/module/main.c, 6.4+ order): signature, `early_mod_check()`
    /// (blacklist, vermagic, duplicate), `add_unformed_module()`, taints, `simplify_symbols()`,
    /// `complete_formation()`, the COMING notifier, `parse_args()`, sysfs, `do_init_module()`.
    /// Every failure unwinds what was done; the kernel keeps the taints it added.
    func loadModule(_ image: ModuleDescription, args: String, flags: Int) -> (ret: Int32, panic: KernelPanic?) {
        let sigOK = image.signed && flags & (ModuleInitFlags.ignoreVermagic | ModuleInitFlags.ignoreModversions) == 0
        if let error = moduleSigCheck(sigOK: sigOK) { return (error, nil) }
        if let error = earlyModCheck(image, flags: flags) { return (error, nil) }
        let module = Module(image: image, params: kernel.moduleParamTable(image.object), base: nextAddress)
        module.sigOK = sigOK
        module.args = args
        if flags & ModuleInitFlags.ignoreVermagic != 0 || image.vermagic == "" {
            module.taints |= TaintBit.mask(TaintBit.forcedModule)
        }
        // Up to 6.3 layout_and_allocate() ran check_modinfo() and its taints before the
        // duplicate check: a refused duplicate has tainted the kernel already.
        let taintsFirst = !version.isAtLeast(6, 4)
        if taintsFirst { augmentKernelTaints(module) }
        if let existing = findModuleAll(image.name) {
            // Synchronous here: an existing COMING/GOING one cannot finish while we wait.
            return (existing.state == .live ? -Errno.EEXIST : -Errno.EBUSY, nil)
        }
        // add_unformed_module(): at the head, UNFORMED.
        insertHead(module)
        if !taintsFirst { augmentKernelTaints(module) }
        // module_unload_init(): the base reference plus one held during initialization.
        module.refcnt = 2
        if let error = simplifySymbols(module) {
            freeModule(module)
            return (error, nil)
        }
        if let error = completeFormation(module) {
            freeModule(module)
            return (error, nil)
        }
        notify(.coming, module)
        let parsed = kernel.parseModuleArgs(args, module: module.name, params: module.params)
        if parsed != 0 {
            return (failAfterComing(module, parsed), nil)
        }
        if let error = modSysfsSetup(module) {
            return (failAfterComing(module, error), nil)
        }
        nextAddress = nextAddress &+ UInt64(ModuleLoader.pageAlign(module.coreSize + module.initSize))
        return doInitModule(module)
    }

    static func pageAlign(_ size: Int) -> Int { (max(size, 1) + 4095) / 4096 * 4096 }

    /// The unwinding after COMING (`ddebug_cleanup` … `coming_cleanup`): GOING, its notifier,
    /// then `free_module()`.
    private func failAfterComing(_ module: Module, _ error: Int32) -> Int32 {
        module.state = .going
        notify(.going, module)
        freeModule(module)
        return error
    }

    /// `module_sig_check()` (kernel/module/signing.c): an unsigned module is refused when
    /// signatures are enforced (the ENODATA "soft" error).
    private func moduleSigCheck(sigOK: Bool) -> Int32? {
        guard config.moduleSig, !sigOK, sigEnforce else { return nil }
        kernel.log(.KERN_NOTICE, "Loading of unsigned module is rejected")
        return -Errno.EKEYREJECTED
    }

    /// `early_mod_check()`: `blacklisted()`, then `check_modinfo()`'s vermagic (the duplicate
    /// check `module_patient_check_exists()` follows in ``loadModule(_:args:flags:)``).
    private func earlyModCheck(_ image: ModuleDescription, flags: Int) -> Int32? {
        if blacklist.contains(image.name) {
            kernel.log(.KERN_ERR, "Module \(image.name) is blacklisted")
            return -Errno.EPERM
        }
        return checkVermagic(image, flags: flags)
    }

    /// `check_modinfo()`'s vermagic part: missing (or ignored with `--force-vermagic`) needs
    /// `CONFIG_MODULE_FORCE_LOAD` (`try_to_force_load()`: taint F); different is -ENOEXEC.
    private func checkVermagic(_ image: ModuleDescription, flags: Int) -> Int32? {
        let kernelMagic = kernel.description.vermagic
        let magic = flags & ModuleInitFlags.ignoreVermagic != 0 ? "" : (image.vermagic ?? kernelMagic)
        if magic.isEmpty {
            guard config.moduleForceLoad else { return -Errno.ENOEXEC }
            if kernel.taintMask & TaintBit.mask(TaintBit.forcedModule) == 0 {
                kernel.log(.KERN_WARNING, "\(image.name): bad vermagic: kernel tainted.")
            }
            kernel.addTaint(bit: TaintBit.forcedModule, lockdepUnreliable: true)
            return nil
        }
        guard magic == kernelMagic else {
            kernel.log(.KERN_ERR, "\(image.name): version magic '\(magic)' should be '\(kernelMagic)'")
            return -Errno.ENOEXEC
        }
        return nil
    }

    /// `module_augment_kernel_taints()` (6.4+): O without `intree=`, C for staging, P for a
    /// license that is not GPL-compatible, N for test modules, E when unsigned — each message
    /// only the first time the kernel gets that taint.
    private func augmentKernelTaints(_ module: Module) {
        let image = module.image
        if image.modinfoValue("intree") == nil, version.isAtLeast(3, 2) {
            if kernel.taintMask & TaintBit.mask(TaintBit.oot) == 0, version.isAtLeast(4, 0) {
                kernel.log(.KERN_WARNING, "\(module.name): loading out-of-tree module taints kernel.")
            }
            addTaintModule(module, TaintBit.oot, lockdepUnreliable: false)
        }
        if image.modinfoValue("staging") != nil {
            addTaintModule(module, TaintBit.crap, lockdepUnreliable: false)
            kernel.log(
                .KERN_WARNING,
                "\(module.name): module is from the staging directory, the quality is unknown, you have been warned.")
        }
        // module_license_taint_check()
        if !image.isGPLCompatible {
            if kernel.taintMask & TaintBit.mask(TaintBit.proprietary) == 0 {
                kernel.log(
                    .KERN_WARNING, "\(module.name): module license '\(image.license ?? "unspecified")' taints kernel.")
            }
            addTaintModule(module, TaintBit.proprietary, lockdepUnreliable: true)
        }
        if image.modinfoValue("test") != nil {
            if kernel.taintMask & TaintBit.mask(TaintBit.test) == 0 {
                kernel.log(.KERN_WARNING, "\(module.name): loading test module taints kernel.")
            }
            addTaintModule(module, TaintBit.test, lockdepUnreliable: false)
        }
        if config.moduleSig, !module.sigOK {
            if !verificationNoticePrinted {
                verificationNoticePrinted = true
                kernel.log(
                    .KERN_NOTICE,
                    "\(module.name): module verification failed: signature and/or required key missing - tainting kernel"
                )
            }
            addTaintModule(module, TaintBit.unsigned, lockdepUnreliable: false)
        }
    }

    /// `add_taint_module()`: the module's mask and the kernel's.
    func addTaintModule(_ module: Module, _ bit: Int, lockdepUnreliable: Bool) {
        module.taints |= TaintBit.mask(bit)
        kernel.addTaint(bit: bit, lockdepUnreliable: lockdepUnreliable)
    }

    /// `complete_formation()`: `verify_exported_symbols()` (a symbol already exported by the
    /// kernel or another module is -ENOEXEC), then state COMING.
    private func completeFormation(_ module: Module) -> Int32? {
        for export in module.image.exports {
            if let owner = findSymbol(export.name, gplOK: true, excluding: module) {
                kernel.log(
                    .KERN_ERR,
                    "\(module.name): exports duplicate symbol \(export.name) (owned by \(owner.owner?.name ?? "kernel"))"
                )
                return -Errno.ENOEXEC
            }
        }
        module.state = .coming
        refreshLinkedIn()
        return nil
    }

    /// `mod_sysfs_setup()`: `/sys/module/<name>` must not exist already — a built-in module of
    /// that name with parameters or a version has one ("module is already loaded", -EINVAL).
    private func modSysfsSetup(_ module: Module) -> Int32? {
        let clash = kernel.description.modules.contains { builtin in
            builtin.build == .builtin && builtin.name == module.name
                && (builtin.object.params.contains { $0.permission.mode != 0 }
                    || builtin.modinfoValue("version") != nil)
        }
        guard clash else { return nil }
        kernel.log(.KERN_ERR, "\(module.name): module is already loaded")
        return -Errno.EINVAL
    }

    /// `do_init_module()`: the init through `do_one_initcall()`; on failure GOING and
    /// `free_module()` with the init's errno; a positive return warns and goes on; then LIVE,
    /// the init reference dropped and the init sections freed.
    func doInitModule(_ module: Module) -> (ret: Int32, panic: KernelPanic?) {
        var ret: Int32 = 0
        let cookie = kernel.asyncNextCookie
        if let initFunction = module.image.initFunction {
            let result = kernel.doOneInitcall(
                initFunction, module: module.name, object: module.image.object.path, params: module.params)
            if let panic = result.panic { return (result.ret, panic) }
            ret = result.ret
        }
        if ret < 0 {
            module.state = .going
            module.refcnt -= 1
            notify(.going, module)
            freeModule(module)
            return (ret, nil)
        }
        if ret > 0 {
            // __func__: the code lived in sys_init_module() until do_init_module() was split
            // out of it (3.7).
            let function = version.isAtLeast(3, 7) ? "do_init_module" : "sys_init_module"
            kernel.log(
                .KERN_WARNING,
                "\(function): '\(module.name)'->init suspiciously returned \(ret), it should follow 0/-E convention")
            kernel.log(.KERN_WARNING, "\(function): loading module anyway...")
            kernel.dumpStack()
        }
        module.state = .live
        notify(.live, module)
        kernel.asyncSynchronizeAfterInit(usedAsync: kernel.asyncNextCookie != cookie)
        module.refcnt -= 1
        module.initSize = 0
        refreshLinkedIn()
        return (0, nil)
    }
}
