import KernelModel

/// `async_synchronize_full()` (kernel/async.c): waits for every async function call scheduled
/// so far. The model schedules none, so it returns at once; in the releases that printed it
/// under `initcall_debug` (``KernelVersion/printsAsyncSynchronize``) it still says so, as a
/// 2.6.29–3.x log shows after the initcalls and before init memory is freed.
extension BootEngine {
    func asyncSynchronizeFull() {
        guard initcallDebug, version.printsAsyncSynchronize else { return }
        ctx.log(.KERN_DEBUG, "async_waiting @ \(ctx.pid)")
        // starttime is taken after the line; nothing is pending, so no time passes.
        let start = ctx.clock.now
        ctx.log(.KERN_DEBUG, "async_continuing @ \(ctx.pid) after \((ctx.clock.now &- start) >> 10) usec")
    }
}
