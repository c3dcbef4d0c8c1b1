import KernelModel

/// `console_init()` (kernel/printk/printk.c): runs the `.con_initcall.init` table from
/// `start_kernel()`, in PID 0 context, through the tracepoints but *not* through
/// `do_one_initcall()`: no blacklist, no preemption or IRQ check, return value ignored.
extension BootEngine {
    func consoleInit() throws(KernelPanic) {
        // n_tty_init() comes first and prints nothing.
        ctx.frames.append(.consoleInit)
        defer { ctx.frames.removeLast() }
        // The console initcalls reach the initcall_debug probes through the tracepoints, which
        // were added for them in 4.17 (58eacfffc417); before, nothing printed them.
        let traced = version.tracesConsoleInitcalls
        try walk(.console) { () throws(KernelPanic) in
            for index in image.consoleSlice {
                if image.hasGaps { ctx.clock.advance(by: image.table[index].gap) }
                if traced { traceInitcallStart(index) }
                let run = try call(index, slice: .console)
                if traced { traceInitcallFinish(index, ret: run.ret, nanoseconds: run.measured) }
                runs.append(run)
            }
        }
    }
}
