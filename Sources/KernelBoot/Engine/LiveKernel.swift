import KernelLink
import KernelModel

extension KernelImage {
    /// Boots the image and keeps the kernel running afterwards, for the module loader and the
    /// shell: the same engine, clock, log, taint and `do_one_initcall()`.
    package func bootLive(commandLine: String? = nil) -> LiveKernel {
        let engine = BootEngine(image: self, commandLine: commandLine ?? description.commandLine)
        let result = engine.run()
        return LiveKernel(engine: engine, result: result)
    }
}

/// The kernel after `kernel_init()` handed over to user space: what the module loader
/// (a layer above) reaches through — the log, the clock, the taint mask, the boot arguments,
/// and `do_one_initcall()` for a module's init.
package final class LiveKernel {
    let engine: BootEngine
    /// How the boot ended.
    package let result: BootResult
    var ctx: RunningKernel { engine.ctx }

    init(engine: BootEngine, result: BootResult) {
        self.engine = engine
        self.result = result
        engine.ctx.clockRunning = true
    }

    /// The boot's result with what happened since: the ring buffer, the flagged moments and
    /// the taint as they are now, and the panic that stopped the machine, if one did (a
    /// module's init, after init ran).
    package func resultNow(panic: KernelPanic? = nil) -> BootResult {
        var now = BootResult(
            image: result.image, commandLine: result.commandLine, options: result.options, records: ctx.records,
            runs: result.runs, resourceEvents: result.resourceEvents,
            outcome: panic.map { .panicked($0.message) } ?? result.outcome, taint: ctx.taint.letters,
            onlineCPUs: result.onlineCPUs, events: ctx.events, levels: result.levels)
        now.parameterVariables = result.parameterVariables
        now.commandLineTrace = result.commandLineTrace
        now.asyncRuns = ctx.asyncWork.runs
        // Loads side by side start out of file order: by time, then as run.
        now.bootRecordCount = result.records.count
        now.moduleRuns = moduleRuns.enumerated().sorted {
            ($0.element.start, $0.offset) < ($1.element.start, $1.offset)
        }
        .map(\.element)
        return now
    }

    /// The release and the description booted.
    package var description: KernelDescription { engine.image.description }

    /// Every module init `do_one_initcall()` ran since the boot, in the order they started.
    package private(set) var moduleRuns: [ModuleInitRun] = []

    /// Every record of the ring buffer so far.
    package var records: [LogRecord] { ctx.records }

    /// `local_clock()` now.
    package var now: UInt64 { ctx.clock.now }

    /// Sets `local_clock()` for the task about to run: a task on another CPU that started
    /// before the last one printed (``orderRecordsByTime(from:)`` merges their lines).
    package func setClock(_ nanoseconds: UInt64) { ctx.clock.set(nanoseconds) }

    /// Puts the records from `first` on in time order, as the lines of tasks that ran side by
    /// side on several CPUs reach the ring buffer; equal times keep the order they were
    /// printed in. The flagged moments follow their records.
    package func orderRecordsByTime(from first: Int) {
        guard first >= 0, first < ctx.records.count else { return }
        let order = ctx.records.indices[first...].sorted {
            (ctx.records[$0].timestamp, $0) < (ctx.records[$1].timestamp, $1)
        }
        var newIndex = Array(ctx.records.indices)
        for (position, old) in order.enumerated() { newIndex[old] = first + position }
        ctx.records = Array(ctx.records[..<first]) + order.map { ctx.records[$0] }
        for index in ctx.events.indices where ctx.events[index].record < newIndex.count {
            ctx.events[index].record = newIndex[ctx.events[index].record]
        }
        let moved = ctx.events.firstIndex { $0.record >= first } ?? ctx.events.endIndex
        ctx.events[moved...].sort { ($0.timestamp, $0.record) < ($1.timestamp, $1.record) }
    }

    /// Lets virtual time pass (between shell commands, as a live system's does).
    package func advance(nanoseconds: UInt64) { ctx.clock.advance(by: nanoseconds) }

    /// Prints one complete record.
    package func log(_ level: LogLevel, _ text: String) { ctx.log(level, text) }

    /// The current task's pid and name.
    package var currentPID: Int32 { ctx.pid }
    package var currentComm: String { ctx.comm }

    /// The task the kernel runs on behalf of (the process making a system call).
    package func setCurrent(pid: Int32, comm: String) {
        ctx.pid = pid
        ctx.comm = comm
    }

    // MARK: Taint

    /// The global taint mask (`tainted_mask`).
    package var taintMask: UInt32 { ctx.taint.mask }

    /// `add_taint()`: sets `bit`; with `lockdepUnreliable` (LOCKDEP_NOW_UNRELIABLE) the first
    /// such taint prints "Disabling lock debugging due to kernel taint" (`debug_locks_off()`).
    package func addTaint(bit: Int, lockdepUnreliable: Bool) {
        ctx.taint.add(bit: bit)
        if lockdepUnreliable, !lockDebuggingOff {
            lockDebuggingOff = true
            ctx.log(.KERN_WARNING, "Disabling lock debugging due to kernel taint")
        }
    }

    /// `debug_locks` was turned off.
    private var lockDebuggingOff = false

    /// `print_tainted()`: "Not tainted" or "Tainted: P  …".
    package var taintText: String { ctx.taint.printTainted(flagCount: description.version.taintFlagCount) }

    /// The modules part of "Modules linked in:", kept current by the loader (` par(O) dep`).
    package var modulesLinkedIn: String {
        get { ctx.modulesLinkedIn }
        set { ctx.modulesLinkedIn = newValue }
    }

    // MARK: Boot arguments

    /// The value of `name` on the command line (`module_blacklist=a,b`): nil when absent, `.some(nil)`
    /// for a bare flag (`nomodule`). The last occurrence wins.
    package func bootArgument(_ name: String) -> String?? {
        let bytes = Array(result.commandLine.utf8)
        var index = 0
        while index < bytes.count, NextArg.isSpace(bytes[index]) { index += 1 }
        var found: String??
        while index < bytes.count {
            let (token, next) = NextArg.next(bytes, from: index)
            index = next
            if token.param == "--" { break }
            if ParseArgs.parameq(token.param, name) { found = .some(token.value) }
        }
        return found
    }

    /// The kernel's `__param` table: the built-in parameters sysfs shows.
    package var bootParams: ParamTable { engine.params }

    /// What a body's `request_module()` runs from now on.
    package var requestModule: ((String) -> Int32)? {
        get { ctx.requestModuleHandler }
        set { ctx.requestModuleHandler = newValue }
    }

    /// How `%pS` names a symbol the image does not have: the loaded modules'.
    package var moduleSymbol: ((String) -> String?)? {
        get { ctx.moduleSymbolHandler }
        set { ctx.moduleSymbolHandler = newValue }
    }

    /// `initcall_blacklist=` as the boot parsed it.
    package var initcallBlacklist: Set<String> { engine.blacklist }

    // MARK: kernel/async.c

    /// `next_cookie`: how many entries `async_schedule()` has been given, plus one.
    package var asyncNextCookie: UInt64 { ctx.asyncWork.nextCookie }

    /// `do_init_module()`'s `async_synchronize_full()` once the module is live: "we need to
    /// finish all async code before the module init sequence is done" — from 2.6.29 always
    /// ("async: Fix module loading async-work regression", d6de2c80e9d7); from 3.8 only when
    /// the init used async (`PF_USED_ASYNC`, "module, async: async_synchronize_full() on module
    /// init iff async is used", 774a1221e862, early 2013); always again from 5.17, which
    /// reverted that (67d6212afda2). The loader waits there for every entry, whoever's.
    package func asyncSynchronizeAfterInit(usedAsync: Bool) {
        let version = description.version
        guard version.isAtLeast(2, 6, 29) else { return }
        let onlyIfUsed = version.isAtLeast(3, 8) && !version.isAtLeast(5, 17)
        guard usedAsync || !onlyIfUsed else { return }
        engine.asyncSynchronizeFull()
    }

    // MARK: do_one_initcall

    /// A module function's call through `do_one_initcall()` (init/main.c): the blacklist,
    /// `initcall_debug` with `%pS` naming `[module]`, the preempt/IRQ checks and their WARN.
    /// `params` is the module's own `__param` table, which the body's `param()` reads.
    package func doOneInitcall(
        _ function: InitFunction, module: String, object: String, params: ParamTable
    ) -> (ret: Int32, panic: KernelPanic?) {
        let symbol = "\(function.name)+0x0/0x\(String(function.size, radix: 16)) [\(module)]"
        var run = ModuleInitRun(
            module: module, function: function.name, symbolText: symbol, pid: ctx.pid, comm: ctx.comm,
            ret: -Errno.EPERM, start: ctx.clock.now, calltime: ctx.clock.now, rettime: ctx.clock.now,
            blacklisted: true, panicked: false)
        if engine.blacklist.contains(function.name) {
            ctx.log(.KERN_DEBUG, "initcall \(function.name) blacklisted")
            moduleRuns.append(run)
            return (-Errno.EPERM, nil)
        }
        run.blacklisted = false
        let debug = engine.initcallDebug
        if debug {
            ctx.log(.KERN_DEBUG, "calling  \(symbol) @ \(ctx.pid)")
            // The line's printk() returns once the consoles have it (``InitFunction/flush``).
            ctx.clock.advance(by: function.flush)
        }
        let start = ctx.clock.now
        let ktime = ctx.ktime_get
        let count = ctx.preemptCount
        ctx.inDoOneInitcall = true
        defer { ctx.inDoOneInitcall = false }
        let (ret, panic) = call(function, object: object, params: params)
        run.calltime = start
        run.rettime = ctx.clock.now
        run.measured = ctx.ktime_get &- ktime
        run.ret = ret
        run.panicked = panic != nil
        moduleRuns.append(run)
        if let panic { return (ret, panic) }
        if debug {
            let usecs = description.version.initcallDuration(nanoseconds: run.measured)
            ctx.log(.KERN_DEBUG, "initcall \(symbol) returned \(ret) after \(usecs) usecs")
        }
        var reasons = ""
        if ctx.preemptCount != count {
            reasons = "preemption imbalance "
            ctx.preemptCount = count
        }
        if ctx.irqsDisabled {
            reasons += "disabled interrupts "
            ctx.irqsDisabled = false
        }
        if !reasons.isEmpty {
            do {
                try ctx.warnFromDoOneInitcall("initcall \(symbol) returned with \(reasons)")
            } catch {
                return (ret, error)
            }
        }
        return (ret, nil)
    }

    /// Calls a module function (an exit, or an init inside `do_one_initcall()`) with the
    /// module's names in scope.
    package func call(_ function: InitFunction, object: String, params: ParamTable, exit: Bool = false) -> (
        ret: Int32, panic: KernelPanic?
    ) {
        let savedParams = ctx.params
        let savedObject = ctx.contextObject
        let savedFrames = ctx.frames
        ctx.params = params
        ctx.contextObject = object
        ctx.frames = syscallFrames(exit: exit)
        defer {
            ctx.params = savedParams
            ctx.contextObject = savedObject
            ctx.frames = savedFrames
        }
        do {
            return (try function.body(ctx), nil)
        } catch let panic as KernelPanic {
            return (0, panic)
        } catch {
            do {
                try ctx.panic("\(function.name) threw a Swift error: \(error)", innermost: [])
            } catch let panic {
                return (0, panic)
            }
        }
    }

    /// `dump_stack()` from `do_init_module()` (its "suspiciously returned" warning).
    package func dumpStack() {
        let saved = ctx.frames
        ctx.frames = syscallFrames(exit: false)
        ctx.dumpStack(innermost: [])
        ctx.frames = saved
    }

    /// The system call below a module function, outermost first, as x86-64 traces of the era
    /// show it: `finit_module()` down to `do_init_module()` (6.4 added
    /// `idempotent_init_module()` and `init_module_from_file()`; 4.17 the `__do_sys_` wrappers;
    /// before 3.8 `sys_init_module()` ran the init itself), or `delete_module()`. Other
    /// architectures show the loader's frames only.
    func syscallFrames(exit: Bool) -> [StackFrame] {
        let version = description.version
        let x86 = description.architecture == .x86_64
        var frames: [StackFrame] = []
        if x86 {
            if version.isAtLeast(4, 17) {
                frames.append(StackFrame(name: "entry_SYSCALL_64_after_hwframe", offset: 0x6e, size: 0x76))
                frames.append(StackFrame(name: "do_syscall_64", offset: 0x83, size: 0x170))
            } else {
                let entry = version.isAtLeast(4, 2) ? "entry_SYSCALL_64_fastpath" : "system_call_fastpath"
                frames.append(StackFrame(name: entry, offset: 0x1a, size: 0xa5))
            }
        }
        if exit {
            let name = version.isAtLeast(4, 17) ? "__do_sys_delete_module" : "SyS_delete_module"
            frames.append(StackFrame(name: name, offset: 0x1d5, size: 0x2e0))
            return frames
        }
        guard version.isAtLeast(3, 8) else {
            frames.append(StackFrame(name: "sys_init_module", offset: 0x9f, size: 0x1e0))
            return frames
        }
        if version.isAtLeast(6, 4) {
            frames.append(StackFrame(name: "__x64_sys_finit_module", offset: 0x5c, size: 0x90))
            frames.append(StackFrame(name: "idempotent_init_module", offset: 0x11b, size: 0x2e0))
            frames.append(StackFrame(name: "init_module_from_file", offset: 0x96, size: 0xd0))
        } else {
            let name = version.isAtLeast(4, 17) ? "__do_sys_finit_module" : "SyS_finit_module"
            frames.append(StackFrame(name: name, offset: 0xbb, size: 0x130))
        }
        frames.append(StackFrame(name: "load_module", offset: 0x1f8e, size: 0x2140))
        frames.append(StackFrame(name: "do_init_module", offset: 0x60, size: 0x240))
        return frames
    }

    /// The module's own `__param` table: its entries under their bare names (no
    /// `MODULE_PARAM_PREFIX` in a module).
    package func moduleParamTable(_ object: ObjectFile) -> ParamTable {
        var entries = ParamEntry.table([object])
        for index in entries.indices {
            entries[index].fullName = entries[index].param.name
            entries[index].modname = object.modname
        }
        return ParamTable(
            index: ParamIndex(entries: entries, builtinCount: 0, levelNames: []), version: description.version)
    }

    /// `parse_args(mod->name, mod->args, mod->kp, …, unknown_module_param_cb)`: sets the
    /// module's parameters, printing the kernel's messages; unknown names are warned about and
    /// ignored (`unknown_module_param_cb()`), text after `--` too. Returns 0 or the last error.
    package func parseModuleArgs(_ args: String, module: String, params: ParamTable) -> Int32 {
        var options = BootOptions()
        let result = ParseArgs.parse(
            doing: module, line: args, params: params, minLevel: -32768, maxLevel: 32767, options: &options,
            log: { level, text in self.ctx.log(level, text) },
            unknown: { param, _, doing, _ in
                // unknown_module_param_cb(): dyndbg and async_probe are the module's own.
                if param == "dyndbg" || param == "async_probe" { return 0 }
                self.ctx.log(.KERN_WARNING, "\(doing): unknown parameter '\(param)' ignored")
                return 0
            })
        switch result {
        case .finished(let error): return error ?? 0
        case .dashes(let rest):
            ctx.log(.KERN_WARNING, "\(module): parameters '\(rest)' after `--' ignored")
            return 0
        }
    }
}
