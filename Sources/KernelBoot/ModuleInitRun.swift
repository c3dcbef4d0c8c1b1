/// One module's init run through `do_one_initcall()` by `do_init_module()`, after the boot: a
/// `load` of the description, or `insmod` in the shell. The trace views draw these on the
/// loading task's track, as a real trace of the `initcall:*` events shows them.
public struct ModuleInitRun: Sendable, Hashable {
    /// The module's name (`[module]` of `%pS`).
    public var module: String
    /// The init function.
    public var function: String
    /// `%pS` of it: `drm_core_init+0x0/0xff0 [drm]`.
    public var symbolText: String
    /// The task that loaded it, and its name.
    public var pid: Int32
    public var comm: String
    /// What the init returned (`-EPERM` when `initcall_blacklist=` named it).
    public var ret: Int32
    /// When `initcall_start` fired: the time of the `calling` line.
    public var start: UInt64
    /// `do_one_initcall()`'s start and end times, virtual nanoseconds.
    public var calltime: UInt64
    public var rettime: UInt64
    /// What `ktime_get()` measured between them: the printed duration (whole ticks while it
    /// reads jiffies, ``InitcallRun/measured``).
    public var measured: UInt64 = 0
    /// `initcall_blacklist=` named it: not called.
    public var blacklisted: Bool
    /// It panicked: no `initcall_finish`.
    public var panicked: Bool

    /// The init's time in whole microseconds.
    public var durationMicroseconds: UInt64 { measured / 1_000 }
}
