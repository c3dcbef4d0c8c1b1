import KernelModel

/// One entry of kernel/async.c as a worker ran it: the function `async_schedule()` was handed,
/// its cookie, the worker, and when it was queued, started and finished.
public struct AsyncRun: Sendable, Hashable {
    /// `async_cookie_t`: 1 for the first entry of the boot, then one more per `async_schedule()`.
    public var cookie: UInt64
    /// The function, as ``AsyncFunction/name``.
    public var function: String
    /// `%pF` of it: `name+0x0/0xsize`.
    public var symbolText: String
    /// The worker's pid.
    public var pid: Int32
    /// The index in ``BootResult/runs`` of the initcall that scheduled it; nil outside one.
    public var scheduledBy: Int?
    /// When `async_schedule()` queued it, virtual nanoseconds.
    public var scheduled: UInt64
    /// When the worker called it (its `calling` line).
    public var start: UInt64
    /// When it returned and the worker woke the waiters.
    public var end: UInt64
    /// What `ktime_get()` measured around the call, the duration its `returned` line prints.
    public var measured: UInt64

    /// ``measured`` in whole microseconds.
    public var durationMicroseconds: UInt64 { measured / 1_000 }
}

extension BootResult {
    /// The async entries a worker started before the boot ended (all of them once init ran:
    /// `async_synchronize_full()` waited for them); a panic stops the other CPUs first.
    public var startedAsyncRuns: [AsyncRun] {
        reachedInit ? asyncRuns : asyncRuns.filter { $0.start <= bootEndTime }
    }
}

/// kernel/async.c as the boot runs it: the next cookie, the entries still running, and the
/// lines their workers print, which reach the ring buffer in time order among the boot's own.
///
/// A worker runs on another CPU while PID 1 goes on, so the simulation works each entry out
/// whole when it is scheduled — the worker's own clock from ``AsyncFunction/delay`` on — and
/// keeps its lines until the boot's clock reaches them: each record PID 1 (or a loader) prints
/// first lets through the worker lines stamped at or before it.
struct AsyncWork {
    /// How the workers' `initcall_debug` lines print this boot; nil when they do not (no
    /// `initcall_debug`, a release without them, or the system no longer booting).
    var printing: Printing?
    /// `next_cookie`.
    var nextCookie: UInt64 = 1
    /// When the last entry scheduled so far finishes: what `async_synchronize_full()` and
    /// `async_synchronize_cookie()` of a later entry wait for.
    var lastDone: UInt64 = 0
    /// The workers' lines not in the ring buffer yet, earliest first.
    var pending = PendingRecords()
    /// Every entry run, in cookie order.
    var runs: [AsyncRun] = []
    /// When each worker is free again: a worker runs one entry at a time, so an entry given to
    /// a busy one starts once its last entry has finished.
    var workerFree: [Int32: UInt64] = [:]
    /// The unbound pool's workers (`system_unbound_wq`, which `async_schedule()` queues on),
    /// lowest pid first, for entries that name none.
    var pool: [Int32] = []
    /// The next pid a worker the pool adds may take.
    var nextPoolPID = AsyncFunction.firstPoolPID
    /// `WQ_UNBOUND_MAX_ACTIVE`: at most 512 of the pool's entries run at once (the kernel allows
    /// 4 per possible CPU beyond 128 CPUs; the model keeps 512); the rest wait for a worker.
    static let maxActive = 512

    /// Whether `async_synchronize_cookie_domain()` prints its `async_waiting`/`async_continuing`
    /// pair (PID 1's in `async_synchronize_full()`, a worker's in `async_synchronize_cookie()`).
    var printsWaits = false

    struct Printing {
        /// `calling`/`returned`: no level before 2.6.36, `KERN_DEBUG` from it.
        var level: LogLevel
        /// `returned 0 after` (before 5.13) or `returned after`.
        var returnedZero = true
    }
}

/// A min-heap of log records by (timestamp, order of arrival): the workers' lines, however
/// many, each pushed and popped in O(log n).
struct PendingRecords {
    private var heap: [(record: LogRecord, order: Int)] = []
    private var arrivals = 0

    var isEmpty: Bool { heap.isEmpty }
    var earliest: UInt64? { heap.first?.record.timestamp }

