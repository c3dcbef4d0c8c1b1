import KernelModel

/// A moment of the boot that is not an initcall: what timeline views mark (the banner, the
/// other CPUs coming up, init memory freed, init started) and what they flag (a WARN, a BUG,
/// the panic). Recorded by the engine as it happens, so no reader has to recognise log text.
public struct BootEvent: Sendable, Hashable {
    /// What happened.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `start_kernel()` printed `linux_banner`.
        case banner
        /// `rest_init()` started `kernel_init` as PID 1: from here on the initcalls run there.
        case kernelInit = "kernel_init"
        /// `smp_init()` started bringing up the secondary CPUs ("smp: Bringing up secondary
        /// CPUs ...").
        case smpBringUp = "smp_bring_up"
        /// `smp_init()` is done ("smp: Brought up 1 node, 4 CPUs"); ``BootEvent/detail`` is the
        /// number of CPUs online.
        case smpBroughtUp = "smp_brought_up"
        /// `free_initmem()`: the init sections go.
        case freeInitmem = "free_initmem"
        /// `run_init_process()` tried an init; ``BootEvent/detail`` is its path.
        case runInit = "run_init"
        /// A WARN (`do_one_initcall()`'s sanity check); ``BootEvent/detail`` is its message.
        case warning
        /// "BUG: sleeping function called from invalid context"; ``BootEvent/detail`` is the line.
        case bug
        /// `panic()`; ``BootEvent/detail`` is its message.
        case panic
    }

    /// What happened.
    public var kind: Kind
    /// Virtual `local_clock()` time, in nanoseconds (the time of its first record).
    public var timestamp: UInt64
    /// The task it happened in (`task_pid_nr(current)`).
    public var pid: Int32
    /// Index into ``BootResult/records`` of its first record (the records count when it printed
    /// nothing).
    public var record: Int
    /// The initcall running when it happened, as an index into ``BootResult/runs``, if any.
    public var run: Int?
    /// The path, message or count the kind describes; empty for the rest.
    public var detail: String

    /// An event of kind `kind` at `timestamp` in task `pid`, first record `record`.
    public init(kind: Kind, timestamp: UInt64, pid: Int32, record: Int, run: Int? = nil, detail: String = "") {
        self.kind = kind
        self.timestamp = timestamp
        self.pid = pid
        self.record = record
        self.run = run
        self.detail = detail
    }
}

/// One walk of an initcall table from its `initcall_level` tracepoint to its last call:
/// `console_init()`'s loop, `do_pre_smp_initcalls()`, or `do_initcall_level(n)`. Every walk the
/// boot entered has one, empty levels included, in the order they ran.
public struct LevelSpan: Sendable, Hashable {
    /// The walk.
    public var slice: InitcallSlice
    /// Its name, as the `initcall_level` tracepoint gives it (`console`, `early`, `device`).
    public var name: String
    /// The task that walked it (0 for `console_init()`, 1 for the rest).
    public var pid: Int32
    /// When `trace_initcall_level()` fired, virtual nanoseconds.
    public var start: UInt64
    /// When the walk ended: after its last call returned (and was checked), or at the panic
    /// that ended the boot inside it.
    public var end: UInt64
    /// Its runs, as indices into ``BootResult/runs``.
    public var runs: Range<Int>

    /// The walk `slice`, named `name`, by task `pid`, from `start` to `end`, with `runs`.
    public init(slice: InitcallSlice, name: String, pid: Int32, start: UInt64, end: UInt64, runs: Range<Int>) {
        self.slice = slice
        self.name = name
        self.pid = pid
        self.start = start
        self.end = end
        self.runs = runs
    }
}
