import Foundation

/// Runs `work` on a thread with a 512 KB stack — what a secondary thread gets on macOS, and
/// far less than the main thread's 8 MB — and returns its result (nil only if the thread never
/// ran): work that recursed in proportion to its input would crash the test run here.
func onSmallStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T? {
    let box = SmallStackResult<T>()
    let thread = Thread {
        box.value = work()
        box.done.signal()
    }
    thread.stackSize = 512 * 1024
    thread.start()
    box.done.wait()
    return box.value
}

/// The result slot of ``onSmallStack(_:)``: written by the thread before it signals, read after.
private final class SmallStackResult<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
