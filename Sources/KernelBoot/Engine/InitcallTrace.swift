/// The `initcall_debug` printk probes on the initcall tracepoints (init/main.c
/// `trace_initcall_start_cb`, `trace_initcall_finish_cb`, `trace_initcall_level_cb`). All three
/// print at KERN_DEBUG. `initcall_debug_enable()` registers them once, in `start_kernel()`.
extension BootEngine {
    /// "entering initcall level: %s" — 6.16 and later (``KernelVersion/printsInitcallLevel``);
    /// earlier kernels only fire the tracepoint.
    func traceInitcallLevel(_ name: String) {
        guard initcallDebug, version.printsInitcallLevel else { return }
        ctx.log(.KERN_DEBUG, "entering initcall level: \(name)")
    }

    /// "calling  %pS @ %i" — two spaces after "calling".
    func traceInitcallStart(_ index: Int) {
        guard initcallDebug else { return }
        ctx.log(.KERN_DEBUG, "calling  \(image.table[index].symbolText) @ \(ctx.pid)")
    }

    /// "initcall %pS returned %d after %lld usecs".
    func traceInitcallFinish(_ index: Int, ret: Int32, usecs: UInt64) {
        guard initcallDebug else { return }
        ctx.log(.KERN_DEBUG, "initcall \(image.table[index].symbolText) returned \(ret) after \(usecs) usecs")
    }
}
