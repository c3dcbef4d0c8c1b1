import SourceInput

/// The parameter macros of include/linux/moduleparam.h and the boot-option macros of
/// include/linux/init.h, for objects written in Swift:
///
///     kernel.object("drivers/misc/par.o") { tu in
///         tu.module_param("age", .int, 0o644, default: 25)
///         tu.module_param_array("arr", .int, 0o444, max: 10, default: [6, 7, 8, 9, 10])
///         tu.module_param_string("name", size: 16, 0o644, default: "par")
///         tu.MODULE_PARM_DESC("age", "how old")
///         tu.module_init(parInit)
///     }
///
/// Permissions and initializers are checked when the image is linked, as the compiler would.
extension TranslationUnit {
    /// Adds a parameter declaration as written.
    public func declare(_ param: ModuleParam) { params.append(param) }

    /// `module_param(name, type, perm)`: `name` is both the variable and the parameter
    /// (`<modname>.name` on the command line). Mirrors `module_param()`.
    public func module_param(
        _ name: String, _ type: ParamType, _ perm: ParamPermission, default value: ParamValue? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        declare(
            ModuleParam(
                name: name, kind: .scalar(type), permission: perm, macro: "module_param", defaultValue: value,
                source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// `module_param_named(name, value, type, perm)`: parameter `name` sets variable `variable`.
    /// Mirrors `module_param_named()`.
    public func module_param_named(
        _ name: String, _ variable: String, _ type: ParamType, _ perm: ParamPermission,
        default value: ParamValue? = nil, file: String = #fileID, line: Int = #line
    ) {
        declare(
            ModuleParam(
                name: name, variable: variable, kind: .scalar(type), permission: perm, macro: "module_param_named",
                defaultValue: value, source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// `module_param_array(name, type, nump, perm)` over `type name[max]`; `nump` false passes
    /// `NULL` (sysfs then shows all `max` elements). Mirrors `module_param_array()`.
    public func module_param_array(
        _ name: String, _ type: ParamType, _ perm: ParamPermission, max: Int, default values: [ParamValue] = [],
        nump: Bool = true, file: String = #fileID, line: Int = #line
    ) {
        declare(
            ModuleParam(
                name: name, kind: .array(type, max: max, nump: nump), permission: perm, macro: "module_param_array",
                defaultValue: .array(values), source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// `module_param_string(name, string, len, perm)` over `char name[size]`, which the value is
    /// copied into. Mirrors `module_param_string()`.
    public func module_param_string(
        _ name: String, size: Int, _ perm: ParamPermission, default value: String = "", file: String = #fileID,
        line: Int = #line
    ) {
        declare(
            ModuleParam(
                name: name, kind: .string(size: size), permission: perm, macro: "module_param_string",
                defaultValue: .string(value), source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// `module_param_cb(name, &param_ops_<ops>, &name, perm)`: a parameter set through the
    /// standard ops of `ops`. Mirrors `module_param_cb()`.
    public func module_param_cb(
        _ name: String, ops: ParamType, _ perm: ParamPermission, default value: ParamValue? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        declare(
            ModuleParam(
                name: name, kind: .scalar(ops), permission: perm, macro: "module_param_cb", defaultValue: value,
                source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// `core_param(name, var, type, perm)`: no `KBUILD_MODNAME.` prefix; sysfs files it under
    /// `/sys/module/kernel/parameters/`. Mirrors `core_param()`.
    public func core_param(
        _ name: String, _ type: ParamType, _ perm: ParamPermission, default value: ParamValue? = nil,
        file: String = #fileID, line: Int = #line
    ) {
        declare(
            ModuleParam(
                name: name, kind: .scalar(type), permission: perm, prefixed: false, macro: "core_param",
                defaultValue: value, source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// `__level_param_cb(name, ops, arg, perm, level)`: a parameter set by the parameter pass of
    /// initcall level `level`, just before that level's initcalls run. Mirrors `__level_param_cb()`.
    public func level_param_cb(
        _ name: String, ops: ParamType, _ perm: ParamPermission, level: Int, default value: ParamValue? = nil,
        macro: String = "__level_param_cb", file: String = #fileID, line: Int = #line
    ) {
        declare(
            ModuleParam(
                name: name, kind: .scalar(ops), permission: perm, level: level, macro: macro, defaultValue: value,
                source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// `<level>_param_cb(name, ops, arg, perm)` for a level of this unit's level table
    /// (`subsys_param_cb`, or a custom level's); returns false when the table has no such helper
    /// (level 0 has none). Mirrors `core_param_cb()` … `late_param_cb()`.
    @discardableResult
    public func param_cb(
        levelNamed levelName: String, _ name: String, ops: ParamType, _ perm: ParamPermission,
        default value: ParamValue? = nil, file: String = #fileID, line: Int = #line
    ) -> Bool {
        let macro = "\(levelName)_param_cb"
        guard let level = levels.paramLevel(forMacro: macro) else { return false }
        level_param_cb(name, ops: ops, perm, level: level, default: value, macro: macro, file: file, line: line)
        return true
    }

    /// `MODULE_PARM_DESC(name, desc)`. Mirrors `MODULE_PARM_DESC()`.
    public func MODULE_PARM_DESC(_ name: String, _ text: String, file: String = #fileID, line: Int = #line) {
        paramDescriptions.append(
            ParamDescription(name: name, text: text, source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// `early_param("str", fn)`: `handler` runs in `parse_early_param()` for an option named
    /// exactly `str`. Mirrors `early_param()`.
    public func early_param(
        _ str: String, _ function: String, file: String = #fileID, line: Int = #line,
        _ handler: @escaping SetupFunction
    ) {
        setups.append(
            SetupDeclaration(
                str: str, function: function, early: true, source: SourceLocation(file: file, line: line, column: 1),
                handler: handler))
    }

    /// `__setup("str", fn)`: `handler` runs in the "Booting kernel" pass for an option that
    /// starts with `str`, and gets the rest. Mirrors `__setup()`.
    public func __setup(
        _ str: String, _ function: String, file: String = #fileID, line: Int = #line,
        _ handler: @escaping SetupFunction
    ) {
        setups.append(
            SetupDeclaration(
                str: str, function: function, early: false, source: SourceLocation(file: file, line: line, column: 1),
                handler: handler))
    }
}
