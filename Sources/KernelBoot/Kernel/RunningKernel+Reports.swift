import KernelModel

extension RunningKernel {
    // MARK: dump_stack

    /// `dump_stack_print_info()` (lib/dump_stack.c), in the form of the release:
    ///
    /// * up to 3.9 (x86): `Pid: %d, comm: %.20s %s %s %.*s`;
    /// * 3.10 to 6.10: `CPU: %d PID: %d Comm: %.20s %s %s %.*s` (Tejun Heo's dump_stack
    ///   consolidation), then `Hardware name: %s`;
    /// * 6.11: `UID: %u` after the CPU (Suren Baghdasaryan, "dump_stack: report process UID in
    ///   dump_stack_print_info()"), and once tainted a `Tainted: [W]=WARN` line before the
    ///   hardware name (Jani Nikula, "kernel/panic: add verbose logging of kernel taints in
    ///   backtraces");
    /// * 6.15: `preempt_model_str()` after the build number, followed by a space ("lib/dump_stack:
    ///   Use preempt_model_str()", Sebastian Andrzej Siewior), so without a build id the line ends
    ///   in a space.
    ///
    /// Debian's kernels print their `LINUX_PACKAGE_ID` after the build number
    /// (`#1  Debian 6.1.192-2`).
    func dumpStackPrintInfo() {
        let version = machine.version
        let build = machine.build
        let taintText = taint.printTainted(flagCount: version.taintFlagCount)
        let comm = String(self.comm.prefix(20))
        let package = build.packageID.map { " " + $0 } ?? ""
        guard version.dumpStackHeaderHasCPU else {
            log(
                .KERN_WARNING,
                "Pid: \(pid), comm: \(comm) \(taintText) \(version.release) \(build.buildNumber)\(package)")
            return
        }
        let uid = version.dumpStackHeaderHasUIDAndVerboseTaint ? "UID: 0 " : ""
        let preempt = version.dumpStackHeaderHasPreemptModel ? " \(build.preemptModelString) " : ""
        log(
            .KERN_WARNING,
            "CPU: 0 \(uid)PID: \(pid) Comm: \(comm) \(taintText) \(version.release) \(build.buildNumber)\(package)\(preempt)"
        )
        if version.dumpStackHeaderHasUIDAndVerboseTaint, taint.isTainted {
            log(.KERN_WARNING, "Tainted: \(taint.printTaintedVerbose())")
        }
        log(.KERN_WARNING, "Hardware name: \(machine.hardwareName)")
    }

    /// The call trace, innermost first, with the architecture's framing. An exception frame
    /// (`regs`) prints its registers where the unwinder meets it, as x86's
    /// `show_trace_log_lvl()` does (`show_regs_if_on_stack()`, the short register set).
    func printCallTrace(innermost: [StackFrame], exception: [StackFrame]? = nil) {
        let below = (inDoOneInitcall ? [kernelFrames.doOneInitcall] : []) + frames.reversed()
        switch machine.architecture {
        case .arm64:
            log(.KERN_WARNING, "Call trace:")
            for frame in innermost + (exception ?? []) + below { log(.KERN_WARNING, " \(frame.text)") }
        case .x86_64, .generic:
            log(.KERN_WARNING, "Call Trace:")
            log(.KERN_WARNING, " <TASK>")
            for frame in innermost { log(.KERN_WARNING, " \(frame.text)") }
            if let exception {
                for frame in exception { log(.KERN_WARNING, " \(frame.text)") }
                if machine.architecture == .x86_64 { showRegisters(all: false) }
            }
            for frame in below { log(.KERN_WARNING, " \(frame.text)") }
            log(.KERN_WARNING, " </TASK>")
        }
    }

    /// `dump_stack()`.
    func dumpStack(innermost: [StackFrame], exception: [StackFrame]? = nil) {
        dumpStackPrintInfo()
        printCallTrace(innermost: [kernelFrames.dumpStackLvl] + innermost, exception: exception)
    }

    /// The frame of the initcall running now, if any.
    var currentFunctionFrame: [StackFrame] {
        guard let running = runningFunction else { return [] }
        return [StackFrame.function(running.function, size: running.size)]
    }

    // MARK: WARN

