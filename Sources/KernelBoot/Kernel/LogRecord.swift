import KernelModel

/// One printk record of the ring buffer: what `dmesg` prints one line of.
public struct LogRecord: Sendable, Hashable, Codable {
    /// Virtual `local_clock()` time of the record, in nanoseconds.
    public var timestamp: UInt64
    /// The level it was stored at; `dmesg -r` prints it as `<n>`.
    public var level: LogLevel
    /// The line, without level prefix or timestamp.
    public var text: String
    /// The task that printed it (`task_pid_nr(current)`), for `CONFIG_PRINTK_CALLER`-style views.
    public var pid: Int32

    /// A record printed at `timestamp` by task `pid`.
    public init(timestamp: UInt64, level: LogLevel, text: String, pid: Int32) {
        self.timestamp = timestamp
        self.level = level
        self.text = text
        self.pid = pid
    }
}
