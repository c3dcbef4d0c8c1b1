import KernelLink
import KernelModel

/// Everything a boot produced, as data: the log records, one ``InitcallRun`` per call in run
/// order, and how the boot ended. Renderers (dmesg, JSON) and analyses (compare) read it without
/// booting again.
public struct BootResult: Sendable {
    public let image: KernelImage
    /// The command line the boot parsed (`saved_command_line`).
    public let commandLine: String
    /// The state the command line left: `initcall_debug`, loglevels, init arguments.
    public let options: BootOptions
    /// The ring buffer, in order.
    public let records: [LogRecord]
    /// Every initcall the boot reached, in the order it ran.
    public let runs: [InitcallRun]
    /// Resources provided and required at run time, in run order (then call order).
    public let resourceEvents: [ResourceEvent]
    public let outcome: BootOutcome
    /// The taint flags set at the end, as letters (`W`), empty when untainted.
    public let taint: String
    /// CPUs online after `smp_init()`.
    public let onlineCPUs: Int
    /// Where each run's events start in ``resourceEvents`` (one more entry than runs): the
    /// one grouping of events by run, made once, so that every reader stays linear.
    private let eventStarts: [Int]

    init(
        image: KernelImage, commandLine: String, options: BootOptions, records: [LogRecord], runs: [InitcallRun],
        resourceEvents: [ResourceEvent], outcome: BootOutcome, taint: String, onlineCPUs: Int
    ) {
        self.image = image
        self.commandLine = commandLine
        self.options = options
        self.records = records
        self.runs = runs
        self.outcome = outcome
        self.taint = taint
        self.onlineCPUs = onlineCPUs
        (self.resourceEvents, self.eventStarts) = BootResult.groupByRun(resourceEvents, runs: runs.count)
    }

    /// A stable counting sort of the events by run (the engine records them in run order
    /// already, so this only checks), and where each run's events start.
    private static func groupByRun(_ events: [ResourceEvent], runs: Int) -> ([ResourceEvent], [Int]) {
        var counts = Array(repeating: 0, count: runs + 1)
        let valid = events.filter { $0.run >= 0 && $0.run < runs }
        for event in valid { counts[event.run + 1] += 1 }
        for run in 0..<runs { counts[run + 1] += counts[run] }
        var sorted = valid
        if zip(valid, valid.dropFirst()).contains(where: { $0.run > $1.run }) {
            var next = counts
            for event in valid {
                sorted[next[event.run]] = event
                next[event.run] += 1
            }
        }
        return (sorted, counts)
    }

    /// True when the boot got as far as running init.
    public var reachedInit: Bool {
        if case .reachedInit = outcome { return true }
        return false
    }

    /// The placed entry a run called.
    public func entry(of run: InitcallRun) -> PlacedInitcall { image.table[run.entry] }

    /// The level name a run ran under (`console`, `early`, `device`, …).
    public func levelName(of run: InitcallRun) -> String { image.name(of: run.slice) }

    /// The resource events of run number `runIndex` (an index into ``runs``), in call order.
    public func resourceEvents(of runIndex: Int) -> ArraySlice<ResourceEvent> {
        guard runIndex >= 0, runIndex + 1 < eventStarts.count else { return [] }
        return resourceEvents[eventStarts[runIndex]..<eventStarts[runIndex + 1]]
    }

    /// The resources a run provided, required, or required and found missing, in call order.
    public func resources(of runIndex: Int, _ kind: ResourceEvent.Kind) -> [String] {
        resourceEvents(of: runIndex).filter { $0.kind == kind }.map(\.resource)
    }

    /// The records a run printed between its call and its return (its own printk output and
    /// any reports it triggered), excluding the `initcall_debug` lines around it.
    public func records(of run: InitcallRun) -> ArraySlice<LogRecord> { records[run.records] }
}

/// How a boot ended.
public enum BootOutcome: Sendable, Hashable {
    /// `run_init_process()` succeeded with this path.
    case reachedInit(String)
    /// `panic()` with this message.
    case panicked(String)
}

/// One call of one initcall by the boot. Plain data, cheap to record.
public struct InitcallRun: Sendable, Hashable {
    public struct Flags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// `initcall_blacklist=` named it: not called, `-EPERM`.
        public static let blacklisted = Flags(rawValue: 1 << 0)
        /// It returned with a different preempt count (repaired, WARNed).
        public static let preemptionImbalance = Flags(rawValue: 1 << 1)
        /// It returned with IRQs disabled (re-enabled, WARNed).
        public static let disabledInterrupts = Flags(rawValue: 1 << 2)
        /// It slept in atomic context ("BUG: sleeping function called from invalid context").
        public static let sleptInAtomic = Flags(rawValue: 1 << 3)
        /// It called `panic()`.
        public static let panicked = Flags(rawValue: 1 << 4)
        /// Its WARN turned into a panic (`panic_on_warn`).
        public static let warnPanicked = Flags(rawValue: 1 << 5)
    }

    // Stored compactly (40 bytes): a boot of 100k initcalls keeps 100k of these.
    private var entry32: Int32
    private var slice16: Int16
    public var flags: Flags
    /// `task_pid_nr(current)`: 0 for console initcalls, 1 for the others.
    public var pid: Int32
    /// The return value (ignored by the boot loop, as in the kernel).
    public var ret: Int32
    /// `initcall_calltime` and the finish time, virtual nanoseconds.
    public var calltime: UInt64
    public var rettime: UInt64
    private var recordStart: Int32
    private var recordEnd: Int32

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
        self.recordStart = Int32(truncatingIfNeeded: records.lowerBound)
        self.recordEnd = Int32(truncatingIfNeeded: records.upperBound)
    }

    /// Index into ``KernelImage/table``.
    public var entry: Int { Int(entry32) }

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
    public var durationMicroseconds: UInt64 { (rettime &- calltime) / 1_000 }

    /// Whether `do_one_initcall()` WARNed about this call.
    public var warned: Bool { !flags.isDisjoint(with: [.preemptionImbalance, .disabledInterrupts]) }
}

/// A resource provided or required while an initcall ran.
public struct ResourceEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case provided, required, missing
    }

    /// Index into ``BootResult/runs``.
    public var run: Int
    public var kind: Kind
    public var resource: String
}