    /// `WARN(1, text)` from `do_one_initcall()` (kernel/panic.c `__warn()` on x86's
    /// `__WARN_FLAGS` path): the message (after `cut here`), the banner, the modules, the
    /// registers and trace (`show_regs()`), then `check_panic_on_warn("kernel")` — with
    /// `panic_on_warn` the panic comes here, before the end-of-trace marker and before the taint
    /// is added — then the marker and taint `W`. Architectures without `__WARN_FLAGS` print the
    /// message after the banner.
    func warnFromDoOneInitcall(_ text: String) throws(KernelPanic) {
        let frames = kernelFrames
        let site = frames.doOneInitcallWarn
        let file = "init/main.c"
        let warning =
            machine.version.warnBannerNamesFileFirst
            // 28ea295f941e (6.19): "WARNING: %s:%d at %pS, CPU#%d: %s/%d".
            ? "WARNING: \(file):\(frames.doOneInitcallWarnLine) at \(site.symbol), CPU#0: \(comm)/\(pid)"
            : "WARNING: CPU: 0 PID: \(pid) at \(file):\(frames.doOneInitcallWarnLine) \(site.symbol)"
        mark(.warning, detail: text, run: currentRun)
        log(.KERN_WARNING, "------------[ cut here ]------------")
        if machine.architecture == .generic {
            log(.KERN_WARNING, warning)
            log(.KERN_WARNING, text)
        } else {
            log(.KERN_WARNING, text)
            log(.KERN_WARNING, warning)
        }
        log(.KERN_WARNING, "Modules linked in:\(modulesLinkedIn)")
        dumpStackPrintInfo()
        switch machine.architecture {
        case .x86_64: showRegisters(all: true)
        case .arm64: log(.KERN_WARNING, "pc : \(site.symbol)")
        case .generic: break
        }
        printCallTrace(innermost: [])
        if panicOnWarn {
            // check_panic_on_warn("kernel"): panic_on_warn = 0, then panic() from inside __warn().
            let path =
                (machine.version.panicOnWarnNamesOrigin ? [StackFrame.checkPanicOnWarn] : []) + [StackFrame.warn]
                + (machine.architecture == .x86_64
                    ? [StackFrame.reportBug, StackFrame.handleBug, StackFrame.excInvalidOp, StackFrame.asmExcInvalidOp]
                    : [StackFrame.reportBug])
            try panic(machine.version.panicOnWarnMessage(origin: "kernel"), innermost: path, exception: [])
        }
        log(.KERN_WARNING, "---[ end trace \(endTraceID) ]---")
        taint.addWarn()
    }

