/// What an initcall body sees of the kernel: printk, the preemption counter and the IRQ flag,
/// locks, delays and sleeps on the virtual clock, named resources, and `panic()`.
///
/// The boot (and, for modules, the loader) hands every body the running kernel as a
/// `KernelContext`. The names are the kernel's, so a body reads like the C it models:
///
///     InitFunction("foo_init") { k in
///         k.spin_lock(foo_lock)
///         k.udelay(50)
///         k.spin_unlock(foo_lock)
///         k.printk(.KERN_INFO, "foo: ready")
///         return 0
///     }
///
/// The requirements are the primitives a kernel offers; everything else (`msleep`, `pr_info`,
/// `pr_cont`, `dev_info`, `spin_lock_irqsave`, …) is written on top of them in the extension
/// below, exactly as the kernel's own headers build them.
public protocol KernelContext: AnyObject {
    /// `ktime_get()`: virtual nanoseconds since boot.
    var ktime_get: UInt64 { get }
    /// `preempt_count()`: raised by `preempt_disable()` and `spin_lock()`.
    var preemptCount: Int { get }
    /// `irqs_disabled()` on the current CPU.
    var irqsDisabled: Bool { get }
    /// `task_pid_nr(current)`: 0 in `start_kernel()`, 1 in `kernel_init()`.
    var pid: Int32 { get }
    /// `current->comm`.
    var comm: String { get }

    /// Busy-waits `nanoseconds` of virtual time: allowed in atomic context.
    func delay(nanoseconds: UInt64)
    /// `udelay()`: busy-waits `microseconds` (never sleeps, so it is allowed in atomic context).
    func udelay(_ microseconds: Int)
    /// `ndelay()`: busy-waits `nanoseconds`.
    func ndelay(_ nanoseconds: Int)
    /// `mdelay()`: busy-waits `milliseconds`.
    func mdelay(_ milliseconds: Int)
    /// Sleeps `nanoseconds` the way `msleep()` and kin do: `callee` (`msleep`,
    /// `usleep_range_state`) calls `schedule()`, which with a preempt count held reports "BUG:
    /// scheduling while atomic" from `__schedule_bug()` and resets the count (no
    /// `might_sleep()` on that path). `line` is kept for callers that name the source line.
    func sleep(nanoseconds: UInt64, callee: String, line: Int)
    /// `schedule()`: gives up the CPU for no time; in atomic context, `__schedule_bug()`.
    func schedule()
    /// `printk(fmt)`: `format` as C writes it, with an optional level marker in front
    /// (``LogLevel/marker``, ``KERN_CONT``). A record ends at a newline; a fragment without one
    /// leaves the record open, and the next printk continues it only with `KERN_CONT` (or,
    /// before 4.9, without any level: ``KernelVersion/continuesWithoutKernCont``).
    func printk(_ format: String)
    /// Whether `pr_debug()` and `dev_dbg()` in the code running now print: its object defines
    /// `DEBUG`, or, with `CONFIG_DYNAMIC_DEBUG`, a `dyndbg=` query turned its call sites on.
    var printsDebug: Bool { get }
    /// `preempt_disable()`.
    func preempt_disable()
    /// `preempt_enable()`.
    func preempt_enable()
    /// `local_irq_disable()`.
    func local_irq_disable()
    /// `local_irq_enable()`.
    func local_irq_enable()
    /// `might_sleep()` at `sourceLine` of the running function's file: in atomic context,
    /// reports "BUG: sleeping function called from invalid context" (at most once a second, as
    /// `__might_resched()` does) and taints the kernel `W`.
    func might_sleep(sourceLine: Int)
    /// Makes a named resource (a bus, a clock, a keyring) available to later initcalls.
    func provide(_ resource: String)
    /// Whether a named resource is available; the call is recorded as a requirement.
    func require(_ resource: String) -> Bool
    /// Whether a named resource is available, without recording a requirement.
    func has(_ resource: String) -> Bool
    /// `panic(fmt, …)`: prints the panic report and stops the boot. Never returns.
    func panic(_ message: String) throws(KernelPanic) -> Never

