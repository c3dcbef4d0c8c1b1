/// Virtual time spent by the parts of the boot that are not initcalls, in nanoseconds. The
/// defaults put a small board's first initcall near 0.06 s and are documented in the README;
/// the `timeline` statement of a `.boot` file sets each stage, so that a replayed real boot's
/// timestamps line up.
public struct BootTimeline: Sendable, Hashable {
    /// `start_kernel()` from the banner to `console_init()`.
    public var startKernelToConsole: UInt64 = 40_000_000
    /// `console_init()` to PID 1 entering `kernel_init_freeable()`.
    public var consoleToKernelInit: UInt64 = 20_000_000
    /// Bringing up one secondary CPU in `smp_init()`.
    public var perSecondaryCPU: UInt64 = 2_000_000
    /// `driver_init()` and the rest of `do_basic_setup()` before `do_initcalls()`.
    public var basicSetup: UInt64 = 1_000_000
    /// `do_initcalls()` end to the root mount in `prepare_namespace()` (`wait_for_device_probe()`
    /// and the rest of `kernel_init_freeable()`).
    public var prepareNamespace: UInt64 = 0
    /// The root mount (or the end of `do_initcalls()` when an initramfs runs `/init`) to
    /// `free_initmem()`.
    public var initcallsToFree: UInt64 = 3_000_000
    /// The cost of writing one record to the log buffer.
    public var printk: UInt64 = 1_000
    /// `TICK_NSEC` of the jiffies clocksource that `ktime_get()` reads until
    /// `clocksource_done_booting()` selects a better one (`jiffies=4ms` for HZ=250), so that
    /// the calls before it print whole ticks; 0 (the default): `ktime_get()` reads the boot's
    /// own clock all along.
    public var jiffies: UInt64 = 0
    /// When the first timer tick comes, below ``jiffies``; the others follow a tick apart.
    public var jiffiesPhase: UInt64 = 0

    /// The default timeline, documented in the README.
    public init() {}
}
