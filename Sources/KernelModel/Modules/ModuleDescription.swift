import SourceInput

/// A driver that can be built into the kernel or as a loadable module (`obj-y` / `obj-m`): its
/// `.modinfo` macros, parameters, exported and used symbols, `module_init()`/`module_exit()`
/// functions and sizes. Mirrors what include/linux/module.h turns a C file into: with
/// `MODULE` defined every leveled initcall macro becomes `module_init()`, and `module_exit()`
/// survives; built in, `module_init()` is `device_initcall()` and the exit is discarded.
public struct ModuleDescription: Sendable {
    /// `obj-y` or `obj-m`: the `build=y|m` switch.
    public enum Build: String, Sendable, Hashable {
        /// Linked into vmlinux: init at level 6, params `name.param=` on the command line.
        case builtin = "y"
        /// A `.ko` the loader inserts.
        case module = "m"
    }

    /// An exported symbol (`EXPORT_SYMBOL`/`EXPORT_SYMBOL_GPL`), its `__ksymtab` entry.
    public struct Export: Sendable, Hashable {
        /// The symbol name.
        public var name: String
        /// `EXPORT_SYMBOL_GPL`: only GPL-compatible modules may resolve it.
        public var gplOnly: Bool

        /// Symbol `name`, GPL-only or not.
        public init(name: String, gplOnly: Bool) {
            self.name = name
            self.gplOnly = gplOnly
        }
    }

    /// `KBUILD_MODNAME`: the module's name (`par` for `par.ko`).
    public var name: String
    /// Built in or a module.
    public var build: Build = .module
    /// The object the driver compiles to: its parameters and their descriptions (`modname`
    /// is ``name``).
    public var object: ObjectFile
    /// The `MODULE_*()` strings in source order (`license`, `author`, `description`, …), each
    /// `tag=value` of `.modinfo`.
    public var info: [(tag: String, value: String)] = []
    /// The symbols it exports, in source order.
    public var exports: [Export] = []
    /// The undefined symbols the loader must resolve (`simplify_symbols()`), in symtab order.
    public var uses: [String] = []
    /// `module_init()`'s function; nil when there is none.
    public var initFunction: InitFunction?
    /// `module_exit()`'s function; nil when there is none (a module with an init and no exit
    /// is permanent).
    public var exitFunction: InitFunction?
    /// The macro that registered the init (`module_init`, or built in a leveled one such as
    /// `subsys_initcall`).
    public var initMacro = "module_init"
    /// Where the init was registered.
    public var initSource: SourceLocation?
    /// Core (text + data) size in bytes, as `/sys/module/<m>/coresize` reads after init.
    public var coreSize = 16384
    /// Init sections' size, freed after a successful init.
    public var initSize = 4096
    /// `vermagic=` as built; nil: the running kernel's own.
    public var vermagic: String?
    /// Whether the `.ko` carries a valid appended signature.
    public var signed = false
    /// Where it was declared.
    public var source: SourceLocation?

    /// A module `name` with nothing declared yet.
    public init(name: String, build: Build = .module, source: SourceLocation? = nil) {
        self.name = name
        self.build = build
        self.source = source
        var object = ObjectFile(path: "\(name).o")
        object.modname = name
        self.object = object
    }

    /// A driver written as its C file is: parameters and registrations through a
    /// ``TranslationUnit``. Its first initcall registration, whatever its macro, is the
    /// `module_init()` (as a module) or keeps its level (built in); `module_exit()` is the exit.
    ///
    ///     let par = ModuleDescription(name: "par") { tu in
    ///         tu.module_param("age", .int, 0o644, default: 25)
    ///         tu.module_init(par_init)
    ///         tu.module_exit(par_exit)
    ///     }
    public init(
        name: String, build: Build = .module, levels: LevelTable = .linux6, _ body: (TranslationUnit) -> Void
    ) {
        self.init(name: name, build: build)
        var object = ObjectFile("\(name).o", levels: levels, body)
        object.modname = name
        if let entry = object.entries.first(where: { $0.kind == .initcall }) {
            initFunction = entry.function
            initMacro = build == .module ? "module_init" : entry.macro
            initSource = entry.source
        }
        exitFunction = object.entries.first { $0.kind == .exitcall }?.function
        object.entries = []
        self.object = object
    }

    /// The first `tag=` value of ``info`` (`get_modinfo()`'s first-match rule).
    public func modinfoValue(_ tag: String) -> String? { info.first { $0.tag == tag }?.value }

    /// `MODULE_LICENSE()`, or nil when missing.
    public var license: String? { modinfoValue("license") }

    /// Whether the license is GPL-compatible: `license_is_gpl_compatible()`
    /// (include/linux/license.h), an exact comparison.
    public var isGPLCompatible: Bool {
        guard let license else { return false }
        return ModuleDescription.gplCompatibleLicenses.contains(license)
    }

    /// include/linux/license.h, `license_is_gpl_compatible()`.
    public static let gplCompatibleLicenses = [
        "GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL",
    ]

    /// The entries the built-in object gets: the init at its macro's level (`module_init` is
    /// `device_initcall`), the exit in `.exitcall.exit` (discarded at link time).
    public func builtinEntries(levels: LevelTable) -> [InitcallEntry] {
        var entries: [InitcallEntry] = []
        if let initFunction, let entry = levels.registration(initFunction, macro: initMacro, source: initSource) {
            entries.append(entry)
        }
        if let exitFunction, let entry = levels.registration(exitFunction, macro: "module_exit") {
            entries.append(entry)
        }
        return entries
    }

    /// The `.ko` file name: `par.ko`.
    public var fileName: String { "\(name).ko" }
}
