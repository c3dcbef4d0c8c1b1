import SourceInput

/// A parameter as its object declares it: what `module_param()`, `module_param_named()`,
/// `module_param_array()`, `module_param_string()`, `module_param_cb()`, `core_param()` and the
/// level-tagged `core_param_cb()` … `late_param_cb()` put in the `__param` section — a
/// `struct kernel_param` before the link gives it its place and its full name. Mirrors
/// `__module_param_call()` (include/linux/moduleparam.h).
public struct ModuleParam: Sendable {
    /// What the variable behind the parameter is.
    public enum Kind: Sendable, Hashable {
        /// One variable of a standard type, with the type's `param_ops_<type>`.
        case scalar(ParamType)
        /// `T name[max]` set through `param_array_ops`; `nump` says whether a count variable is
        /// written back (the `nump` argument; false for `NULL`).
        case array(ParamType, max: Int, nump: Bool)
        /// `char name[size]` set through `param_ops_string` (`module_param_string`).
        case string(size: Int)
    }

    /// The parameter's name, without the `KBUILD_MODNAME.` prefix (`age`).
    public var name: String
    /// The C variable it sets (`module_param_named(name, value, …)`'s `value`); the name itself
    /// for the other macros.
    public var variable: String
    /// The variable's type and shape.
    public var kind: Kind
    /// The sysfs file's mode; 0 for no file.
    public var permission: ParamPermission
    /// The pass that sets it: −1 for the "Booting kernel" pass (every macro but the level-tagged
    /// ones), or the index of the initcall level whose pass sets it (`core_param_cb` is 1).
    public var level: Int
    /// Whether the command-line name carries `KBUILD_MODNAME "."` (`MODULE_PARAM_PREFIX`);
    /// false for `core_param()`, which has no prefix.
    public var prefixed: Bool
    /// The macro as written (`module_param`, `subsys_param_cb`).
    public var macro: String
    /// The variable's initializer (`static int age = 25;`); nil leaves it zero (`NULL` for charp).
    public var defaultValue: ParamValue?
    /// The name of the array's count variable (`module_param_array(arr, int, &arr_count, …)`):
    /// `<name>_count` unless given; nil for arrays declared with a `NULL` `nump` and for other
    /// kinds. Bodies and `printk=` read it by this name.
    public var countVariable: String?
    /// Where it was declared: a `.boot` line (at the macro) or a Swift source line.
    public var source: SourceLocation?
    /// The columns of the declaration's parts on its `.boot` line (`perm`, `default`, `name`).
    public var columns: [String: Int]
    /// The `.boot` line, for diagnostics that show it.
    public var sourceLine: String?

    /// A parameter `name` of `kind`, declared with `macro`.
    public init(
        name: String, variable: String? = nil, kind: Kind, permission: ParamPermission, level: Int = -1,
        prefixed: Bool = true, macro: String, defaultValue: ParamValue? = nil, countVariable: String? = nil,
        source: SourceLocation? = nil, columns: [String: Int] = [:], sourceLine: String? = nil
    ) {
        self.name = name
        self.variable = variable ?? name
        self.kind = kind
        self.permission = permission
        self.level = level
        self.prefixed = prefixed
        self.macro = macro
        self.defaultValue = defaultValue
        if case .array(_, _, true) = kind {
            self.countVariable = countVariable ?? "\(name)_count"
        } else {
            self.countVariable = nil
        }
        self.source = source
        self.columns = columns
        self.sourceLine = sourceLine
    }

    /// The element or variable type (`int` for `array of int`); nil for string buffers.
    public var elementType: ParamType? {
        switch kind {
        case .scalar(let type), .array(let type, _, _): return type
        case .string: return nil
        }
    }

    /// The type as `.modinfo`'s `parmtype=` spells it: `int`, `array of int`, `string`.
    /// Mirrors `__MODULE_PARM_TYPE()` (include/linux/moduleparam.h).
    public var typeName: String {
        switch kind {
        case .scalar(let type): return type.rawValue
        case .array(let type, _, _): return "array of \(type.rawValue)"
        case .string: return "string"
        }
    }

    /// Whether a bare `name` (no `=value`) reaches the set function:
    /// `KERNEL_PARAM_OPS_FL_NOARG` of the ops (`param_array_ops` and `param_ops_string` have none).
    public var acceptsNoArgument: Bool {
        if case .scalar(let type) = kind { return type.acceptsNoArgument }
        return false
    }

    /// The command-line name: `KBUILD_MODNAME.name`, or `name` for `core_param()`.
    public func fullName(modname: String) -> String { prefixed ? "\(modname).\(name)" : name }

    /// The macros that declare parameters at level −1, by their `.boot` and C names.
    public static let macros = [
        "module_param", "module_param_named", "module_param_array", "module_param_array_named",
        "module_param_string", "module_param_cb", "core_param",
    ]

    /// The level-tagged helpers of include/linux/moduleparam.h and their fixed levels
    /// (`__level_param_cb(name, ops, arg, perm, level)`); there is none for level 0.
    public static let levelMacros: [(macro: String, level: Int)] = [
        ("core_param_cb", 1), ("postcore_param_cb", 2), ("arch_param_cb", 3), ("subsys_param_cb", 4),
        ("fs_param_cb", 5), ("device_param_cb", 6), ("late_param_cb", 7),
    ]
}

extension LevelTable {
    /// The level `macro` (`subsys_param_cb`, or `<name>_param_cb` for a level of this table)
    /// tags a parameter with: the index of the level named before `_param_cb`. Level 0 has no
    /// helper in include/linux/moduleparam.h, so `pure_param_cb` is nil, as it would not compile.
    public func paramLevel(forMacro macro: String) -> Int? {
        guard macro.hasSuffix("_param_cb") else { return nil }
        let name = String(macro.dropLast("_param_cb".count))
        guard let index = initcallLevelNames.firstIndex(of: name), index > 0, index < initcallLevels.count - 1
        else { return nil }
        return index
    }

    /// The `<level>_param_cb` helpers this table has, in level order.
    public var paramMacroNames: [String] {
        initcallLevelNames.prefix(max(0, initcallLevels.count - 1)).dropFirst().map { "\($0)_param_cb" }
    }
}