    mutating func push(_ record: LogRecord) {
        heap.append((record, arrivals))
        arrivals += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.precedes(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> LogRecord? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let top = heap.removeLast().record
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var first = parent
            if left < heap.count, Self.precedes(heap[left], heap[first]) { first = left }
            if right < heap.count, Self.precedes(heap[right], heap[first]) { first = right }
            guard first != parent else { break }
            heap.swapAt(parent, first)
            parent = first
        }
        return top
    }

    private static func precedes(_ a: (record: LogRecord, order: Int), _ b: (record: LogRecord, order: Int)) -> Bool {
        a.record.timestamp != b.record.timestamp ? a.record.timestamp < b.record.timestamp : a.order < b.order
    }
}

extension RunningKernel {
    /// `async_schedule()` → `async_run_entry_fn()` (kernel/async.c, 2.6.36–3.17; 2.6.29's
    /// `run_one_entry()` prints the same lines without a level): the worker prints `calling
    /// %lli_%pF @ %i`, takes `calltime`, runs the function — after `async_synchronize_cookie()`
    /// when it waits for the entries before it — and prints `initcall %lli_%pF returned 0 after
    /// %lld usecs`, the `ktime_get()` span `>> 10`; then it wakes the waiters.
    public func async_schedule(_ function: AsyncFunction) -> UInt64 {
        let cookie = asyncWork.nextCookie
        asyncWork.nextCookie &+= 1
        let printing = halted == nil ? asyncWork.printing : nil
        let symbolText = "\(function.name)+0x0/0x\(String(function.size, radix: 16))"
        let symbol = "\(cookie)_\(symbolText)"
        let queued = clock.now.addingSaturating(function.delay)
        let pid = function.pid ?? poolWorker(at: queued)
        var worker = WorkerClock(now: max(queued, asyncWork.workerFree[pid] ?? 0), cost: printkCost, pid: pid)
        let start = worker.now
        if let printing {
            worker.print(printing.level, "calling  \(symbol) @ \(pid)", into: &asyncWork.pending)
        }
        let calltime = worker.now
        if function.synchronizesCookie { synchronizeCookie(&worker) }
        let bodyStart = worker.now
        var index = 0
        while index < function.printk.count, let at = function.printk[index].at {
            worker.now = max(worker.now, bodyStart.addingSaturating(at))
            worker.print(function.printk[index].level, function.printk[index].text, into: &asyncWork.pending)
            index += 1
        }
        worker.now = max(worker.now, bodyStart.addingSaturating(function.time))
        while index < function.printk.count {
            worker.print(function.printk[index].level, function.printk[index].text, into: &asyncWork.pending)
            index += 1
        }
        let measured = clocksource.ktime(worker.now) &- clocksource.ktime(calltime)
        if let printing {
            let returned = printing.returnedZero ? "returned 0 after" : "returned after"
            worker.print(
                printing.level, "initcall \(symbol) \(returned) \(measured >> 10) usecs", into: &asyncWork.pending)
        }
        asyncWork.lastDone = max(asyncWork.lastDone, worker.now)
        asyncWork.workerFree[pid] = worker.now
        asyncWork.runs.append(
            AsyncRun(
                cookie: cookie, function: function.name, symbolText: symbolText,
                pid: pid, scheduledBy: runningEntry >= 0 ? currentRun : nil, scheduled: clock.now,
                start: start, end: worker.now, measured: measured))
        return cookie
    }

    /// The pool worker that runs an entry queued at `queued`: the idle one with the lowest pid,
    /// else a new one while the pool has fewer than ``AsyncWork/maxActive``, else the one that
    /// is free first. A new worker takes the next pid no worker named by a description holds.
    private func poolWorker(at queued: UInt64) -> Int32 {
        var earliest: (pid: Int32, free: UInt64)?
        for pid in asyncWork.pool {
            let free = asyncWork.workerFree[pid] ?? 0
            if free <= queued { return pid }
            if free < earliest?.free ?? .max { earliest = (pid, free) }
        }
        if asyncWork.pool.count < AsyncWork.maxActive { return addPoolWorker() }
        return earliest?.pid ?? addPoolWorker()
    }

