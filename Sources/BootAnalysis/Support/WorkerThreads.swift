import Foundation

/// A task executor backed by its own threads, so that synchronous callers (the command-line
/// tool, the benchmark, a test already running on the cooperative pool) can wait for
/// structured concurrency without blocking a thread that the work itself needs.
///
/// Tasks started with this executor as their preference, and all their child tasks, run on
/// these threads; `run` blocks the caller until the root task finishes.
final class WorkerThreads: TaskExecutor, @unchecked Sendable {
    // Guarded by `condition`.
    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var head = 0
    private var stopping = false

    init(count: Int) {
        for index in 0..<max(1, count) {
            let thread = Thread { [self] in work() }
            thread.name = "initcall-sim worker \(index)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        condition.lock()
        jobs.append(unowned)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while head == jobs.count, !stopping { condition.wait() }
            if head == jobs.count {
                condition.unlock()
                return
            }
            let job = jobs[head]
            head += 1
            // Drop consumed slots now and then so the queue does not grow without bound.
            if head > 1024, head * 2 > jobs.count {
                jobs.removeFirst(head)
                head = 0
            }
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }

    /// Lets the threads finish once the queue is empty.
    private func shutDown() {
        condition.lock()
        stopping = true
        condition.broadcast()
        condition.unlock()
    }

    /// Runs `body` on `count` threads of its own and waits for its result.
    static func run<T: Sendable>(threads count: Int, _ body: @escaping @Sendable () async -> T) -> T {
        let pool = WorkerThreads(count: count)
        defer { pool.shutDown() }
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task(executorPreference: pool) {
            box.store(await body())
            done.signal()
        }
        done.wait()
        // The task stored its result before signalling.
        guard let value = box.load() else { preconditionFailure("worker task ended without a result") }
        return value
    }
}

/// A value handed from a task to a waiting thread.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T?

    func store(_ newValue: T) {
        lock.lock()
        value = newValue
        lock.unlock()
    }

    func load() -> T? {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
