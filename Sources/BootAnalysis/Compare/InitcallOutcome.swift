import KernelBoot
import KernelModel

/// What one initcall call did, as far as link order can change it: its return value, what
/// `do_one_initcall()` reported about it, the resources it provided or found missing, and what
/// it printed. Two boots "have the same outcome" when these agree for every call.
public struct InitcallOutcome: Sendable, Hashable {
    /// What the call returned: `0` or a negative errno.
    public var ret: Int32
    /// What the boot noted about the call: blacklisted, WARNed, slept in atomic, panicked.
    public var flags: InitcallRun.Flags
    /// The resources it provided, in call order.
    public var provided: [String]
    /// The resources it required and found missing, in call order.
    public var missing: [String]
    /// Its records (its own printk lines and any report it triggered), level and text.
    public var printk: [PrintedLine]
    /// How long it ran, in virtual nanoseconds.
    public var duration: UInt64

    /// A call that returned `ret` with `flags`, provided `provided`, found `missing` missing,
    /// printed `printk` and ran for `duration` nanoseconds.
    public init(
        ret: Int32, flags: InitcallRun.Flags, provided: [String], missing: [String], printk: [PrintedLine],
        duration: UInt64
    ) {
        self.ret = ret
        self.flags = flags
        self.provided = provided
        self.missing = missing
        self.printk = printk
        self.duration = duration
    }

    /// One record a call printed.
    public struct PrintedLine: Sendable, Hashable {
        /// The level it was stored at.
        public var level: LogLevel
        /// Its text, without level prefix or timestamp.
        public var text: String

        /// A line printed at `level`.
        public init(level: LogLevel, text: String) {
            self.level = level
            self.text = text
        }

        /// `<3>enc28j60: no chip`, as `dmesg -r` shows a record.
        public var rawText: String { "<\(level.rawValue)>\(text)" }
    }

    /// The taint this call added: `W` when `do_one_initcall()` WARNed or it slept in atomic
    /// context, as `add_taint(TAINT_WARN)` does for both.
    public var taint: String {
        flags.isDisjoint(with: [.preemptionImbalance, .disabledInterrupts, .sleptInAtomic, .scheduledWhileAtomic])
            ? "" : "W"
    }

    /// The warnings, in the words of the JSON boot output.
    public var warnings: [String] {
        var result: [String] = []
        if flags.contains(.preemptionImbalance) { result.append("preemption imbalance") }
        if flags.contains(.disabledInterrupts) { result.append("disabled interrupts") }
        if flags.contains(.sleptInAtomic) { result.append("sleeping function called from invalid context") }
        if flags.contains(.scheduledWhileAtomic) { result.append("scheduling while atomic") }
        return result
    }

    /// Whether it panicked (itself, or through `panic_on_warn`).
    public var panicked: Bool { !flags.isDisjoint(with: [.panicked, .warnPanicked]) }

    /// Whether it returned an error or drew a warning: what a boot log reader looks for.
    public var misbehaved: Bool { ret < 0 || !warnings.isEmpty || panicked }

    /// This outcome without its duration, for grouping boots whose timings alone differ.
    public var untimed: InitcallOutcome {
        var copy = self
        copy.duration = 0
        return copy
    }

    /// The outcome of every run of `result`, in run order; linear in the size of the boot.
    public static func all(of result: BootResult) -> [InitcallOutcome] {
        result.runs.enumerated().map { index, run in
            InitcallOutcome(
                ret: run.ret, flags: run.flags, provided: result.resources(of: index, .provided),
                missing: result.resources(of: index, .missing),
                printk: result.records(of: run).map { PrintedLine(level: $0.level, text: $0.text) },
                duration: run.measured)
        }
    }
}
