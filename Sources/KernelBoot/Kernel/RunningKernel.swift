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
    /// What `ktime_get()` reads: jiffies until `clocksource_done_booting()` when the
    /// description's timeline declares a tick.
    var clocksource = Clocksource()
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
    /// Whether the current call reached a `might_sleep()` in atomic context.
    @exclusivity(unchecked) var sleptInAtomic = false
    /// Whether the current call scheduled with a preempt count held.
    @exclusivity(unchecked) var scheduledWhileAtomic = false
    /// Resources provided and required, in call order, tagged with their run.
    var resourceEvents: [ResourceEvent] = []
    /// `__might_resched()` reports at most once per second (`prev_jiffy + HZ`).
    var lastMightSleepReport: UInt64?
    /// The moments timeline views mark, in the order they happened.
    var events: [BootEvent] = []
    /// The task whose record is still open (its last printk had no trailing newline); nil when
    /// the last record is complete.
    var openRecordOwner: Int32?
    /// The frames of the kernel's own functions, as this era's build lays them out.
    let kernelFrames: KernelFrames
    /// Objects compiled with `-DDEBUG`: their `pr_debug()` calls print.
    var debugObjects: Set<String> = []
    /// `dyndbg=` queries, with `CONFIG_DYNAMIC_DEBUG`.
    var dynamicDebug = DynamicDebug()
    /// `panic_timeout` (`panic=`): what `panic()` does after its report.
    var panicTimeout = 0
    /// `panic_on_warn`.
    var panicOnWarn = false
    /// `nokaslr` was given: "Kernel Offset: disabled" whatever the offset.
    var kaslrDisabled = false
    /// Set once `panic()` has printed its report where the caller could not throw (a sleep
    /// under `panic_on_warn`): the CPU is gone, nothing more is printed, and the engine stops
    /// the boot when the body returns.
    @exclusivity(unchecked) var halted: KernelPanic?
    /// The `__param` table whose variables bodies read.
    var params: ParamTable?
    /// The object whose code runs outside an initcall (a `__setup` handler), for its local names.
    var contextObject: String?
    /// The loaded modules as "Modules linked in:" lists them (` par(O) dep`), kept by the
    /// module loader; empty during the boot.
    var modulesLinkedIn = ""
    /// What `request_module()` does once user space runs (the module loader's modprobe);
    /// nil during the boot.
    var requestModuleHandler: ((String) -> Int32)?
    /// `%pS` of a loaded module's symbol (`name+0x0/0x40 [mod]`), kept by the module loader.
    var moduleSymbolHandler: ((String) -> String?)?
    /// What each `.init.setup` handler last received, by its `str`.
    var setupArguments: [String: String?] = [:]
    /// kernel/async.c: the cookies, the entries and their workers' lines not printed yet.
    @exclusivity(unchecked) var asyncWork = AsyncWork()

    init(machine: Machine, printkCost: UInt64, kallsyms: Kallsyms = Kallsyms()) {
        self.machine = machine
        self.printkCost = printkCost
        self.kallsyms = kallsyms
        self.kernelFrames = KernelFrames.of(machine.version, machine.architecture)
    }

    /// The function running now, resolved through ``kallsyms``.
    var runningFunction: PlacedInitcall? { kallsyms.function(at: runningEntry) }

    /// A kernel outside any boot, for benchmarks and tests that call bodies directly.
    package convenience init(benchmarkFor description: KernelDescription) {
        self.init(machine: Machine(description), printkCost: description.timeline.printk)
        clocksource = Clocksource(description.timeline)
        clockRunning = true
    }

    // MARK: Time

    public var ktime_get: UInt64 { clocksource.ktime(clock.now) }

    public func delay(nanoseconds: UInt64) { clock.advance(by: nanoseconds) }
    public func udelay(_ microseconds: Int) { clock.advance(by: saturatingNanoseconds(microseconds, 1_000)) }
    public func ndelay(_ nanoseconds: Int) { clock.advance(by: saturatingNanoseconds(nanoseconds, 1)) }
    public func mdelay(_ milliseconds: Int) { clock.advance(by: saturatingNanoseconds(milliseconds, 1_000_000)) }

    public func sleep(nanoseconds: UInt64, callee: String, line: Int) {
        scheduleDebug(callee: callee)
        clock.advance(by: nanoseconds)
        // The switch to another task and back: __schedule() ends with raw_spin_rq_unlock_irq().
        irqsDisabled = false
    }

    public func schedule() {
        scheduleDebug(callee: nil)
        irqsDisabled = false
    }

    /// `schedule_debug()` (kernel/sched/core.c): `in_atomic_preempt_off()` — a preempt count
    /// other than schedule's own — is `__schedule_bug()`, after which the count is set back to
    /// `PREEMPT_DISABLED`, so the caller returns with none held.
    func scheduleDebug(callee: String?) {
        guard preemptCount != 0 else { return }
        scheduleBug(callee: callee)
        preemptCount = 0
    }

    // MARK: printk

    /// `vprintk_store()`: a level marker in front picks the level; text up to each newline ends
    /// a record; a fragment without one leaves the record open for a continuation by the same
    /// task — a `KERN_CONT` fragment, or from before 4.9 one without any level.
    public func printk(_ format: String) {
        let parsed = PrintkMessage(format)
        guard !parsed.text.isEmpty else { return }
        let continues: Bool
        let level: LogLevel
        switch parsed.prefix {
        case .continuation:
            continues = openRecordOwner == pid
            level = .KERN_DEFAULT
        case .none:
            continues = openRecordOwner == pid && machine.version.continuesWithoutKernCont
            level = .KERN_DEFAULT
        case .level(let given):
            continues = false
            level = given
        }
        // Split at each '\n' byte, as vprintk_store() does (a "\r\n" is one Character to Swift,
        // and breaking the text into Characters cost more than storing it).
        let lines = parsed.text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { Substring($0) }
        for (index, line) in lines.enumerated() {
            let last = index == lines.count - 1
            // The empty piece after a final newline: the record is complete.
            if last, index > 0, line.isEmpty {
                openRecordOwner = nil
                return
            }
            if index == 0, continues, !records.isEmpty, halted == nil {
                records[records.count - 1].text += line
            } else {
                append(level, String(line))
            }
            openRecordOwner = last ? pid : nil
        }
    }

    /// Stores one complete record (the kernel's own lines, each printed with its newline);
    /// writing it costs a little virtual time once the clock runs.
    func log(_ level: LogLevel, _ text: String) {
        append(level, text)
        openRecordOwner = nil
    }

    private func append(_ level: LogLevel, _ text: String) {
        guard halted == nil else { return }
        // The async workers' lines stamped before this one come first.
        if !asyncWork.pending.isEmpty { flushAsyncRecords() }
        records.append(LogRecord(timestamp: clock.now, level: level, text: text, pid: pid))
        if clockRunning { clock.advance(by: printkCost) }
    }

    /// Notes a moment of the boot at the current time and record; `run` defaults to the
    /// initcall running now.
    func mark(_ kind: BootEvent.Kind, detail: String = "", run: Int? = nil) {
        events.append(
            BootEvent(
                kind: kind, timestamp: clock.now, pid: pid, record: records.count,
                run: run ?? (runningEntry >= 0 ? currentRun : nil), detail: detail))
    }

    public var printsDebug: Bool {
        guard let running = runningFunction else { return false }
        if debugObjects.contains(running.object) { return true }
        return machine.config.dynamicDebug && dynamicDebug.enabled(function: running.function, object: running.object)
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

    public func request_module(_ name: String) -> Int32 {
        requestModuleHandler?(name) ?? -Errno.ENOENT
    }

    public func sprint_symbol(_ function: String) -> String? {
        kallsyms.function(named: function).map(\.symbolText) ?? moduleSymbolHandler?(function)
    }

    // MARK: panic

    public func panic(_ message: String) throws(KernelPanic) -> Never {
        try panic(message, innermost: currentFunctionFrame)
    }
}

/// The named resources provided so far.
struct ResourceTable {
    private var present: Set<String> = []

    mutating func provide(_ name: String) { present.insert(name) }
    func contains(_ name: String) -> Bool { present.contains(name) }
}
