/// A parameter as a boot left it: where it is declared, which pass sets it, and its value as
/// `/sys/module/<module>/parameters/<name>` reads. Mirrors `param_attr_show()`
/// (kernel/params.c).
public struct ParameterState: Sendable, Hashable {
    /// The sysfs module directory: `KBUILD_MODNAME`, or `kernel` for a `core_param()`.
    public var module: String
    /// The name under `parameters/` (without the module prefix).
    public var name: String
    /// The command-line name (`par.age`, `initcall_debug`).
    public var fullName: String
    /// The type as `parmtype=` spells it: `int`, `array of int`, `string`.
    public var type: String
    /// The sysfs mode; 0 for no file.
    public var permission: Int
    /// The value as the sysfs file reads, without its newline (`Y`, `6,7,8`, `(null)`).
    public var value: String
    /// `/sys/module/<module>/parameters/<name>`, or nil without a file (permission 0).
    public var sysfsPath: String?
    /// −1 for the "Booting kernel" pass, else the level whose pass sets it.
    public var level: Int
    /// The pass that sets it: "Booting kernel" or the level's name.
    public var pass: String
    /// `MODULE_PARM_DESC()`'s text, if any.
    public var description: String?
    /// The object that declares it.
    public var object: String
    /// Whether it is one of the kernel's own (`initcall_debug`, `panic`, `panic_on_warn`,
    /// `printk.time`) rather than the description's.
    public var builtin: Bool

    /// The permission as `%04o`: `0644`.
    public var permissionText: String {
        let digits = String(permission, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
