/// `do_one_initcall()` (init/main.c), every branch: snapshot, blacklist, call, check, repair,
/// report, continue. The return value is handed back and ignored by the level loop.
extension BootEngine {
    @discardableResult
    func doOneInitcall(_ index: Int, slice: InitcallSlice) throws(KernelPanic) -> Int32 {
        let count = ctx.preemptCount
        if !blacklist.isEmpty, initcallBlacklisted(index) {
            let now = ctx.clock.now
            runs.append(
                InitcallRun(
                    entry: index, slice: slice, pid: ctx.pid, ret: -Errno.EPERM, calltime: now, rettime: now,
                    flags: .blacklisted, records: ctx.records.count..<ctx.records.count))
            return -Errno.EPERM
        }
        traceInitcallStart(index)
        ctx.frames.append(.doOneInitcall)
        var run = try call(index, slice: slice)
        ctx.frames.removeLast()
        traceInitcallFinish(index, ret: run.ret, usecs: run.durationMicroseconds)
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
        if !reasons.isEmpty { try warnInitcall(index, reasons: reasons) }
        return run.ret
    }

    /// `initcall_blacklisted()`: the symbol name without offset (and without ` [module]`),
    /// compared exactly with every entry.
    func initcallBlacklisted(_ index: Int) -> Bool {
        let name = image.table[index].function
        guard blacklist.contains(name) else { return false }
        ctx.log(.KERN_DEBUG, "initcall \(name) blacklisted")
        return true
    }

    /// `WARN(msgbuf[0], "initcall %pS returned with %s\n", fn, msgbuf)`; with `panic_on_warn`
    /// the WARN ends in `check_panic_on_warn("kernel")`.
    private func warnInitcall(_ index: Int, reasons: String) throws(KernelPanic) {
        ctx.warnFromDoOneInitcall("initcall \(image.table[index].symbolText) returned with \(reasons)")
        if options.panicOnWarn {
            runs[runs.count - 1].flags.insert(.warnPanicked)
            try ctx.panic("kernel: panic_on_warn set ...")
        }
    }

    /// Calls one entry's body, with what console and level callers share: the run record, the
    /// records it printed, the resources it touched. A panic inside records the run, then
    /// propagates.
    func call(_ index: Int, slice: InitcallSlice) throws(KernelPanic) -> InitcallRun {
        let recordStart = ctx.records.count
        ctx.current = CurrentCall(entry: index)
        let calltime = ctx.clock.now
        var run = InitcallRun(
            entry: index, slice: slice, pid: ctx.pid, ret: 0, calltime: calltime, rettime: calltime, flags: [],
            records: recordStart..<recordStart)
        do {
            run.ret = try image.bodies[index](ctx)
        } catch {
            run.flags.insert(.panicked)
            finish(&run, recordStart: recordStart)
            runs.append(run)
            throw error
        }
        finish(&run, recordStart: recordStart)
        return run
    }

    private func finish(_ run: inout InitcallRun, recordStart: Int) {
        run.rettime = ctx.clock.now
        run.records = recordStart..<ctx.records.count
        if ctx.current.sleptInAtomic { run.flags.insert(.sleptInAtomic) }
        let current = ctx.current
        if current.provided.isEmpty && current.required.isEmpty { return }
        let runIndex = runs.count
        resourceEvents += current.required.map { ResourceEvent(run: runIndex, kind: .required, resource: $0) }
        resourceEvents += current.missing.map { ResourceEvent(run: runIndex, kind: .missing, resource: $0) }
        resourceEvents += current.provided.map { ResourceEvent(run: runIndex, kind: .provided, resource: $0) }
    }
}
