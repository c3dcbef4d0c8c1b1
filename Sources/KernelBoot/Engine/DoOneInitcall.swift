import KernelModel

/// `do_one_initcall()` (init/main.c), every branch: snapshot, blacklist, call, check, repair,
/// report, continue. The return value is handed back and ignored by the level loop.
extension BootEngine {
    @discardableResult
    func doOneInitcall(_ index: Int, slice: InitcallSlice) throws(KernelPanic) -> Int32 {
        let count = ctx.preemptCount
        if image.hasGaps { ctx.clock.advance(by: image.table[index].gap) }
        if hasBlacklist, initcallBlacklisted(index) {
            let now = ctx.clock.now
            let end = ctx.records.count
            runs.append(
                InitcallRun(
                    entry: index, slice: slice, pid: ctx.pid, ret: -Errno.EPERM, calltime: now, rettime: now,
                    flags: .blacklisted, records: end..<end))
            return -Errno.EPERM
        }
        if initcallDebug { traceInitcallStart(index) }
        ctx.inDoOneInitcall = true
        var run = try call(index, slice: slice)
        ctx.inDoOneInitcall = false
        if initcallDebug { traceInitcallFinish(index, ret: run.ret, nanoseconds: run.measured) }
        if !version.sanityReportIsWarn {
            repairAndPrint(&run, index: index, count: count)
            runs.append(run)
        } else if ctx.preemptCount != count || ctx.irqsDisabled {
            try repairAndWarn(&run, index: index, count: count)
        } else {
            runs.append(run)
        }
        return run.ret
    }

    /// The sanity check up to 3.8: the same repairs, reported by a plain `printk` rather than
    /// a WARN (no backtrace, no taint). From 2.6.17 a failing call under `initcall_debug` (not
    /// -ENODEV) adds "error code %d"; up to 2.6.16 the return value is ignored. 2.6.26 and
    /// later join the clauses, each ending in a space (`initcall %pF returned with %s`); 2.6.25
    /// and earlier keep only the last one, without the space.
    private func repairAndPrint(_ run: inout InitcallRun, index: Int, count: Int) {
        let style = version.initcallDebugStyle
        var reasons: [String] = []
        if style != .addressUntimed, initcallDebug, run.ret != 0, run.ret != -Errno.ENODEV {
            reasons.append("error code \(run.ret)")
        }
        if ctx.preemptCount != count {
            reasons.append("preemption imbalance")
            run.flags.insert(.preemptionImbalance)
            ctx.preemptCount = count
        }
        if ctx.irqsDisabled {
            reasons.append("disabled interrupts")
            run.flags.insert(.disabledInterrupts)
            ctx.irqsDisabled = false
        }
        guard let last = reasons.last else { return }
        let level: LogLevel = version.sanityReportIsKernWarning ? .KERN_WARNING : .KERN_DEFAULT
        let symbol = image.table[index].symbolText
        let address = style.printsAddress ? textAddress(of: index) : ""
        switch style {
        case .addressUntimed:
            ctx.log(level, "error in initcall at 0x\(address): returned with \(last)")
        case .addressChecked, .address:
            ctx.log(level, "initcall at 0x\(address): \(symbol)(): returned with \(last)")
        case .milliseconds, .microseconds:
            ctx.log(level, "initcall \(symbol) returned with \(reasons.map { $0 + " " }.joined())")
        }
    }

    /// The sanity check after the call: restore the preempt count, re-enable interrupts, and
    /// `WARN(msgbuf[0], "initcall %pS returned with %s\n", fn, msgbuf)` — the reasons end in a
    /// space each, as `msgbuf` does.
    private func repairAndWarn(_ run: inout InitcallRun, index: Int, count: Int) throws(KernelPanic) {
        var reasons = ""
        if ctx.preemptCount != count {
            reasons = "preemption imbalance "
            run.flags.insert(.preemptionImbalance)
            ctx.preemptCount = count
        }
        if ctx.irqsDisabled {
            reasons += "disabled interrupts "
            run.flags.insert(.disabledInterrupts)
            ctx.irqsDisabled = false
        }
        runs.append(run)
        if options.panicOnWarn { runs[runs.count - 1].flags.insert(.warnPanicked) }
        // With panic_on_warn, __warn() panics before its end marker and the taint.
        try ctx.warnFromDoOneInitcall("initcall \(image.table[index].symbolText) returned with \(reasons)")
    }

    /// `initcall_blacklisted()`: the symbol name without offset (and without ` [module]`),
    /// compared exactly with every entry.
    func initcallBlacklisted(_ index: Int) -> Bool {
        let name = image.table[index].function
        guard blacklist.contains(name) else { return false }
        ctx.log(.KERN_DEBUG, "initcall \(name) blacklisted")
        return true
    }

    /// Calls one entry's body, with what console and level callers share: the run record and
    /// the records it printed. A panic inside records the run, then propagates.
    func call(_ index: Int, slice: InitcallSlice) throws(KernelPanic) -> InitcallRun {
        let recordStart = ctx.records.count
        ctx.runningEntry = index
        ctx.currentRun = runs.count
        ctx.sleptInAtomic = false
        ctx.scheduledWhileAtomic = false
        let calltime = ctx.clock.now
        var run = InitcallRun(
            entry: index, slice: slice, pid: ctx.pid, ret: 0, calltime: calltime, rettime: calltime, flags: [],
            records: recordStart..<recordStart)
        // ktime_get() as do_one_initcall() reads it, before and after; the switch from jiffies
        // happens in clocksource_done_booting(), after its own start was read.
        let ktime = ctx.ktime_get
        if ctx.clocksource.readsJiffies, image.table[index].function == "clocksource_done_booting" {
            ctx.clocksource.switchFromJiffies(at: calltime)
        }
        do {
            run.ret = try bodies[index](bodyContext)
        } catch {
            run.flags.insert(.panicked)
            finish(&run, ktime: ktime)
            runs.append(run)
            if let panic = error as? KernelPanic { throw panic }
            let message = "\(image.table[index].function) threw a Swift error: \(error)"
            ctx.runningEntry = index
            try ctx.panic(message, innermost: ctx.currentFunctionFrame)
        }
        finish(&run, ktime: ktime)
        if let halted = ctx.halted {
            // panic() already ran inside the body (a sleep under panic_on_warn).
            run.flags.insert(.warnPanicked)
            runs.append(run)
            throw halted
        }
        return run
    }

    private func finish(_ run: inout InitcallRun, ktime: UInt64) {
        run.rettime = ctx.clock.now
        run.measured = ctx.ktime_get &- ktime
        run.records = run.records.lowerBound..<ctx.records.count
        if ctx.sleptInAtomic { run.flags.insert(.sleptInAtomic) }
        if ctx.scheduledWhileAtomic { run.flags.insert(.scheduledWhileAtomic) }
        ctx.runningEntry = -1
    }
}