    /// The current value of a parameter: a name of the running function's module (`age`, or
    /// the C variable of `module_param_named()`), or a full command-line name (`par.age`,
    /// `initcall_debug`), `-` and `_` alike. An array gives all its elements, as the C array
    /// holds them; its count variable (`arr_count`) is a name of its own. Nil for a name no
    /// parameter has. Mirrors reading the variable behind `module_param()`
    /// (include/linux/moduleparam.h).
    func param(_ name: String) -> ParamValue?
    /// What the last call of the `__setup`/`early_param` handler registered as `str` received
    /// (`""` for a bare `__setup` option, nil for a bare early option), or nil if it never ran:
    /// what a handler keeps in its `__initdata` variable. Mirrors `obs_kernel_param.setup_func`'s
    /// argument (include/linux/init.h).
    func setupArgument(_ str: String) -> String?
    /// `%pS` of a function of the image: `name+0x0/0xsize`, or nil for a name it does not
    /// have. Mirrors `sprint_symbol()` (kernel/kallsyms.c).
    func sprint_symbol(_ function: String) -> String?
    /// `request_module("%s", name)` (kernel/module/kmod.c): runs `modprobe -q -- name` and
    /// waits; 0 when it exited 0, its wait status otherwise (256 for exit 1), or a negative
    /// errno. During the boot there is no modprobe to run (-ENOENT).
    func request_module(_ name: String) -> Int32
    /// `async_schedule(fn, data)` (kernel/async.c): queues `function` for a worker and returns
    /// its cookie (1 for the first of the boot). The worker runs it ``AsyncFunction/delay``
    /// later, alongside what the caller does next; `async_synchronize_full()` waits for it.
    @discardableResult
    func async_schedule(_ function: AsyncFunction) -> UInt64
}

extension KernelContext {
    /// Spends a declared amount of virtual time without sleeping (the `.boot` `time=`).
    public func spend(nanoseconds: UInt64) { delay(nanoseconds: nanoseconds) }

    /// `msleep()`: sleeps `milliseconds` (a `might_sleep()` point).
    public func msleep(_ milliseconds: Int, line: Int = #line) {
        sleep(nanoseconds: saturatingNanoseconds(milliseconds, 1_000_000), callee: "msleep", line: line)
    }

    /// `ssleep()`: sleeps `seconds` (`msleep(seconds * 1000)`).
    public func ssleep(_ seconds: Int, line: Int = #line) {
        sleep(nanoseconds: saturatingNanoseconds(seconds, 1_000_000_000), callee: "msleep", line: line)
    }

    /// `usleep_range()`: sleeps at least `min` microseconds; the simulation sleeps exactly
    /// `min`, to stay deterministic.
    public func usleep_range(_ min: Int, _ max: Int, line: Int = #line) {
        sleep(nanoseconds: saturatingNanoseconds(min, 1_000), callee: "usleep_range_state", line: line)
    }

    /// Sleeps for `nanoseconds` of declared time (the `.boot` `sleep=`).
    public func sleep(nanoseconds: UInt64, line: Int = #line) {
        sleep(nanoseconds: nanoseconds, callee: "msleep", line: line)
    }

