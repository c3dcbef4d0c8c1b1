/// A function handed to `async_schedule()` (kernel/async.c, 2.6.29 on): `static void
/// fn(void *data, async_cookie_t cookie)`, run by a worker thread while the boot goes on —
/// libata's `async_port_probe`, the floppy driver's `floppy_async_init`, `sd_probe_async`.
///
/// `async_schedule()` gives it the next cookie (`next_cookie++`, from 1) and queues it;
/// a worker picks it up ``delay`` later and runs it. From 2.6.29 to 3.17, with
/// `initcall_debug`, the worker prints `calling  <cookie>_<fn>+0x0/0x<size> @ <pid>` and
/// `initcall <cookie>_<fn>+0x0/0x<size> returned 0 after N usecs` around it, which is how real
/// logs of those releases show it; `async_synchronize_full()` waits for every one scheduled.
public struct AsyncFunction: Sendable, Hashable {
    /// One line the function prints: at ``at`` into its ``time``, or after it (nil).
    public struct Line: Sendable, Hashable {
        public var level: LogLevel
        public var text: String
        public var at: UInt64?

        public init(_ level: LogLevel, _ text: String, at: UInt64? = nil) {
            self.level = level
            self.text = text
            self.at = at
        }
    }

    /// The symbol name `%pF` prints after the cookie.
    public var name: String
    /// The symbol size: `name+0x0/0x<size>`.
    public var size: Int
    /// Virtual time the worker spends in it (busy).
    public var time: UInt64
    /// From `async_schedule()` to a worker calling it: how long the entry waits for a worker.
    public var delay: UInt64
    /// `task_pid_nr(current)` of the worker that runs it (a kworker's pid, which real logs
    /// name); nil: the first idle worker of the unbound pool (see ``firstPoolPID``).
    public var pid: Int32?
    /// Whether it first calls `async_synchronize_cookie(cookie)`, waiting for every entry
    /// scheduled before it, as libata's `async_port_probe()` does for a host that may not scan
    /// its ports in parallel.
    public var synchronizesCookie: Bool
    /// What it prints, in order: the timed lines first, each at its moment of ``time``.
    public var printk: [Line]

    /// The pid the boot gives the first worker of its pool, as real 3.x x86 logs show the first
    /// unbound kworker (`kworker/u:0`); each worker the pool adds takes the next free number.
    public static let firstPoolPID: Int32 = 6

    public init(
        _ name: String, size: Int? = nil, time: UInt64 = 0, delay: UInt64 = 0, pid: Int32? = nil,
        synchronizesCookie: Bool = false, printk: [Line] = []
    ) {
        self.name = name
        self.size = size ?? InitFunction.defaultSize(for: name)
        self.time = time
        self.delay = delay
        self.pid = pid
        self.synchronizesCookie = synchronizesCookie
        self.printk = printk
    }
}
