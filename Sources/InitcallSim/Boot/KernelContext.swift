/// What an initcall body sees of the kernel: printk, the preemption counter and the IRQ flag,
/// locks, delays and sleeps on the virtual clock, named resources, and `panic()`.
///
/// One context lives for one boot. The engine owns it; bodies only call its methods. The method
/// names are the kernel's, so a body reads like the C it models:
///
///     InitFunction("foo_init") { k in
///         k.spin_lock(foo_lock)
///         k.udelay(50)
///         k.spin_unlock(foo_lock)
///         k.printk(.KERN_INFO, "foo: ready")
///         return 0
///     }
public final class KernelContext {
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

    /// `preempt_count()`: raised by `preempt_disable()` and `spin_lock()`.
    @exclusivity(unchecked) public internal(set) var preemptCount: Int = 0
    /// `irqs_disabled()` on the current CPU.
    @exclusivity(unchecked) public internal(set) var irqsDisabled: Bool = false
    /// `task_pid_nr(current)`: 0 in `start_kernel()`, 1 in `kernel_init()`.
    @exclusivity(unchecked) public internal(set) var pid: Int32 = 0
    /// `current->comm`.
    public internal(set) var comm: String = "swapper/0"

    var taint = Taint()
    var resources = ResourceTable()
    /// The image being booted, to name the running function in reports.
    var image: KernelImage?
    let machine: Machine
    /// The simulated call chain below the current walk, innermost last, for stack dumps.
    var frames: [StackFrame] = []
    /// True while `do_one_initcall()` has a body on the stack (its frame is then in dumps).
    @exclusivity(unchecked) var inDoOneInitcall = false
    /// The table entry running now (−1: none), for stack dumps and reports.
    @exclusivity(unchecked) var currentEntry = -1
    /// The index the current call will have in ``BootResult/runs``.
    @exclusivity(unchecked) var currentRun = 0
    /// Whether the current call slept in atomic context.
    @exclusivity(unchecked) var sleptInAtomic = false
    /// Resources provided and required, in call order, tagged with their run.
    var resourceEvents: [ResourceEvent] = []
    /// `__might_resched()` reports at most once per second (`prev_jiffy + HZ`).
    var lastMightSleepReport: UInt64?

    init(machine: Machine, printkCost: UInt64) {
        self.machine = machine
        self.printkCost = printkCost
    }

    /// A context outside any boot, for benchmarks and tests that call bodies directly.
    package convenience init(benchmarkFor description: KernelDescription) {
        self.init(
            machine: Machine(
                version: description.version, architecture: description.architecture,
                hardwareName: description.hardwareName),
            printkCost: description.timeline.printk)
        clockRunning = true
    }

    // MARK: Time

    /// `ktime_get()`: virtual nanoseconds since boot.
    public var ktime_get: UInt64 { clock.now }

    /// Busy-waits `microseconds` (never sleeps, so it is allowed in atomic context).
    public func udelay(_ microseconds: Int) { spin(UInt64(clamping: microseconds), scale: 1_000) }
    /// Busy-waits `nanoseconds`.
    public func ndelay(_ nanoseconds: Int) { spin(UInt64(clamping: nanoseconds), scale: 1) }
    /// Busy-waits `milliseconds`.
    public func mdelay(_ milliseconds: Int) { spin(UInt64(clamping: milliseconds), scale: 1_000_000) }
    /// Spends a declared amount of virtual time without sleeping (the `.boot` `time=`).
    public func spend(nanoseconds: UInt64) { clock.advance(by: nanoseconds) }

    /// Sleeps `milliseconds`. Sleeping is a `might_sleep()` point: with preemption or IRQs
    /// disabled it reports "BUG: sleeping function called from invalid context".
    public func msleep(_ milliseconds: Int, line: Int = #line) {
        might_sleep(line: line, callee: "msleep")
        spin(UInt64(clamping: milliseconds), scale: 1_000_000)
    }

    /// Sleeps `seconds` (a `might_sleep()` point).
    public func ssleep(_ seconds: Int, line: Int = #line) {
        might_sleep(line: line, callee: "msleep")
        spin(UInt64(clamping: seconds), scale: 1_000_000_000)
    }

    /// Sleeps at least `min` microseconds; the simulation sleeps exactly `min`, to stay
    /// deterministic (a `might_sleep()` point).
    public func usleep_range(_ min: Int, _ max: Int, line: Int = #line) {
        might_sleep(line: line, callee: "usleep_range_state")
        spin(UInt64(clamping: min), scale: 1_000)
    }

    /// Sleeps for `nanoseconds` of declared time (the `.boot` `sleep=`; a `might_sleep()` point).
    public func sleep(nanoseconds: UInt64, line: Int = #line) {
        might_sleep(line: line, callee: "msleep")
        clock.advance(by: nanoseconds)
    }

