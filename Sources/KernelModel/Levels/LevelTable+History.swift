/// Level tables of older kernels by the names earlier versions of initcall-sim gave them: each
/// is the table of its era, read from the shipped files (see ``LevelTable/linux(for:)``).
extension LevelTable {
    /// 2.6.17 to 2.6.27: levels 0–7 with their sync sections and rootfs, no early level, and one
    /// loop over `[__initcall_start, __initcall_end)` with no per-level parameter pass.
    public static var linux2_6_27: LevelTable { .linux(for: KernelVersion("2.6.27")) }

    /// 2.6.28 to 3.3: `early_initcall()` and `__early_initcall_end`; `do_pre_smp_initcalls()`
    /// walks `[__initcall_start, __early_initcall_end)`, then one loop
    /// `[__early_initcall_end, __initcall_end)`.
    public static var linux2_6_28: LevelTable { .linux(for: KernelVersion("2.6.28")) }
}
