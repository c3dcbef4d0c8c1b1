extension RunningKernel {
    /// `dump_stack_print_info()`: the CPU/PID/Comm/taint line and the hardware name.
    func dumpStackPrintInfo() {
        let taintText = taint.printTainted(flagCount: machine.version.taintFlagCount)
        log(.KERN_WARNING, "CPU: 0 PID: \(pid) Comm: \(comm) \(taintText) \(machine.version.release) #1")
        log(.KERN_WARNING, "Hardware name: \(machine.hardwareName)")
    }

    /// The call trace, innermost first, with the architecture's framing.
    func printCallTrace(innermost: [StackFrame]) {
        let chain = innermost + (inDoOneInitcall ? [StackFrame.doOneInitcall] : []) + frames.reversed()
        switch machine.architecture {
        case .arm64:
            log(.KERN_WARNING, "Call trace:")
            for frame in chain { log(.KERN_WARNING, " \(frame.text)") }
        case .x86_64, .generic:
            log(.KERN_WARNING, "Call Trace:")
            log(.KERN_WARNING, " <TASK>")
            for frame in chain { log(.KERN_WARNING, " \(frame.text)") }
            log(.KERN_WARNING, " </TASK>")
        }
    }

    /// `dump_stack()`.
    func dumpStack(innermost: [StackFrame]) {
        dumpStackPrintInfo()
        printCallTrace(innermost: [StackFrame.dumpStackLvl] + innermost)
    }

    /// The frame of the initcall running now, if any.
    var currentFunctionFrame: [StackFrame] {
        guard let running = runningFunction else { return [] }
        return [StackFrame.function(running.function, size: running.size)]
    }

    /// `WARN(1, text)` from `do_one_initcall()`: the report, then taint `W`. x86 and arm64
    /// print the message before the `WARNING:` line (`__WARN_FLAGS`); other architectures use
    /// the slow path, which prints it after.
    func warnFromDoOneInitcall(_ text: String) {
        let site = StackFrame.doOneInitcallWarn
        let warning =
            "WARNING: CPU: 0 PID: \(pid) at init/main.c:\(StackFrame.doOneInitcallWarnLine) \(site.text)"
        mark(.warning, detail: text, run: currentRun)
        log(.KERN_WARNING, "------------[ cut here ]------------")
        if machine.architecture == .generic {
            log(.KERN_WARNING, warning)
            log(.KERN_WARNING, text)
        } else {
            log(.KERN_WARNING, text)
            log(.KERN_WARNING, warning)
        }
        log(.KERN_WARNING, "Modules linked in:")
        dumpStackPrintInfo()
        switch machine.architecture {
        case .x86_64: log(.KERN_WARNING, "RIP: 0010:\(site.text)")
        case .arm64: log(.KERN_WARNING, "pc : \(site.text)")
        case .generic: break
        }
        printCallTrace(innermost: [])
        log(.KERN_WARNING, "---[ end trace 0000000000000000 ]---")
        taint.addWarn()
    }

    /// `panic()`'s report (kernel/panic.c): the message, a stack dump, and the end marker.
    func printPanic(_ message: String) {
        mark(.panic, detail: message)
        log(.KERN_EMERG, "Kernel panic - not syncing: \(message)")
        dumpStack(innermost: [StackFrame.panic] + currentFunctionFrame)
        if machine.architecture == .x86_64 { log(.KERN_EMERG, "Kernel Offset: disabled") }
        log(.KERN_EMERG, "---[ end Kernel panic - not syncing: \(message) ]---")
    }

    /// `__might_resched()` (kernel/sched/core.c) for a sleep in atomic context.
    func mightSleep(line: Int, callee: String?) {
        guard preemptCount != 0 || irqsDisabled else { return }
        sleptInAtomic = true
        if let last = lastMightSleepReport, clock.now < last &+ 1_000_000_000 { return }
        lastMightSleepReport = clock.now
        let file = runningFunction?.sourceFile ?? "init/main.c"
        let count = String(UInt32(bitPattern: Int32(truncatingIfNeeded: preemptCount)), radix: 16)
        let bug = "BUG: sleeping function called from invalid context at \(file):\(line)"
        mark(.bug, detail: bug)
        log(.KERN_ERR, bug)
        log(
            .KERN_ERR,
            "in_atomic(): \(preemptCount != 0 ? 1 : 0), irqs_disabled(): \(irqsDisabled ? 1 : 0), non_block: 0, pid: \(pid), name: \(comm)"
        )
        log(.KERN_ERR, "preempt_count: \(count), expected: 0")
        log(.KERN_ERR, "RCU nest depth: 0, expected: 0")
        var innermost = [StackFrame.mightResched]
        if let callee { innermost.append(StackFrame(name: callee, offset: 0x20, size: 0x50)) }
        dumpStack(innermost: innermost + currentFunctionFrame)
        taint.addWarn()
    }
}
