/// The behaviour a `.boot` line declares for one initcall, run as its body. In order: leak
/// preemption/IRQ state (`preempt=`, `irqs=off`), busy-wait `time=`, sleep `sleep=`, check
/// `requires=` (a missing one makes the call return `on-missing=`, `-ENODEV` by default),
/// print the `printk=` and `pr_debug=` lines, `panic=`, and on success (return 0) provide
/// `provides=`.
struct DeclaredBehaviour: Sendable, Hashable {
    enum OnMissing: Sendable, Hashable {
        case returns(Int32)
        case panic
        case ignore
    }

    var function: String
    var time: UInt64 = 0
    var sleep: UInt64?
    var returns: Int32 = 0
    var preempt: Int = 0
    var irqsOff = false
    var printk: [Message] = []
    var requires: [String] = []
    var provides: [String] = []
    var onMissing: OnMissing = .returns(-Errno.ENODEV)
    var panic: String?
    /// `size=`: the symbol size `%pS` prints; nil derives one from the name.
    var size: Int?
    /// The `.boot` line, reported as the source line of a sleep in atomic context.
    var line: Int

    struct Message: Sendable, Hashable {
        var level: LogLevel
        var text: String
        /// `pr_debug=`: printed only when the object's `pr_debug()` prints.
        var isDebug = false
    }

    func run(_ k: any KernelContext) throws(KernelPanic) -> Int32 {
        if preempt > 0 { for _ in 0..<preempt { k.preempt_disable() } }
        if preempt < 0 { for _ in 0..<(-preempt) { k.preempt_enable() } }
        if irqsOff { k.local_irq_disable() }
        if time > 0 { k.spend(nanoseconds: time) }
        if let sleep { k.sleep(nanoseconds: sleep, line: line) }
        var ret = returns
        var missing = false
        for resource in requires where !k.require(resource) {
            switch onMissing {
            case .returns(let value):
                if !missing { ret = value }
                missing = true
            case .panic:
                try k.panic("\(function): required resource '\(resource)' is not available")
            case .ignore:
                break
            }
        }
        for message in printk {
            if message.isDebug { k.pr_debug(message.text) } else { k.printk(message.level, message.text) }
        }
        if let panic { try k.panic(panic) }
        if ret == 0 { for resource in provides { k.provide(resource) } }
        return ret
    }
}