    /// `print_oops_end_marker()`'s id: zeros from about 5.17 ("panic: Remove oops_id"), a random
    /// `oops_id` before (here a stable one derived from the release).
    var endTraceID: String {
        if machine.version.endTraceIsZero { return "0000000000000000" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in machine.version.release.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// x86-64 `__show_regs()` (arch/x86/kernel/process_64.c) for the WARN in `do_one_initcall()`:
    /// `RIP` and `Code:` (`show_ip()`, `show_opcodes()`: 42 bytes before the trapping `ud2`, 21
    /// after), `RSP`/`EFLAGS` and the general registers; with `all` (`SHOW_REGS_ALL`) the
    /// segment and control registers too. The values are illustrative, those of a typical boot.
    func showRegisters(all: Bool) {
        log(.KERN_WARNING, "RIP: 0010:\(kernelFrames.doOneInitcallWarn.symbol)")
        log(.KERN_WARNING, "Code: \(RunningKernel.warnCodeBytes)")
        for line in RunningKernel.generalRegisters { log(.KERN_WARNING, line) }
        guard all else { return }
        for line in RunningKernel.systemRegisters { log(.KERN_WARNING, line) }
    }

    /// `show_opcodes()` around the `ud2` (`0f 0b`) of a WARN.
    static let warnCodeBytes =
        "48 8b 44 24 10 65 48 2b 04 25 28 00 00 00 75 4c 48 83 c4 18 44 89 e0 5b 5d 41 5c 41 5d 41 5e c3 cc cc cc cc 48 c7 c7 f0 a1 62 <0f> 0b 48 89 ee 48 c7 c7 28 b2 62 82 e8 d2 7c 0e 00 eb a8 e8 5b 91"

    static let generalRegisters = [
        "RSP: 0000:ffffc90000013e30 EFLAGS: 00010286",
        "RAX: 0000000000000000 RBX: 0000000000000000 RCX: 0000000000000000",
        "RDX: 0000000000000001 RSI: ffffffff8262b1d8 RDI: 00000000ffffffff",
        "RBP: ffffffff83b0a2c0 R08: 0000000000000000 R09: ffffc90000013cd0",
        "R10: 0000000000000003 R11: ffffffff82f1d4a8 R12: 0000000000000000",
        "R13: ffff888100a52e40 R14: 0000000000000000 R15: 0000000000000000",
    ]

    static let systemRegisters = [
        "FS:  0000000000000000(0000) GS:ffff88813bc00000(0000) knlGS:0000000000000000",
        "CS:  0010 DS: 0000 ES: 0000 CR0: 0000000080050033",
        "CR2: 0000000000000000 CR3: 0000000002c2e000 CR4: 0000000000350ef0",
    ]

    // MARK: panic

    /// `panic()` (kernel/panic.c): the message, a stack dump, the panic notifiers (x86's
    /// `dump_kernel_offset()` prints "Kernel Offset:"), then by `panic_timeout`: above 0
    /// "Rebooting in %d seconds.." and a reboot, below 0 an immediate reboot, 0 the end marker
    /// and the endless loop. A reboot ends the log; no end marker is printed.
    func panic(_ message: String, innermost: [StackFrame], exception: [StackFrame]? = nil) throws(KernelPanic) -> Never
    {
        printPanic(message, innermost: innermost, exception: exception)
        throw KernelPanic(message)
    }

    /// `panic()`'s report, for callers that cannot throw (a sleeping function under
    /// `panic_on_warn`): the kernel is then ``halted`` and prints nothing more.
    func printPanic(_ message: String, innermost: [StackFrame], exception: [StackFrame]? = nil) {
        mark(.panic, detail: message)
        log(.KERN_EMERG, "Kernel panic - not syncing: \(message)")
        dumpStack(innermost: [kernelFrames.panic] + innermost, exception: exception)
        if machine.architecture == .x86_64 {
            if let offset = machine.kaslrOffset, !kaslrDisabled {
                log(
                    .KERN_EMERG,
                    "Kernel Offset: 0x\(String(offset, radix: 16)) from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)"
                )
            } else {
                log(.KERN_EMERG, "Kernel Offset: disabled")
            }
        }
        if panicTimeout > 0 {
            log(.KERN_EMERG, "Rebooting in \(panicTimeout) seconds..")
        } else if panicTimeout == 0 {
            log(.KERN_EMERG, "---[ end Kernel panic - not syncing: \(message) ]---")
        }
        halted = KernelPanic(message)
    }

    // MARK: Sleeping in atomic context

    /// `__might_resched()` (kernel/sched/core.c) for a `might_sleep()` in atomic context, with
    /// `CONFIG_DEBUG_ATOMIC_SLEEP`; silent before 4.13, when initcalls ran in `SYSTEM_BOOTING`.
    func mightSleep(line: Int, callee: String?) {
        guard preemptCount != 0 || irqsDisabled else { return }
        guard machine.config.debugAtomicSleep, machine.version.checksMightSleepDuringInitcalls else { return }
        sleptInAtomic = true
        if let last = lastMightSleepReport, clock.now < last &+ 1_000_000_000 { return }
        lastMightSleepReport = clock.now
        let file = runningFunction?.sourceFile ?? "init/main.c"
        let count = String(UInt32(bitPattern: Int32(truncatingIfNeeded: preemptCount)), radix: 16)
        let bug = "BUG: sleeping function called from invalid context at \(file):\(line)"
        mark(.bug, detail: bug)
        log(.KERN_ERR, bug)
        let nonBlock = machine.version.mightSleepPrintsNonBlock ? " non_block: 0," : ""
        log(
            .KERN_ERR,
            "in_atomic(): \(preemptCount != 0 ? 1 : 0), irqs_disabled(): \(irqsDisabled ? 1 : 0),\(nonBlock) pid: \(pid), name: \(comm)"
        )
        if machine.version.mightReschedPrintsCounts {
            log(.KERN_ERR, "preempt_count: \(count), expected: 0")
            log(.KERN_ERR, "RCU nest depth: 0, expected: 0")
        }
        var innermost = [StackFrame.mightResched]
        if let callee { innermost.append(StackFrame(name: callee, offset: 0x20, size: 0x50)) }
        dumpStack(innermost: innermost + currentFunctionFrame)
        taint.addWarn()
    }

    /// `__schedule_bug()` (kernel/sched/core.c): `schedule()` with a preempt count held.
    /// `KERN_ERR` "BUG: scheduling while atomic: %s/%d/0x%08x" with the count `schedule()` sees
    /// (the caller's plus its own `preempt_disable()`), the modules, `check_panic_on_warn()`,
    /// a stack dump, then taint `W`. No `cut here` line and no end marker.
    func scheduleBug(callee: String?) {
        scheduledWhileAtomic = true
        let count = UInt32(bitPattern: Int32(truncatingIfNeeded: preemptCount &+ 1))
        let hex = String(count, radix: 16)
        log(
            .KERN_ERR,
            "BUG: scheduling while atomic: \(comm)/\(pid)/0x\(String(repeating: "0", count: max(0, 8 - hex.count)) + hex)"
        )
        log(.KERN_WARNING, "Modules linked in:\(modulesLinkedIn)")
        let path =
            [StackFrame.scheduleBug, StackFrame.schedule, StackFrame.scheduleEntry] + StackFrame.sleepPath(callee)
            + currentFunctionFrame
        if panicOnWarn {
            // check_panic_on_warn("scheduling while atomic"), before the stack dump.
            let checks = machine.version.panicOnWarnNamesOrigin ? [StackFrame.checkPanicOnWarn] : []
            printPanic(
                machine.version.panicOnWarnMessage(origin: "scheduling while atomic"), innermost: checks + path)
            return
        }
        dumpStack(innermost: path)
        taint.addWarn()
    }
}