    /// A new pool worker: the next pid no worker a description named holds.
    private func addPoolWorker() -> Int32 {
        while asyncWork.workerFree[asyncWork.nextPoolPID] != nil, asyncWork.nextPoolPID < Int32.max {
            asyncWork.nextPoolPID += 1
        }
        let pid = asyncWork.nextPoolPID
        asyncWork.pool.append(pid)
        if asyncWork.nextPoolPID < Int32.max { asyncWork.nextPoolPID += 1 }
        return pid
    }

    /// `async_synchronize_cookie(cookie)` on the worker: `async_waiting @ %i`, the wait for
    /// every entry before it, `async_continuing @ %i after %lli usec` (2.6.29–3.17).
    private func synchronizeCookie(_ worker: inout WorkerClock) {
        let prints = asyncWork.printsWaits && halted == nil
        if prints { worker.print(.KERN_DEBUG, "async_waiting @ \(worker.pid)", into: &asyncWork.pending) }
        let start = worker.now
        worker.now = max(worker.now, asyncWork.lastDone)
        let waited = (clocksource.ktime(worker.now) &- clocksource.ktime(start)) >> 10
        if prints {
            worker.print(.KERN_DEBUG, "async_continuing @ \(worker.pid) after \(waited) usec", into: &asyncWork.pending)
        }
    }

    /// Decides, once `initcall_debug` and `dyndbg=` are known, what kernel/async.c prints this
    /// boot (``KernelVersion/AsyncDebug``): in 3.18 on, the `pr_debug()` call sites of
    /// `async_run_entry_fn()` and `async_synchronize_cookie_domain()` in kernel/async.c, as a
    /// `dyndbg="file kernel/async.c +p"` query turns them on.
    func decideAsyncPrinting(initcallDebug: Bool) {
        switch machine.version.asyncDebug {
        case .none:
            break
        case .printk(let level):
            guard initcallDebug else { return }
            asyncWork.printing = .init(level: level)
            asyncWork.printsWaits = true
        case .prDebug(let guarded):
            guard !guarded || initcallDebug else { return }
            // kernel/async.c built with -DDEBUG (an `object kernel/async.o -DDEBUG` line)
            // prints every pr_debug(); else dynamic debug decides per call site.
            let object = "kernel/async.o"
            let debug = debugObjects.contains(object)
            let dynamic = machine.config.dynamicDebug
            if debug || dynamic && dynamicDebug.enabled(function: "async_run_entry_fn", object: object) {
                asyncWork.printing = .init(level: .KERN_DEBUG, returnedZero: guarded)
            }
            asyncWork.printsWaits =
                debug || dynamic && dynamicDebug.enabled(function: "async_synchronize_cookie_domain", object: object)
        }
    }

    /// `system_state = SYSTEM_RUNNING`: the releases whose lines print only while the system
    /// boots stop printing them.
    func asyncSystemRunning() {
        if case .prDebug(guarded: false) = machine.version.asyncDebug { return }
        asyncWork.printing = nil
        asyncWork.printsWaits = false
    }

    /// Waits, as `async_synchronize_full()` does, until every entry scheduled so far has
    /// finished, and lets their lines into the ring buffer.
    func waitForAsyncWork() {
        if asyncWork.lastDone > clock.now { clock.set(asyncWork.lastDone) }
        flushAsyncRecords()
    }

    /// Moves the workers' lines stamped at or before now into the ring buffer.
    func flushAsyncRecords() {
        while let earliest = asyncWork.pending.earliest, earliest <= clock.now, let record = asyncWork.pending.pop() {
            records.append(record)
        }
    }
}

/// A worker's own clock while the simulation works an entry out: each line it prints costs
/// it one record's time, as PID 1's do.
private struct WorkerClock {
    var now: UInt64
    let cost: UInt64
    let pid: Int32

    mutating func print(_ level: LogLevel, _ text: String, into pending: inout PendingRecords) {
        pending.push(LogRecord(timestamp: now, level: level, text: text, pid: pid))
        now = now.addingSaturating(cost)
    }
}

extension UInt64 {
    /// `self + other`, at most `UInt64.max`: virtual times from user input never trap.
    fileprivate func addingSaturating(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
