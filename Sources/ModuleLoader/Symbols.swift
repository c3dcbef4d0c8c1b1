import KernelBoot
import KernelModel

/// The kernel's own exports the simulation knows (`__ksymtab` / `__ksymtab_gpl` of vmlinux).
enum VmlinuxSymbols {
    static let exports: Set<String> = [
        "printk", "_printk", "__kmalloc", "kmalloc_caches", "kfree", "msleep", "jiffies", "memcpy", "memset",
        "strcmp", "snprintf", "sprintf", "__stack_chk_fail", "__fentry__", "param_ops_int", "param_array_ops",
        "param_ops_charp", "param_ops_bool", "__x86_return_thunk", "mutex_lock", "mutex_unlock",
    ]
    static let gplExports: Set<String> = [
        "__platform_driver_register", "platform_driver_unregister", "debugfs_create_file", "debugfs_remove",
        "sysfs_create_group", "kobject_create_and_add", "kthread_create_on_node", "wake_up_process",
    ]
}

/// What `find_symbol()` found: the owner (nil: vmlinux) and whether the export is GPL-only.
struct FoundSymbol {
    var owner: Module?
    var gplOnly: Bool
    var address: UInt64
}

extension ModuleLoader {
    /// `find_symbol()` (kernel/module/main.c): vmlinux `__ksymtab`, `__ksymtab_gpl`, then every
    /// formed module, newest first, its `syms` then `gpl_syms`. Without `gplOK` the GPL-only
    /// tables are skipped.
    func findSymbol(_ name: String, gplOK: Bool, excluding: Module? = nil) -> FoundSymbol? {
        if VmlinuxSymbols.exports.contains(name) { return FoundSymbol(owner: nil, gplOnly: false, address: 0) }
        if gplOK, VmlinuxSymbols.gplExports.contains(name) { return FoundSymbol(owner: nil, gplOnly: true, address: 0) }
        for module in modules where module.state != .unformed && module !== excluding {
            for gpl in gplOK ? [false, true] : [false] {
                if module.image.exports.contains(where: { $0.name == name && $0.gplOnly == gpl }) {
                    return FoundSymbol(owner: module, gplOnly: gpl, address: module.address(of: name) ?? module.base)
                }
            }
        }
        return nil
    }

    /// Public form of ``findSymbol(_:gplOK:excluding:)``: the owner's name (`kernel` for
    /// vmlinux), or nil.
    package func findSymbolOwner(_ name: String) -> String? {
        findSymbol(name, gplOK: true).map { $0.owner?.name ?? "kernel" }
    }

    /// `simplify_symbols()`: resolves every undefined symbol, reporting each that fails
    /// ("Unknown symbol %s (err %d)") and returning the last error.
    func simplifySymbols(_ module: Module) -> Int32? {
        var last: Int32?
        for symbol in module.image.uses {
            let ret = resolveSymbol(module, symbol)
            guard ret != 0 else { continue }
            // 4.x/5.x printed PTR_ERR(NULL) for a plain missing symbol.
            let shown = ret == -Errno.ENOENT && !version.isAtLeast(6, 0) ? 0 : ret
            kernel.log(.KERN_WARNING, "\(module.name): Unknown symbol \(symbol) (err \(shown))")
            last = ret
        }
        return last
    }

    /// `resolve_symbol()` (+ `resolve_symbol_wait()`): `find_symbol()` with
    /// gplok = not tainted P, `inherit_taint()`, `ref_module()`.
    private func resolveSymbol(_ module: Module, _ name: String) -> Int32 {
        let gplOK = module.taints & TaintBit.mask(TaintBit.proprietary) == 0
        guard let found = findSymbol(name, gplOK: gplOK, excluding: module) else { return -Errno.ENOENT }
        if found.gplOnly { module.usingGPLOnlySymbols = true }
        if let owner = found.owner {
            if let error = inheritTaint(module, owner, name) { return error }
            return refModule(module, owner, symbol: name)
        }
        return 0
    }

    /// `inherit_taint()`: a symbol of a proprietary module taints the user P, or is refused to
    /// a module that also uses GPL-only symbols.
    private func inheritTaint(_ module: Module, _ owner: Module, _ name: String) -> Int32? {
        guard owner.taints & TaintBit.mask(TaintBit.proprietary) != 0 else { return nil }
        if module.usingGPLOnlySymbols {
            kernel.log(
                .KERN_ERR,
                "\(module.name): module using GPL-only symbols uses symbols \(name) from proprietary module \(owner.name)."
            )
            return -Errno.ENOENT
        }
        if module.taints & TaintBit.mask(TaintBit.proprietary) == 0 {
            kernel.log(
                .KERN_WARNING,
                "\(module.name): module uses symbols \(name) from proprietary module \(owner.name), inheriting taint.")
            addTaintModule(module, TaintBit.proprietary, lockdepUnreliable: true)
        }
        return nil
    }

