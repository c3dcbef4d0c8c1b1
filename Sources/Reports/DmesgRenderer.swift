import KernelBoot

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
        let seconds = nanoseconds / 1_000_000_000
        let micros = (nanoseconds % 1_000_000_000) / 1_000
        let secondsText = String(seconds)
        let microsText = String(micros)
        return "["
            + String(repeating: " ", count: max(0, 5 - secondsText.count)) + secondsText + "."
            + String(repeating: "0", count: 6 - microsText.count) + microsText + "]"
    }

    /// The whole log, one line per record, each ending in a newline.
    public static func render(_ result: BootResult, style: Style = .dmesg) -> String {
        var output = ""
        output.reserveCapacity(result.records.count * 64)
        for record in result.records {
            switch style {
            case .dmesg:
                output += timestamp(record.timestamp) + " " + record.text + "\n"
            case .raw:
                output += "<\(record.level.rawValue)>" + timestamp(record.timestamp) + " " + record.text + "\n"
            case .console:
                guard reachesConsole(record, result.options) else { continue }
                output += (result.options.printkTime ? timestamp(record.timestamp) + " " : "") + record.text + "\n"
            }
        }
        return output
    }

    /// `suppress_message_printing()`: a record reaches the console when its level is below
    /// `console_loglevel`, or always with `ignore_loglevel`.
    public static func reachesConsole(_ record: LogRecord, _ options: BootOptions) -> Bool {
        options.ignoreLoglevel || record.level.rawValue < options.consoleLoglevel
    }
}
