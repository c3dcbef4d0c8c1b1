import SourceInput

/// One entry of the linked `__param` section: a declared parameter with the name the command
/// line and sysfs know it by. Mirrors `struct kernel_param` (include/linux/moduleparam.h) as
/// `__start___param[]` … `__stop___param[]` hold it.
public struct ParamEntry: Sendable {
    /// The declaration.
    public var param: ModuleParam
    /// The object that declared it (`drivers/misc/par.o`); the kernel's own parameters name
    /// the file that defines them (`init/main.o`).
    public var object: String
    /// `KBUILD_MODNAME` of that object (`par`); `kernel` for `core_param()`s, as sysfs shows them.
    public var modname: String
    /// The command-line name: `par.age`, or `initcall_debug` for a `core_param`.
    public var fullName: String
    /// `MODULE_PARM_DESC(name, desc)`'s text, if the object gave one.
    public var description: String?

    /// The entry of `param`, declared in `object` whose `KBUILD_MODNAME` is `modname`.
    public init(_ param: ModuleParam, object: String, modname: String, description: String? = nil) {
        self.param = param
        self.object = object
        self.fullName = param.fullName(modname: modname)
        // param_sysfs_builtin(): a name without a '.' is a core_param(), filed under "kernel".
        if let dot = fullName.firstIndex(of: ".") {
            self.modname = String(fullName[..<dot])
        } else {
            self.modname = "kernel"
        }
        self.description = description
    }

    /// `/sys/module/<modname>/parameters/<name>`, or nil when the permission is 0 (no file).
    /// Mirrors `param_sysfs_builtin()` and `add_sysfs_param()` (kernel/params.c).
    public var sysfsPath: String? {
        guard param.permission.mode != 0 else { return nil }
        let name = param.prefixed ? param.name : fullName
        return "/sys/module/\(modname)/parameters/\(name)"
    }

    /// The `__param` entries of `objects`, in the order given (the link order): each object's
    /// parameters in declaration order.
    public static func table(_ objects: [ObjectFile]) -> [ParamEntry] {
        var entries: [ParamEntry] = []
        for object in objects where !object.params.isEmpty {
            let descriptions = Dictionary(object.paramDescriptions.map { ($0.name, $0.text) }) { first, _ in first }
            for param in object.params {
                entries.append(
                    ParamEntry(
                        param, object: object.path, modname: object.modname, description: descriptions[param.name])
                )
            }
        }
        return entries
    }

    /// The kernel's own parameters the simulation models, in `__param` link order
    /// (init/main.c, kernel/panic.c, kernel/printk/printk.c): `core_param(initcall_debug, …, bool,
    /// 0644)`, `core_param(panic, panic_timeout, int, 0644)`, `core_param(panic_on_warn, …, int,
    /// 0644)` and `module_param_named(time, printk_time, bool, S_IRUGO | S_IWUSR)`.
    public static let kernelBuiltins: [ParamEntry] = [
        ParamEntry(
            ModuleParam(
                name: "initcall_debug", kind: .scalar(.bool), permission: 0o644, prefixed: false, macro: "core_param"),
            object: "init/main.o", modname: "main"),
        ParamEntry(
            ModuleParam(
                name: "panic", variable: "panic_timeout", kind: .scalar(.int), permission: 0o644, prefixed: false,
                macro: "core_param"),
            object: "kernel/panic.o", modname: "panic"),
        ParamEntry(
            ModuleParam(
                name: "panic_on_warn", kind: .scalar(.int), permission: 0o644, prefixed: false, macro: "core_param"),
            object: "kernel/panic.o", modname: "panic"),
        ParamEntry(
            ModuleParam(
                name: "time", variable: "printk_time", kind: .scalar(.bool), permission: 0o644,
                macro: "module_param_named", defaultValue: true),
            object: "kernel/printk/printk.o", modname: "printk"),
    ]
}

/// An entry of the linked `.init.setup` section: a declared `__setup`/`early_param` handler
/// and the object that declared it. Mirrors `__setup_start[]` … `__setup_end[]` (init/main.c).
public struct PlacedSetup: Sendable {
    /// The declaration.
    public var setup: SetupDeclaration
    /// The object that declared it.
    public var object: String

    /// The `.init.setup` entries of `objects` in the order given (the link order).
    public static func table(_ objects: [ObjectFile]) -> [PlacedSetup] {
        objects.flatMap { object in object.setups.map { PlacedSetup(setup: $0, object: object.path) } }
    }
}
