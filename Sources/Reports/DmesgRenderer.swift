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
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        appendTimestamp(nanoseconds, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `[%5lu.%06lu]` written as bytes: the renderer writes one per record, and building each
    /// from `String`s cost more than the rest of the line.
    static func appendTimestamp(_ nanoseconds: UInt64, to bytes: inout [UInt8]) {
        let seconds = nanoseconds / 1_000_000_000
        let micros = (nanoseconds % 1_000_000_000) / 1_000
        bytes.append(UInt8(ascii: "["))
        // Seconds: at most 19 digits (UInt64 nanoseconds / 10^9 < 1.9 × 10^10), so the divisor
        // cannot overflow.
        var divisor: UInt64 = 1
        var width = 1
        while seconds / divisor >= 10 {
            divisor *= 10
            width += 1
        }
        for _ in width..<max(5, width) { bytes.append(UInt8(ascii: " ")) }
        appendDigits(seconds, divisor: divisor, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        appendDigits(micros, divisor: 100_000, to: &bytes)
        bytes.append(UInt8(ascii: "]"))
    }

    /// The decimal digits of `value` from the place `divisor` down to the units.
    private static func appendDigits(_ value: UInt64, divisor: UInt64, to bytes: inout [UInt8]) {
        var divisor = divisor
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// The whole log, one line per record, each ending in a newline.
    public static func render(_ result: BootResult, style: Style = .dmesg) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(result.records.count * 80)
        for record in result.records {
            switch style {
            case .dmesg:
                appendTimestamp(record.timestamp, to: &output)
                output.append(UInt8(ascii: " "))
            case .raw:
                output.append(contentsOf: "<\(record.level.rawValue)>".utf8)
                appendTimestamp(record.timestamp, to: &output)
                output.append(UInt8(ascii: " "))
            case .console:
                guard reachesConsole(record, result.options) else { continue }
                if result.options.printkTime {
                    appendTimestamp(record.timestamp, to: &output)
                    output.append(UInt8(ascii: " "))
                }
            }
            TextBuffer.append(record.text, to: &output)
            output.append(UInt8(ascii: "\n"))
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `suppress_message_printing()`: a record reaches the console when its level is below
    /// `console_loglevel`, or always with `ignore_loglevel`.
    public static func reachesConsole(_ record: LogRecord, _ options: BootOptions) -> Bool {
        options.ignoreLoglevel || record.level.rawValue < options.consoleLoglevel
    }
}
