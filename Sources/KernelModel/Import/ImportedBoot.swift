/// A real boot read from its `initcall_debug` log by ``DmesgImport``: the machine and build the
/// log names, every initcall it shows with what it printed, and the lines around them.
public struct ImportedBoot: Sendable {
    /// Which table walk ran a call, as far as the log shows.
    public enum Phase: Sendable, Hashable {
        /// `console_init()`: `@ 0`, before PID 1 exists.
        case console
        /// PID 1 before `smp_init()`: `do_pre_smp_initcalls()`.
        case early
        /// PID 1 in `do_initcalls()`.
        case levels
        /// Not a table entry of this boot: a module's init (`[module]`, another pid) or any
        /// call after init ran.
        case outside
    }

    /// One initcall, from its `calling` line (or `initcall … blacklisted`) to its `returned` line.
    public struct Call: Sendable {
        public var function: String
        public var size: Int?
        /// The function's address, where the lines print it (`Calling initcall 0x%p: …`,
        /// 2.6.22–2.6.25).
        public var address: UInt64?
        public var module: String?
        public var pid: Int32?
        public var ret: Int32 = 0
        /// The printed duration, in ``durationUnit``.
        public var duration: UInt64?
        public var durationUnit: DurationUnit = .microseconds
        /// Timestamps (µs) of the `calling` and `returned` lines.
        public var calltime: UInt64?
        public var rettime: UInt64?
        /// 2.6.22–2.6.25: the timestamp of the `returned %d.` line before `ran for` (which
        /// ``rettime`` is).
        public var returnedLineTime: UInt64?
        /// What the call printed between its two lines.
        public var records: [DmesgRecord] = []
        /// `do_one_initcall()`'s sanity report: `preemption imbalance `, `disabled interrupts `.
        public var sanity: String?
        public var blacklisted = false
        public var phase: Phase
        /// Its id (`6`, `1s`, `con`), when something proves it, and what did.
        public var id: String?
        public var idSource: String?
        /// The object, from a 5.12+ `System.map` symbol.
        public var object: String?
        /// The log line of its `calling` line.
        public var line: Int
        /// The records of the WARN after it (the sanity report's `__warn()`), the returned-with
        /// line included.
        public var warnRecords = 0
        var open = true
        var oldReturned = false
        /// Panicked inside: the panic message.
        public var panic: String?
    }

    /// One entry of kernel/async.c a worker ran, from its `calling  %lli_%pF @ %i` line to its
    /// `initcall %lli_%pF returned 0 after %lld usecs` line (2.6.29–3.17 print them).
    public struct AsyncEntry: Sendable {
        public var cookie: UInt64
        public var function: String
        public var size: Int?
        /// The worker's pid.
        public var pid: Int32
        /// The log line of its `calling` line.
        public var line: Int
        /// Timestamps (µs) of its `calling` and `returned` lines.
        public var start: UInt64?
        public var rettime: UInt64?
        /// The printed duration (µs, `>> 10`).
        public var duration: UInt64?
        /// The built-in call that had last started when its `calling` line printed, and how
        /// many of that call's lines came before it (nil: the call had returned).
        public var host: Int?
        public var hostRecords: Int?
        /// It printed `async_waiting @ pid` (`async_synchronize_cookie()`), and the usecs its
        /// `async_continuing` line says it waited.
        public var waits = false
        public var waited: UInt64?
        /// The timestamp (µs) of its `async_continuing` line.
        public var continuedAt: UInt64?
        /// The log lines the replay prints itself: its calling, returned, waiting, continuing.
        public var lines: [Int] = []
        /// What its worker printed while it ran, where the log names the worker (caller ids).
        public var records: [DmesgRecord] = []
        var open = true
    }

    public enum DurationUnit: Sendable, Hashable {
        /// `usecs`: `ktime_us_delta()` from 5.18, nanoseconds `>> 10` from 2.6.28.
        case microseconds
        /// `msecs`: nanoseconds `>> 20` (2.6.22–2.6.27).
        case milliseconds
    }

    /// What happened in log order: a call (index into ``calls``) or any other line.
    public enum Event: Sendable {
        case call(Int)
        case record(DmesgRecord)
    }

    public var banner: String?
    public var release: String?
    public var commandLine: String?
    public var cpus: Int?
    public var hardware: String?
    public var kaslr: String?
    /// x86-64 prints `Command line:` from `setup_arch()`; arm64 says `Booting Linux on physical CPU`.
    public var architecture: String?
    public var calls: [Call] = []
    /// The async entries, in the order their `calling` lines came.
    public var asyncEntries: [AsyncEntry] = []
    public var events: [Event] = []
    /// `smp: Bringing up secondary CPUs ...` and `smp: Brought up …` timestamps (µs).
    public var smpBringUp: UInt64?
    public var smpBroughtUp: UInt64?
    /// The path of the first `Run %s as init process`.
    public var initPath: String?
    /// `Kernel panic - not syncing: %s`.
    public var panic: String?
    public var warnings = 0
    /// The taint letters of the last `Tainted:` line.
    public var taint: String?
    /// The first `CPU: %d PID: %d Comm: …` line of a stack dump (`dump_stack_print_info()`).
    public var dumpStackLine: String?
    /// Notes for the description's header (unknown levels, split objects, System.map misses).
    public var notes: [String] = []
    /// How many lines the log had.
    public var lineCount = 0
    /// Its records name their callers (`[    T1]`): the kernel had `CONFIG_PRINTK_CALLER`.
    public var callerIDs = false
}