    /// `might_sleep()`.
    public func might_sleep(line: Int = #line) { might_sleep(sourceLine: line) }

    /// `printk(KERN_<level> "text")`. A trailing newline is optional: the next printk that is not
    /// a continuation ends the record anyway.
    public func printk(_ level: LogLevel, _ text: String) { printk(level.marker + text) }

    /// `pr_emerg()`.
    public func pr_emerg(_ text: String) { printk(.KERN_EMERG, text) }
    /// `pr_alert()`.
    public func pr_alert(_ text: String) { printk(.KERN_ALERT, text) }
    /// `pr_crit()`.
    public func pr_crit(_ text: String) { printk(.KERN_CRIT, text) }
    /// `pr_err()`.
    public func pr_err(_ text: String) { printk(.KERN_ERR, text) }
    /// `pr_warn()`.
    public func pr_warn(_ text: String) { printk(.KERN_WARNING, text) }
    /// `pr_notice()`.
    public func pr_notice(_ text: String) { printk(.KERN_NOTICE, text) }
    /// `pr_info()`.
    public func pr_info(_ text: String) { printk(.KERN_INFO, text) }
    /// `pr_cont()`: `printk(KERN_CONT "text")`, appended to the record this task left open (a
    /// new record at the default level when none is open).
    public func pr_cont(_ text: String) { printk(KERN_CONT + text) }
    /// `pr_debug()`: `printk(KERN_DEBUG "text")` when ``printsDebug`` (the object defines
    /// `DEBUG`, or dynamic debug turned the call site on); otherwise compiled out
    /// (`no_printk()`), as include/linux/printk.h defines it.
    public func pr_debug(_ text: String) {
        if printsDebug { printk(.KERN_DEBUG, text) }
    }

    /// `dev_printk(level, dev, fmt)`: the message after `"%s %s: "` of
    /// `dev_driver_string(dev)` and `dev_name(dev)` (drivers/base/core.c `__dev_printk()`).
    public func dev_printk(_ level: LogLevel, _ device: KernelDevice?, _ text: String) {
        printk(level, KernelDevice.prefix(device) + text)
    }
    /// `dev_emerg()`.
    public func dev_emerg(_ device: KernelDevice?, _ text: String) { dev_printk(.KERN_EMERG, device, text) }
    /// `dev_alert()`.
    public func dev_alert(_ device: KernelDevice?, _ text: String) { dev_printk(.KERN_ALERT, device, text) }
    /// `dev_crit()`.
    public func dev_crit(_ device: KernelDevice?, _ text: String) { dev_printk(.KERN_CRIT, device, text) }
    /// `dev_err()`.
    public func dev_err(_ device: KernelDevice?, _ text: String) { dev_printk(.KERN_ERR, device, text) }
    /// `dev_warn()`.
    public func dev_warn(_ device: KernelDevice?, _ text: String) { dev_printk(.KERN_WARNING, device, text) }
    /// `dev_notice()`.
    public func dev_notice(_ device: KernelDevice?, _ text: String) { dev_printk(.KERN_NOTICE, device, text) }
    /// `dev_info()`.
    public func dev_info(_ device: KernelDevice?, _ text: String) { dev_printk(.KERN_INFO, device, text) }
    /// `dev_dbg()`: like ``pr_debug(_:)``, only when ``printsDebug``.
    public func dev_dbg(_ device: KernelDevice?, _ text: String) {
        if printsDebug { dev_printk(.KERN_DEBUG, device, text) }
    }

    /// `local_irq_save(flags)`: returns the previous state and disables interrupts.
    public func local_irq_save() -> IRQFlags {
        let flags = IRQFlags(wereDisabled: irqsDisabled)
        local_irq_disable()
        return flags
    }

    /// `local_irq_restore(flags)`.
    public func local_irq_restore(_ flags: IRQFlags) {
        if flags.wereDisabled { local_irq_disable() } else { local_irq_enable() }
    }

    /// `spin_lock(&lock)`: on a uniprocessor view, a preemption-disabling section.
    public func spin_lock(_ lock: SpinLock) { preempt_disable() }
    /// `spin_unlock(&lock)`.
    public func spin_unlock(_ lock: SpinLock) { preempt_enable() }

    /// `spin_lock_irqsave(&lock, flags)`.
    public func spin_lock_irqsave(_ lock: SpinLock) -> IRQFlags {
        let flags = local_irq_save()
        preempt_disable()
        return flags
    }

    /// `spin_unlock_irqrestore(&lock, flags)`.
    public func spin_unlock_irqrestore(_ lock: SpinLock, _ flags: IRQFlags) {
        preempt_enable()
        local_irq_restore(flags)
    }

    /// An integer (or bool, as 0/1) parameter's value; nil for other types and unknown names.
    public func paramInt(_ name: String) -> Int? { param(name)?.intValue }
    /// A bool parameter's value (an integer compared with 0); nil for strings, arrays, unknown names.
    public func paramBool(_ name: String) -> Bool? { param(name)?.boolValue }
    /// A `charp` or string parameter's text; nil for `NULL`, other types and unknown names.
    public func paramString(_ name: String) -> String? { param(name)?.stringValue }
}

/// `amount * scale` nanoseconds, saturating: no user-given duration can trap.
package func saturatingNanoseconds(_ amount: Int, _ scale: UInt64) -> UInt64 {
    let (product, overflow) = UInt64(clamping: amount).multipliedReportingOverflow(by: scale)
    return overflow ? .max : product
}
