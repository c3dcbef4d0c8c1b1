import KernelModel

/// One printk record of the ring buffer: what `dmesg` prints one line of.
public struct LogRecord: Sendable, Hashable, Codable {
    /// Virtual `local_clock()` time of the record, in nanoseconds.
    public var timestamp: UInt64
    public var level: LogLevel
    public var text: String
    /// The task that printed it (`task_pid_nr(current)`), for `CONFIG_PRINTK_CALLER`-style views.
    public var pid: Int32

    public init(timestamp: UInt64, level: LogLevel, text: String, pid: Int32) {
        self.timestamp = timestamp
        self.level = level
        self.text = text
        self.pid = pid
    }
}

/// Virtual time: nanoseconds since boot, advanced only by the simulation. Additions saturate,
/// so no user-given duration can trap.
public struct VirtualClock: Sendable, Hashable {
    public private(set) var now: UInt64 = 0

    public init() {}

    public mutating func advance(by nanoseconds: UInt64) {
        let (sum, overflow) = now.addingReportingOverflow(nanoseconds)
        now = overflow ? .max : sum
    }
}
