import KernelBoot

/// `initcall-sim boot --parameters`: every parameter of `__param` as the boot left it.
public enum ParametersRenderer {
    /// A table: the command-line name, type, permission, the pass that sets it, the value as
    /// sysfs reads it, and the sysfs path (`-` without one).
    public static func render(_ parameters: [ParameterState]) -> String {
        var rows = [["PARAMETER", "TYPE", "PERM", "SET IN", "VALUE", "SYSFS"]]
        for state in parameters {
            rows.append([
                state.fullName, state.type, state.permissionText, state.pass, shown(state.value),
                state.sysfsPath ?? "-",
            ])
        }
        return TextTable.render(rows)
    }

    /// A value as a table cell: empty shows as `""`, and long values are cut.
    static func shown(_ value: String) -> String {
        if value.isEmpty { return "\"\"" }
        let printable = String(value.map { $0 == "\n" || $0 == "\t" ? " " : $0 })
        return printable.count > 60 ? String(printable.prefix(59)) + "…" : printable
    }
}
