import KernelModel

/// One call of one initcall by the boot. Plain data, cheap to record.
public struct InitcallRun: Sendable, Hashable {
    /// What `do_one_initcall()` and the reports around the call noted about it.
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `initcall_blacklist=` named it: not called, `-EPERM`.
        public static let blacklisted = Flags(rawValue: 1 << 0)
        /// It returned with a different preempt count (repaired, WARNed).
        public static let preemptionImbalance = Flags(rawValue: 1 << 1)
        /// It returned with IRQs disabled (re-enabled, WARNed).
        public static let disabledInterrupts = Flags(rawValue: 1 << 2)
        /// It reached a `might_sleep()` in atomic context ("BUG: sleeping function called from
        /// invalid context").
        public static let sleptInAtomic = Flags(rawValue: 1 << 3)
        /// It called `panic()`.
        public static let panicked = Flags(rawValue: 1 << 4)
        /// Its WARN turned into a panic (`panic_on_warn`).
        public static let warnPanicked = Flags(rawValue: 1 << 5)
        /// It slept (`msleep()`, `schedule()`) with a preempt count held: "BUG: scheduling while
        /// atomic" from `__schedule_bug()`.
        public static let scheduledWhileAtomic = Flags(rawValue: 1 << 6)
    }

    // Stored compactly (48 bytes): a boot of 100k initcalls keeps 100k of these.
    private var entry32: Int32
    private var slice16: Int16
    /// What happened besides the return value: blacklisted, WARNed, slept in atomic, panicked.
    public var flags: Flags
    /// `task_pid_nr(current)`: 0 for console initcalls, 1 for the others.
    public var pid: Int32
    /// The return value (ignored by the boot loop, as in the kernel).
    public var ret: Int32
    /// `initcall_calltime` and the finish time, virtual nanoseconds.
    public var calltime: UInt64
    /// When the call returned (or panicked), in virtual nanoseconds.
    public var rettime: UInt64
    /// What `ktime_get()` measured from `calltime` to `rettime`, the duration `initcall_debug`
    /// prints: the same span, or whole ticks while it reads jiffies (``BootTimeline/jiffies``).
    public var measured: UInt64
    private var recordStart: Int32
    private var recordEnd: Int32

    /// The run of table entry `entry` in the walk `slice` by task `pid`: it returned `ret`, ran
    /// from `calltime` to `rettime` with `flags`, and printed the log records at indices `records`.
    public init(
        entry: Int, slice: InitcallSlice, pid: Int32, ret: Int32, calltime: UInt64, rettime: UInt64, flags: Flags,
        records: Range<Int>
    ) {
        self.entry32 = Int32(truncatingIfNeeded: entry)
        self.slice16 = InitcallRun.encode(slice)
        self.flags = flags
        self.pid = pid
        self.ret = ret
        self.calltime = calltime
        self.rettime = rettime
        self.measured = rettime &- calltime
        self.recordStart = Int32(truncatingIfNeeded: records.lowerBound)
        self.recordEnd = Int32(truncatingIfNeeded: records.upperBound)
    }

    /// Index into ``KernelImage/table``.
    public var entry: Int { Int(entry32) }

    /// The walk that made the call: `console_init()`, `do_pre_smp_initcalls()` or
    /// `do_initcall_level(n)`.
    public var slice: InitcallSlice {
        switch slice16 {
        case -2: return .console
        case -1: return .early
        default: return .level(Int(slice16))
        }
    }

    /// Indices into ``BootResult/records`` of what it printed while running.
    public var records: Range<Int> {
        get { Int(recordStart)..<max(Int(recordStart), Int(recordEnd)) }
        set {
            recordStart = Int32(truncatingIfNeeded: newValue.lowerBound)
            recordEnd = Int32(truncatingIfNeeded: newValue.upperBound)
        }
    }

    private static func encode(_ slice: InitcallSlice) -> Int16 {
        switch slice {
        case .console: return -2
        case .early: return -1
        case .level(let n): return Int16(clamping: n)
        }
    }

    /// `ktime_us_delta(rettime, calltime)`: whole microseconds, truncated.
    public var durationMicroseconds: UInt64 { measured / 1_000 }

    /// Whether `do_one_initcall()` WARNed about this call.
    public var warned: Bool { !flags.isDisjoint(with: [.preemptionImbalance, .disabledInterrupts]) }
}
