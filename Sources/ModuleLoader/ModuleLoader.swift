import KernelBoot
import KernelLink
import KernelModel

/// The module loader of a running kernel (kernel/module/main.c): the `modules` list, newest
/// first, and the system calls and kernel APIs over it. Lives on top of a booted kernel, whose
/// log, clock, taint mask and `do_one_initcall()` it shares.
package final class ModuleLoader {
    /// The kernel after its boot.
    package let kernel: LiveKernel
    /// `modules`: newest first, as every walk sees it.
    package private(set) var modules: [Module] = []
    /// Every notifier call, in order.
    package private(set) var notifications: [ModuleNotification] = []
    /// `last_unloaded_module`: the name and `module_flags()` of the last unloaded module.
    package private(set) var lastUnloaded: (name: String, taints: String)?
    /// `kernel.modules_disabled`: once 1, loading and unloading fail with -EPERM.
    package private(set) var modulesDisabled: Bool
    /// `module.sig_enforce`.
    package private(set) var sigEnforce: Bool
    /// `module_blacklist=`.
    package let blacklist: Set<String>
    /// The next free address of the module area (`MODULES_VADDR` onwards).
    var nextAddress: UInt64
    /// Whether "module verification failed" was printed (`pr_notice_once`).
    var verificationNoticePrinted = false
    /// Set by `request_module()` while an init runs: how deep the nesting is.
    var requestDepth = 0
    /// The `.ko` files `request_module()` finds (`/lib/modules/<release>/`), by name.
    package var installed: [String: ModuleDescription] = [:]

    /// A loader on `kernel`, its switches from the boot command line.
    package init(kernel: LiveKernel) {
        self.kernel = kernel
        let config = kernel.description.config
        modulesDisabled = kernel.bootArgument("nomodule") != nil
        let enforce = kernel.bootArgument("module.sig_enforce").map {
            ($0 ?? "1").first.map { "yYtT1".contains($0) } ?? false
        }
        sigEnforce = config.moduleSigForce || (enforce ?? false)
        let list = kernel.bootArgument("module_blacklist").flatMap { $0 } ?? ""
        blacklist = Set(list.split(separator: ",").map(String.init))
        nextAddress = ModuleLoader.modulesBase(kernel.description.architecture)
        for module in kernel.description.modules where module.build == .module { installed[module.name] = module }
        kernel.requestModule = { [weak self] name in self?.requestModule(name) ?? -Errno.ENOENT }
        kernel.moduleSymbol = { [weak self] name in self?.sprintSymbol(named: name) }
    }

    /// `MODULES_VADDR` of the architecture (x86-64: `0xffffffffc0000000`).
    static func modulesBase(_ architecture: Architecture) -> UInt64 {
        switch architecture {
        case .x86_64: return 0xffff_ffff_c000_0000
        case .arm64: return 0xffff_8000_7800_0000
        case .generic: return 0xbf00_0000
        }
    }

    var version: KernelVersion { kernel.description.version }
    var config: KernelConfig { kernel.description.config }

    // MARK: Lookup

    /// `find_module()`: exact name, UNFORMED skipped.
    package func findModule(_ name: String) -> Module? {
        modules.first { $0.name == name && $0.state != .unformed }
    }

    /// A module in any state (`find_module_all(name, …, true)`).
    func findModuleAll(_ name: String) -> Module? { modules.first { $0.name == name } }

    /// `module_refcount()` of a loaded module; nil when not loaded.
    package func moduleRefcount(_ name: String) -> Int? { findModule(name)?.refcount }

    // MARK: State changes

    func notify(_ action: ModuleState, _ module: Module) {
        notifications.append(ModuleNotification(action: action, module: module.name))
    }

    func insertHead(_ module: Module) {
        modules.insert(module, at: 0)
        refreshLinkedIn()
    }

    /// `free_module()`: drops the references this module holds on its targets
    /// (`module_unload_free()`) and takes it off the list.
    func freeModule(_ module: Module) {
        module.state = .unformed
        for target in module.targetList {
            guard let owner = findModuleAll(target) else { continue }
            owner.sourceList.removeAll { $0 == module.name }
            owner.refcnt -= 1
        }
        module.targetList = []
        modules.removeAll { $0 === module }
        refreshLinkedIn()
    }

    /// `kernel.modules_disabled = 1`: one way; writing 0 is -EINVAL.
    package func setModulesDisabled(_ value: Bool) -> Int32 {
        if !value { return modulesDisabled ? -Errno.EINVAL : 0 }
        modulesDisabled = true
        return 0
    }

    // MARK: module_flags

    /// `module_flags()` (kernel/module/main.c): `(` taints, `+` coming / `-` going `)`, or
    /// empty. `showState` false is what `last_unloaded_module` keeps.
    package func moduleFlags(_ module: Module, showState: Bool = true) -> String {
        var flags = TaintBit.letters(module.taints)
        if showState, module.state == .going { flags += "-" }
        if showState, module.state == .coming { flags += "+" }
        return flags.isEmpty ? "" : "(\(flags))"
    }

    /// `print_modules()`'s list after "Modules linked in:" (each ` name(flags)`, newest
    /// first, then `[last unloaded: …]`), handed to the kernel's WARN and BUG reports.
    func refreshLinkedIn() {
        var text = ""
        for module in modules where module.state != .unformed { text += " \(module.name)\(moduleFlags(module))" }
        if let lastUnloaded { text += " [last unloaded: \(lastUnloaded.name)\(lastUnloaded.taints)]" }
        kernel.modulesLinkedIn = text
    }

    func recordUnloaded(_ module: Module) {
        lastUnloaded = (module.name, moduleFlags(module, showState: false))
    }
}