    private func spin(_ amount: UInt64, scale: UInt64) {
        let (product, overflow) = amount.multipliedReportingOverflow(by: scale)
        clock.advance(by: overflow ? .max : product)
    }

    // MARK: printk

    /// `printk(level "text")`. Each line of `text` becomes one record, as the kernel stores
    /// them; writing a record costs a little virtual time.
    public func printk(_ level: LogLevel, _ text: String) {
        if text.contains("\n") {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                log(level, String(line))
            }
        } else {
            log(level, text)
        }
    }

    public func pr_emerg(_ text: String) { printk(.KERN_EMERG, text) }
    public func pr_alert(_ text: String) { printk(.KERN_ALERT, text) }
    public func pr_crit(_ text: String) { printk(.KERN_CRIT, text) }
    public func pr_err(_ text: String) { printk(.KERN_ERR, text) }
    public func pr_warn(_ text: String) { printk(.KERN_WARNING, text) }
    public func pr_notice(_ text: String) { printk(.KERN_NOTICE, text) }
    public func pr_info(_ text: String) { printk(.KERN_INFO, text) }

    func log(_ level: LogLevel, _ text: String) {
        records.append(LogRecord(timestamp: clock.now, level: level, text: text, pid: pid))
        if clockRunning { clock.advance(by: printkCost) }
    }

    // MARK: Preemption and interrupts

    public func preempt_disable() { preemptCount += 1 }
    public func preempt_enable() { preemptCount -= 1 }
    public func local_irq_disable() { irqsDisabled = true }
    public func local_irq_enable() { irqsDisabled = false }

    /// `local_irq_save(flags)`: returns the previous state and disables IRQs.
    public func local_irq_save() -> IRQFlags {
        let flags = IRQFlags(wereDisabled: irqsDisabled)
        irqsDisabled = true
        return flags
    }

    /// `local_irq_restore(flags)`.
    public func local_irq_restore(_ flags: IRQFlags) { irqsDisabled = flags.wereDisabled }

    /// `spin_lock(&lock)`: on a uniprocessor view, a preemption-disabling section.
    public func spin_lock(_ lock: SpinLock) { preemptCount += 1 }
    public func spin_unlock(_ lock: SpinLock) { preemptCount -= 1 }

    /// `spin_lock_irqsave(&lock, flags)`.
    public func spin_lock_irqsave(_ lock: SpinLock) -> IRQFlags {
        let flags = local_irq_save()
        preemptCount += 1
        return flags
    }

    /// `spin_unlock_irqrestore(&lock, flags)`.
    public func spin_unlock_irqrestore(_ lock: SpinLock, _ flags: IRQFlags) {
        preemptCount -= 1
        local_irq_restore(flags)
    }

    /// `might_sleep()`: in atomic context, reports the bug (rate-limited to once a second, as
    /// `__might_resched()` is) and taints the kernel `W`. The file is the object's source file.
    public func might_sleep(line: Int = #line) {
        might_sleep(line: line, callee: nil)
    }

    // MARK: Resources

    /// Makes a named resource available to later initcalls (a bus, a clock, a keyring).
    public func provide(_ resource: String) {
        resources.provide(resource)
        resourceEvents.append(ResourceEvent(run: currentRun, kind: .provided, resource: resource))
    }

    /// Whether a named resource is available; the call is recorded as a requirement.
    public func require(_ resource: String) -> Bool {
        resourceEvents.append(ResourceEvent(run: currentRun, kind: .required, resource: resource))
        let present = resources.contains(resource)
        if !present { resourceEvents.append(ResourceEvent(run: currentRun, kind: .missing, resource: resource)) }
        return present
    }

    /// Whether a resource is available, without recording a requirement.
    public func has(_ resource: String) -> Bool { resources.contains(resource) }

    // MARK: panic

    /// `panic(fmt, …)`: prints the panic report and stops the boot. Never returns.
    public func panic(_ message: String) throws(KernelPanic) -> Never {
        printPanic(message)
        throw KernelPanic(message)
    }
}

/// The saved interrupt state of `local_irq_save()`.
public struct IRQFlags: Sendable, Hashable {
    public let wereDisabled: Bool
}

/// A `spinlock_t`, named for reports.
public struct SpinLock: Sendable, Hashable {
    public let name: String
    public init(_ name: String) { self.name = name }
}

/// The named resources provided so far, in the order they appeared.
struct ResourceTable {
    private var present: Set<String> = []

    mutating func provide(_ name: String) { present.insert(name) }
    func contains(_ name: String) -> Bool { present.contains(name) }
}
