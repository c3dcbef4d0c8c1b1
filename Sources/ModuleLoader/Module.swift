import KernelBoot
import KernelModel

/// `enum module_state` (include/linux/module.h): the numeric values are the notifier actions.
public enum ModuleState: Int, Sendable, Hashable {
    /// `MODULE_STATE_LIVE`: initialised.
    case live = 0
    /// `MODULE_STATE_COMING`: fully formed, running its init.
    case coming = 1
    /// `MODULE_STATE_GOING`: going away (failed init or unloading).
    case going = 2
    /// `MODULE_STATE_UNFORMED`: still being set up; invisible to lookups.
    case unformed = 3

    /// `/proc/modules`' state column (kernel/module/procfs.c `m_show()`).
    public var procText: String {
        switch self {
        case .live: return "Live"
        case .coming: return "Loading"
        case .going, .unformed: return "Unloading"
        }
    }

    /// `/sys/module/<m>/initstate`.
    public var sysfsText: String {
        switch self {
        case .live: return "live"
        case .coming: return "coming"
        case .going: return "going"
        case .unformed: return "unformed"
        }
    }
}

/// `struct module` as far as behaviour depends on it: one loaded module.
package final class Module {
    /// The `.ko` it was loaded from.
    package let image: ModuleDescription
    /// `mod->name`.
    package var name: String { image.name }
    package var state = ModuleState.unformed
    /// `mod->refcnt`: `MODULE_REF_BASE` (1) plus every reference; 0 once unloading dropped it.
    package var refcnt = 1
    /// `source_list`: the modules that use this one, newest first.
    package var sourceList: [String] = []
    /// `target_list`: the modules this one uses, newest first.
    package var targetList: [String] = []
    /// `mod->taints`.
    package var taints: UInt32 = 0
    /// `mod->args`.
    package var args = ""
    /// Its `__param` table.
    package let params: ParamTable
    /// Core text base address.
    package let base: UInt64
    /// Init sections' size; 0 after a successful init frees them.
    package var initSize: Int
    /// Core size (text + data).
    package let coreSize: Int
    /// `mod->using_gplonly_symbols`.
    package var usingGPLOnlySymbols = false
    /// `mod->sig_ok`.
    package var sigOK = false

    init(image: ModuleDescription, params: ParamTable, base: UInt64) {
        self.image = image
        self.params = params
        self.base = base
        // Sizes come from the description: a Swift caller may give anything, so clamp.
        self.initSize = min(max(image.initSize, 0), 1 << 40)
        self.coreSize = min(max(image.coreSize, 0), 1 << 40)
    }

    /// `module_refcount()`: refcnt − `MODULE_REF_BASE`.
    package var refcount: Int { refcnt - 1 }

    /// Whether it has an init but no exit: `[permanent]`, not unloadable.
    package var isPermanent: Bool { image.initFunction != nil && image.exitFunction == nil }

    /// Core plus init size, as `/proc/modules` shows it.
    package var totalSize: Int { coreSize + initSize }

    /// The address of the init function: the start of the init text, after the core.
    package var initAddress: UInt64 { base &+ UInt64(coreSize) }

    /// The core text's functions laid out one after another from the base: the exit, then
    /// every exported symbol (a size each, as `%pS` shows it).
    package var coreSymbols: [(name: String, address: UInt64, size: Int)] {
        var symbols: [(String, UInt64, Int)] = []
        var next = base
        var functions: [(String, Int)] = []
        if let exit = image.exitFunction { functions.append((exit.name, exit.size)) }
        for export in image.exports { functions.append((export.name, InitFunction.defaultSize(for: export.name))) }
        for (name, size) in functions {
            symbols.append((name, next, size))
            next = next &+ UInt64(clamping: size)
        }
        return symbols
    }

    /// The address of a core symbol.
    package func address(of symbol: String) -> UInt64? { coreSymbols.first { $0.name == symbol }?.address }
}

/// What a module notifier (`register_module_notifier()`) saw: the action and the module.
public struct ModuleNotification: Sendable, Hashable {
    /// `MODULE_STATE_COMING`, `_LIVE` or `_GOING`.
    public var action: ModuleState
    /// The module's name.
    public var module: String
}
