/// Level tables of older kernels, for their linker scripts (reference §3.3, §6.2).
extension LevelTable {
    /// Up to about 2.6.27: levels 0–7 with their sync sections and rootfs, no early level, and
    /// one loop over `[__initcall_start, __initcall_end)` with no per-level parameter pass
    /// (modelled as one level; its name is only used for that pass).
    public static let linux2_6_27: LevelTable = {
        var table = LevelTable.linux6
        table.ids.removeAll { $0.id == "early" || $0.id == "rootfss" }
        table.initcallLevels = ["__initcall_start", "__initcall_end"]
        table.initcallLevelNames = ["initcalls"]
        table.earlySlice = ("__initcall_start", "__initcall_start")
        return table
    }()

    /// 2.6.28 to 3.3: `early_initcall()` and `__early_initcall_end`;
    /// `do_pre_smp_initcalls()` walks `[__initcall_start, __early_initcall_end)`, then one loop
    /// `[__early_initcall_end, __initcall_end)`.
    public static let linux2_6_28: LevelTable = {
        var table = LevelTable.linux6
        table.ids.removeAll { $0.id == "rootfss" }
        table.initcallLevels = ["__early_initcall_end", "__initcall_end"]
        table.initcallLevelNames = ["initcalls"]
        table.earlySlice = ("__initcall_start", "__early_initcall_end")
        return table
    }()
}
