import KernelLink
import KernelModel

/// The running kernel: the state `start_kernel()`, `kernel_init()` and every initcall share —
/// the virtual clock, the printk ring buffer, the preemption counter and IRQ flag of the boot
/// CPU, the current task, the taint mask and the named resources — and the ``KernelContext``
/// every body is handed.
///
/// One lives for one boot (and, with the module loader, for the system after it). The engine
/// owns it and tells it which function the CPU is in (`runningEntry`, a table index: an integer,
/// so the boot loop pays no reference counting for it); reports resolve it through
/// `kallsyms`, as the kernel's do.
public final class RunningKernel: KernelContext {
    // The boot loop touches the fields marked `@exclusivity(unchecked)` once or twice per
    // initcall. They are plain scalars (or an array only appended to) that are never passed
    // `inout` while a body runs, so the runtime exclusivity check buys nothing there and
    // would cost more than the loop itself.
    @exclusivity(unchecked) var clock = VirtualClock()
    /// The ring buffer: every record, whatever its level (what `dmesg` reads).
    @exclusivity(unchecked) var records: [LogRecord] = []
    let printkCost: UInt64
    /// Until `time_init()` the log clock reads 0 (the first lines of every dmesg say
    /// `[    0.000000]`); printing costs nothing measurable before then.
    var clockRunning = false

    @exclusivity(unchecked) public internal(set) var preemptCount: Int = 0
    @exclusivity(unchecked) public internal(set) var irqsDisabled: Bool = false
    @exclusivity(unchecked) public internal(set) var pid: Int32 = 0
    public internal(set) var comm: String = "swapper/0"

    var taint = Taint()
    var resources = ResourceTable()
    let machine: Machine
    /// The simulated call chain below the current walk, innermost last, for stack dumps.
    var frames: [StackFrame] = []
    /// True while `do_one_initcall()` has a body on the stack (its frame is then in dumps).
    @exclusivity(unchecked) var inDoOneInitcall = false
    /// The table index of the function running now, as the engine reports it (−1: none).
    @exclusivity(unchecked) var runningEntry = -1
    /// The symbol table reports name functions from.
    let kallsyms: Kallsyms
    /// The index the current call will have in ``BootResult/runs``.
    @exclusivity(unchecked) var currentRun = 0
    /// Whether the current call slept in atomic context.
    @exclusivity(unchecked) var sleptInAtomic = false
    /// Resources provided and required, in call order, tagged with their run.
    var resourceEvents: [ResourceEvent] = []
    /// `__might_resched()` reports at most once per second (`prev_jiffy + HZ`).
    var lastMightSleepReport: UInt64?
    /// The `__param` table whose variables bodies read.
    var params: ParamTable?
    /// The object whose code runs outside an initcall (a `__setup` handler), for its local names.
    var contextObject: String?
    /// What each `.init.setup` handler last received, by its `str`.
    var setupArguments: [String: String?] = [:]

    init(machine: Machine, printkCost: UInt64, kallsyms: Kallsyms = Kallsyms()) {
        self.machine = machine
        self.printkCost = printkCost
        self.kallsyms = kallsyms
    }

    /// The function running now, resolved through ``kallsyms``.
    var runningFunction: PlacedInitcall? { kallsyms.function(at: runningEntry) }

    /// A kernel outside any boot, for benchmarks and tests that call bodies directly.
    package convenience init(benchmarkFor description: KernelDescription) {
        self.init(
            machine: Machine(
                version: description.version, architecture: description.architecture,
                hardwareName: description.hardwareName),
            printkCost: description.timeline.printk)
        clockRunning = true
    }

    // MARK: Time

    public var ktime_get: UInt64 { clock.now }

    public func delay(nanoseconds: UInt64) { clock.advance(by: nanoseconds) }
    public func udelay(_ microseconds: Int) { clock.advance(by: saturatingNanoseconds(microseconds, 1_000)) }
    public func ndelay(_ nanoseconds: Int) { clock.advance(by: saturatingNanoseconds(nanoseconds, 1)) }
    public func mdelay(_ milliseconds: Int) { clock.advance(by: saturatingNanoseconds(milliseconds, 1_000_000)) }

    public func sleep(nanoseconds: UInt64, callee: String, line: Int) {
        mightSleep(line: line, callee: callee)
        clock.advance(by: nanoseconds)
    }

    // MARK: printk

    public func printk(_ level: LogLevel, _ text: String) {
        if text.utf8.contains(UInt8(ascii: "\n")) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                log(level, String(line))
            }
        } else {
            log(level, text)
        }
    }

    /// Stores one record; writing it costs a little virtual time once the clock runs.
    func log(_ level: LogLevel, _ text: String) {
        records.append(LogRecord(timestamp: clock.now, level: level, text: text, pid: pid))
        if clockRunning { clock.advance(by: printkCost) }
    }

    // MARK: Preemption and interrupts

    public func preempt_disable() { preemptCount += 1 }
    public func preempt_enable() { preemptCount -= 1 }
    public func local_irq_disable() { irqsDisabled = true }
    public func local_irq_enable() { irqsDisabled = false }

    public func might_sleep(sourceLine: Int) { mightSleep(line: sourceLine, callee: nil) }

    // MARK: Resources

    public func provide(_ resource: String) {
        resources.provide(resource)
        resourceEvents.append(ResourceEvent(run: currentRun, kind: .provided, resource: resource))
    }

    public func require(_ resource: String) -> Bool {
        resourceEvents.append(ResourceEvent(run: currentRun, kind: .required, resource: resource))
        let present = resources.contains(resource)
        if !present { resourceEvents.append(ResourceEvent(run: currentRun, kind: .missing, resource: resource)) }
        return present
    }

    public func has(_ resource: String) -> Bool { resources.contains(resource) }

    // MARK: Parameters

    public func param(_ name: String) -> ParamValue? {
        params?.value(named: name, object: runningFunction?.object ?? contextObject)
    }

    public func setupArgument(_ str: String) -> String? {
        setupArguments[str] ?? nil
    }

    public func sprint_symbol(_ function: String) -> String? {
        kallsyms.function(named: function).map(\.symbolText)
    }

    // MARK: panic

    public func panic(_ message: String) throws(KernelPanic) -> Never {
        printPanic(message)
        throw KernelPanic(message)
    }
}

/// The named resources provided so far.
struct ResourceTable {
    private var present: Set<String> = []

    mutating func provide(_ name: String) { present.insert(name) }
    func contains(_ name: String) -> Bool { present.contains(name) }
}