    /// `ref_module()`: one `module_use` and one reference per distinct owner;
    /// `strong_try_module_get()` refuses an owner still COMING (-EBUSY: the loader waits 30 s,
    /// then gives up) or going (-ENOENT).
    private func refModule(_ module: Module, _ owner: Module, symbol: String) -> Int32 {
        if module.targetList.contains(owner.name) { return 0 }
        if owner.state == .coming {
            kernel.advance(nanoseconds: 30_000_000_000)
            kernel.log(.KERN_WARNING, "\(module.name): gave up waiting for init of module \(owner.name).")
            return -Errno.EBUSY
        }
        guard owner.state != .going, owner.refcnt > 0 else { return -Errno.ENOENT }
        owner.refcnt += 1
        owner.sourceList.insert(module.name, at: 0)
        module.targetList.insert(owner.name, at: 0)
        return 0
    }

    // MARK: Reference counting

    /// `try_module_get()`: fails once the module is going (or unloaded).
    package func tryModuleGet(_ name: String) -> Bool {
        guard let module = findModule(name), module.state != .going, module.refcnt > 0 else { return false }
        module.refcnt += 1
        return true
    }

    /// `module_put()`: never below zero (the kernel WARNs).
    package func modulePut(_ name: String) {
        guard let module = findModule(name), module.refcnt > 0 else { return }
        module.refcnt -= 1
    }

    /// `__symbol_get()`: a GPL-only export (6.5+ refuses others: "failing symbol_get of
    /// non-GPLONLY symbol"), its owner referenced; nil when missing or the owner is not live.
    package func symbolGet(_ name: String) -> UInt64? {
        guard let found = findSymbol(name, gplOK: true) else { return nil }
        if version.isAtLeast(6, 5), !found.gplOnly {
            kernel.log(.KERN_WARNING, "failing symbol_get of non-GPLONLY symbol \(name).")
            return nil
        }
        guard let owner = found.owner else { return found.address }
        guard owner.state == .live || owner.state == .unformed, tryModuleGet(owner.name) else { return nil }
        return found.address
    }

    /// `__symbol_put()`: drops the owner's reference.
    package func symbolPut(_ name: String) {
        guard let owner = findSymbol(name, gplOK: true)?.owner else { return }
        modulePut(owner.name)
    }

    // MARK: Addresses

    /// `__module_address()`: the module whose memory (core or init) holds `address`.
    package func moduleAddress(_ address: UInt64) -> Module? {
        modules.first { module in
            module.state != .unformed && address >= module.base
                && address < module.base &+ UInt64(module.totalSize)
        }
    }

    /// `__module_text_address()`: as ``moduleAddress(_:)``, the text only (here the whole core
    /// and init regions hold text).
    package func moduleTextAddress(_ address: UInt64) -> Module? { moduleAddress(address) }

    /// `%pS` of `address`: `name+0xoff/0xsize [module]`, the symbol holding it (init symbols
    /// only while the init sections exist), or the raw `0x…`.
    package func sprintSymbol(_ address: UInt64) -> String {
        let raw = "0x" + String(address, radix: 16)
        guard let module = moduleAddress(address) else { return raw }
        var symbols = module.coreSymbols
        if module.initSize > 0, let initFunction = module.image.initFunction {
            symbols.append((initFunction.name, module.initAddress, initFunction.size))
        }
        guard
            let symbol = symbols.first(where: {
                address >= $0.address && address < $0.address &+ UInt64(clamping: $0.size)
            })
        else { return raw }
        let offset = address &- symbol.address
        return "\(symbol.name)+0x\(String(offset, radix: 16))/0x\(String(symbol.size, radix: 16)) [\(module.name)]"
    }

    /// `%pS` of a module symbol by name (`kallsyms_lookup_name()` over the modules, newest
    /// first): the init only while its section exists.
    package func sprintSymbol(named name: String) -> String? {
        for module in modules where module.state != .unformed {
            if let address = module.address(of: name) { return sprintSymbol(address) }
            if module.initSize > 0, module.image.initFunction?.name == name { return sprintSymbol(module.initAddress) }
        }
        return nil
    }
}
