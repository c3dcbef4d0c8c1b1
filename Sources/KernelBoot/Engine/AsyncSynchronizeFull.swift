import KernelModel

/// `async_synchronize_full()` (kernel/async.c): waits until every entry `async_schedule()` was
/// given so far has finished (``AsyncFunction``). In the releases that print it under
/// `initcall_debug`, or with kernel/async.c's `pr_debug()` turned on (``KernelVersion/AsyncDebug``), it says so, as a 2.6.29–3.x log
/// shows after the initcalls and before init memory is freed.
extension BootEngine {
    func asyncSynchronizeFull() {
        let prints = ctx.asyncWork.printsWaits
        if prints { ctx.log(.KERN_DEBUG, "async_waiting @ \(ctx.pid)") }
        // starttime is taken after the line.
        let start = ctx.ktime_get
        ctx.waitForAsyncWork()
        guard prints else { return }
        ctx.log(.KERN_DEBUG, "async_continuing @ \(ctx.pid) after \((ctx.ktime_get &- start) >> 10) usec")
    }
}
