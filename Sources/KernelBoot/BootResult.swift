import KernelLink

/// Everything a boot produced, as data: the log records, one ``InitcallRun`` per call in run
/// order, and how the boot ended. Renderers (dmesg, JSON) and analyses (compare) read it without
/// booting again.
public struct BootResult: Sendable {
    /// The image that was booted.
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
    /// How the boot ended: the init `run_init_process()` started, or the panic.
    public let outcome: BootOutcome
    /// The taint flags set at the end, as letters (`W`), empty when untainted.
    public let taint: String
    /// CPUs online after `smp_init()`.
    public let onlineCPUs: Int
    /// The moments timeline views mark (banner, CPUs up, init memory freed, init tried) and
    /// flag (WARNs, BUGs, the panic), in the order they happened.
    public let events: [BootEvent]
    /// Every table walk the boot entered (console, early, each level, empty ones included),
    /// in the order they ran, with its span in time and its runs.
    public let levels: [LevelSpan]
    /// Every parameter of `__param` as the boot left it (the kernel's own first, then the
    /// description's in link order): its value as sysfs reads it, the pass that sets it.
    public var parameters: [ParameterState] { parameterVariables.states }
    /// The `__param` variables as the boot left them (formatted only when read).
    package internal(set) var parameterVariables = ParamVariables.empty
    /// What each parameter pass did with each token of the command line, pass by pass; empty
    /// unless the boot was asked to trace (`boot(traceCommandLine: true)`).
    public internal(set) var commandLineTrace: [CommandLineEvent] = []
    /// The module inits run after init (the description's `load`s), in the order they
    /// started; empty for a boot alone.
    public internal(set) var moduleRuns: [ModuleInitRun] = []
    /// The entries `async_schedule()` was given, in cookie order, with their workers and times.
    public internal(set) var asyncRuns: [AsyncRun] = []
    /// How many of ``records`` the boot itself printed: all of them, but for the lines of the
    /// loads after init.
    public internal(set) var bootRecordCount: Int
    /// When the boot ended (init ran, or the panic or hang): the time of its last record,
    /// before any load's.
    public var bootEndTime: UInt64 {
        let count = min(bootRecordCount, records.count)
        return count > 0 ? records[count - 1].timestamp : 0
    }
    /// Where each run's events start in ``resourceEvents`` (one more entry than runs): the
    /// one grouping of events by run, made once, so that every reader stays linear.
    private let eventStarts: [Int]

    init(
        image: KernelImage, commandLine: String, options: BootOptions, records: [LogRecord], runs: [InitcallRun],
        resourceEvents: [ResourceEvent], outcome: BootOutcome, taint: String, onlineCPUs: Int,
        events: [BootEvent] = [], levels: [LevelSpan] = []
    ) {
        self.image = image
        self.commandLine = commandLine
        self.options = options
        self.records = records
        self.bootRecordCount = records.count
        self.runs = runs
        self.outcome = outcome
        self.taint = taint
        self.onlineCPUs = onlineCPUs
        self.events = events
        self.levels = levels
        let grouped = BootResult.groupByRun(resourceEvents, runs: runs.count)
        self.resourceEvents = grouped.events
        self.eventStarts = grouped.starts
    }

    /// A stable counting sort of the events by run (the engine records them in run order
    /// already, so this only checks), and where each run's events start.
    private static func groupByRun(_ events: [ResourceEvent], runs: Int) -> (events: [ResourceEvent], starts: [Int]) {
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
    /// any reports it triggered), excluding the `initcall_debug` lines around it and what async
    /// workers printed meanwhile (their lines reach the ring buffer by time, among the run's).
    public func records(of run: InitcallRun) -> ArraySlice<LogRecord> {
        let range = records[run.records]
        guard !asyncRuns.isEmpty, range.contains(where: { $0.pid != run.pid }) else { return range }
        return ArraySlice(range.filter { $0.pid == run.pid })
    }
}
