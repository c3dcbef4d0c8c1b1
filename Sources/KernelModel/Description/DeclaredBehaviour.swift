/// The behaviour a `.boot` line declares for one initcall, run as its body. In order: leak
/// preemption/IRQ state (`preempt=`, `irqs=off`), busy-wait `time=` (printing the leading
/// `printk=+DUR:` lines at their moments of it), sleep `sleep=`, check `requires=` (a missing
/// one makes the call return `on-missing=`, `-ENODEV` by default), hand `async=` functions to
/// `async_schedule()` (the timed ones at their moments of `time=`), print the other `printk=`
/// and `pr_debug=` lines, `panic=`, and on success (return 0) provide `provides=`.
struct DeclaredBehaviour: Sendable, Hashable {
    enum OnMissing: Sendable, Hashable {
        case returns(Int32)
        case panic
        case ignore
    }

    var function: String
    var time: UInt64 = 0
    /// `gap=`: virtual time before the call is reached (see ``InitFunction/gap``).
    var gap: UInt64 = 0
    /// `flush=`: the console time of the `calling` line (``InitFunction/flush``).
    var flush: UInt64 = 0
    var sleep: UInt64?
    var returns: Int32 = 0
    var preempt: Int = 0
    var irqsOff = false
    var printk: [Message] = []
    var requires: [String] = []
    var provides: [String] = []
    var onMissing: OnMissing = .returns(-Errno.ENODEV)
    var panic: String?
    /// `request_module=`: modules asked for (before the printk lines), in order.
    var requestModules: [String] = []
    /// `async=`: functions handed to `async_schedule()`, in order (their cookies' order).
    var asyncs: [Scheduled] = []
    /// `size=`: the symbol size `%pS` prints; nil derives one from the name.
    var size: Int?
    /// `address=`: the function's address `%p` prints (2.6.22–2.6.25); nil lays them out.
    var address: UInt64?
    /// The `.boot` line, reported as the source line of a sleep in atomic context.
    var line: Int

    /// An `async=` of the call: the function, and the moment of `time=` it is scheduled at
    /// (nil: after `time=` and `sleep=`, with `request_module=`).
    struct Scheduled: Sendable, Hashable {
        var function: AsyncFunction
        var at: UInt64?
        var column: Int
    }

    struct Message: Sendable, Hashable {
        var level: LogLevel
        var text: String
        /// `pr_debug=`: printed only when the object's `pr_debug()` prints.
        var isDebug = false
        /// How the call marks its level: `printk(KERN_INFO "…")`, a bare `printk("…")` (which
        /// before 4.9 continues a record left open), or `printk(KERN_CONT "…")`.
        var marker: Marker = .level

        enum Marker: Sendable, Hashable {
            case level
            case none
            case continuation
        }
        /// The text as a `printk()` format, when it has conversions or arguments.
        var format: PrintkFormat?
        var arguments: [PrintkArgument] = []
        /// The column of the `printk=` value, for diagnostics about its arguments.
        var column = 0
        /// `printk=+DUR:`: printed once DUR of the call's `time=` busy-wait has passed, as a
        /// real body prints between the work it does; nil prints it after all of it.
        var at: UInt64?

        /// The line as `printk(fmt, args…)` prints it: each argument read through the context
        /// (a function's symbol for `%pS`/`%ps`, else a parameter), a handler's `str` as given.
        func rendered(_ k: any KernelContext, str: String?? = nil) -> String {
            guard let format else { return text }
            let specs = format.conversions
            var values: [PrintkValue] = []
            for (spec, argument) in zip(specs, arguments) {
                values.append(Message.value(of: argument, for: spec, k, str: str))
            }
            return format.render(values)
        }

        private static func value(
            of argument: PrintkArgument, for spec: PrintkFormat.Spec, _ k: any KernelContext, str: String??
        ) -> PrintkValue {
            if spec.conversion == "p" { return .symbol(k.sprint_symbol(argument.name) ?? argument.name) }
            if argument.name == "str", let str { return .string(str) }
            guard var value = k.param(argument.name) else { return .string(nil) }
            if let index = argument.index {
                guard let elements = value.elements, index < elements.count else { return .string(nil) }
                value = elements[index]
            }
            switch value {
            case .string(let text): return .string(text)
            case .array: return .string(nil)
            default: return .integer(value.bits ?? 0)
            }
        }
    }

    func run(_ k: any KernelContext) throws(KernelPanic) -> Int32 {
        if preempt > 0 { for _ in 0..<preempt { k.preempt_disable() } }
        if preempt < 0 { for _ in 0..<(-preempt) { k.preempt_enable() } }
        if irqsOff { k.local_irq_disable() }
        // The leading timed lines and the timed async_schedule() calls, each at its moment
        // of the busy-wait (a schedule before a line of the same moment); the reader has
        // checked that their times rise and stay within `time=`.
        var spent: UInt64 = 0
        var printed = 0
        var scheduled = 0
        while true {
            let line = printed < printk.count ? printk[printed].at : nil
            let work = scheduled < asyncs.count ? asyncs[scheduled].at : nil
            guard let at = Self.earlier(work, line) else { break }
            if at > spent {
                k.spend(nanoseconds: at - spent)
                spent = at
            }
            if let work, work == at {
                k.async_schedule(asyncs[scheduled].function)
                scheduled += 1
            } else {
                print(printk[printed], k)
                printed += 1
            }
        }
        if time > spent { k.spend(nanoseconds: time &- spent) }
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
        for name in requestModules { _ = k.request_module(name) }
        while scheduled < asyncs.count {
            k.async_schedule(asyncs[scheduled].function)
            scheduled += 1
        }
        // By index: most bodies print nothing, and a slice of the array costs a retain.
        var index = printed
        while index < printk.count {
            print(printk[index], k)
            index += 1
        }
        if let panic { try k.panic(panic) }
        if ret == 0 { for resource in provides { k.provide(resource) } }
        return ret
    }

    /// The earlier of two moments (nil: none).
    private static func earlier(_ a: UInt64?, _ b: UInt64?) -> UInt64? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }

    private func print(_ message: Message, _ k: any KernelContext) {
        if message.isDebug {
            k.pr_debug(message.rendered(k))
        } else {
            switch message.marker {
            case .level: k.printk(message.level, message.rendered(k))
            case .none: k.printk(message.rendered(k))
            case .continuation: k.pr_cont(message.rendered(k))
            }
        }
    }
}

/// A registration's declared behaviour as its body: a class, so that the body closure holds one
/// reference to it, moved in, rather than a copy of the behaviour in a box of its own (every
/// registration line of a `.boot` file makes one).
final class DeclaredBody: Sendable {
    let behaviour: DeclaredBehaviour

    init(_ behaviour: consuming DeclaredBehaviour) {
        self.behaviour = behaviour
    }

    func run(_ k: any KernelContext) throws -> Int32 {
        try behaviour.run(k)
    }
}
