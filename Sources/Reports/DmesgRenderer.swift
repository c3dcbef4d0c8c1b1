import KernelBoot
import KernelModel

/// Renders log records the way the kernel's readers show them.
public enum DmesgRenderer {
    /// Which reader's view of the log buffer to render.
    public enum Style: String, Sendable, CaseIterable {
        /// `dmesg`: every record, `[%5lu.%06lu] text`.
        case dmesg
        /// `dmesg -r`: every record with its raw `<level>` prefix (facility 0, kernel).
        case raw
        /// The console: only records below `console_loglevel` (all with `ignore_loglevel`),
        /// timestamps only with `printk.time`.
        case console
    }

    /// `[    0.123456]`: seconds right-aligned in five columns, then microseconds.
    public static func timestamp(_ nanoseconds: UInt64) -> String {
        var buffer = TextBuffer(capacity: 16)
        appendTimestamp(nanoseconds, to: &buffer)
        return buffer.text
    }

    /// `[%5lu.%06lu]`, written as bytes: the renderer writes one per record, and building each
    /// from `String`s cost more than the rest of the line.
    static func appendTimestamp(_ nanoseconds: UInt64, to buffer: inout TextBuffer) {
        buffer.append(byte: UInt8(ascii: "["))
        buffer.appendTimestamp(nanoseconds)
        buffer.append(byte: UInt8(ascii: "]"))
    }

    /// `[    T1]`: `print_caller()`'s task id, right-aligned in six columns (`[%6s]`).
    static func appendCaller(_ pid: Int32, to buffer: inout TextBuffer) {
        let id = "T\(pid)"
        buffer.append(byte: UInt8(ascii: "["))
        for _ in 0..<max(0, 6 - id.utf8.count) { buffer.append(byte: UInt8(ascii: " ")) }
        buffer.append(id)
        buffer.append(byte: UInt8(ascii: "]"))
    }

    /// The whole log, one line per record, each ending in a newline.
    public static func render(_ result: BootResult, style: Style = .dmesg) -> String {
        var output = TextBuffer(capacity: result.records.count * 80)
        // CONFIG_PRINTK_CALLER: the caller after the time (info_print_prefix()).
        let caller = result.image.description.config.printkCaller
        for record in result.records {
            switch style {
            case .dmesg:
                appendTimestamp(record.timestamp, to: &output)
                if caller { appendCaller(record.pid, to: &output) }
                output.append(byte: UInt8(ascii: " "))
            case .raw:
                output.append("<\(record.level.rawValue)>")
                appendTimestamp(record.timestamp, to: &output)
                if caller { appendCaller(record.pid, to: &output) }
                output.append(byte: UInt8(ascii: " "))
            case .console:
                guard reachesConsole(record, result.options) else { continue }
                if result.options.printkTime { appendTimestamp(record.timestamp, to: &output) }
                if caller { appendCaller(record.pid, to: &output) }
                if result.options.printkTime || caller { output.append(byte: UInt8(ascii: " ")) }
            }
            output.append(record.text)
            output.append(byte: UInt8(ascii: "\n"))
        }
        return output.text
    }

    /// `suppress_message_printing()`: a record reaches the console when its level is below
    /// `console_loglevel`, or always with `ignore_loglevel`.
    public static func reachesConsole(_ record: LogRecord, _ options: BootOptions) -> Bool {
        options.ignoreLoglevel || record.level.rawValue < options.consoleLoglevel
    }
}
