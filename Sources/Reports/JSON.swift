/// A JSON value with object keys kept in the order they were written, so that every output
/// document has one fixed, documented layout (and the same bytes on every run).
public enum JSON: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A signed integer.
    case int(Int64)
    /// An unsigned integer: virtual nanoseconds, addresses.
    case uint(UInt64)
    /// A decimal fraction, `value / 10^decimals`, written exactly and without trailing zeros
    /// (`.fixed(67002001, decimals: 3)` is `67002.001`; `.fixed(67002000, decimals: 3)` is
    /// `67002`): microseconds from nanoseconds, with no floating point in between.
    case fixed(Int64, decimals: Int)
    /// A string, escaped as JSON requires.
    case string(String)
    /// An array; one of scalars renders on one line.
    case array([JSON])
    /// An object whose members render in the order given.
    case object([(String, JSON)])

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.rendered() == rhs.rendered() }
    public func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    /// An integer from an `Int`.
    public static func int(_ value: Int) -> JSON { .int(Int64(value)) }
    /// An integer from an `Int32`: return values, PIDs.
    public static func int(_ value: Int32) -> JSON { .int(Int64(value)) }
    /// An array of strings.
    public static func strings(_ values: [String]) -> JSON { .array(values.map(JSON.string)) }
    /// Microseconds from virtual nanoseconds, exactly (`67002.001`).
    public static func microseconds(_ nanoseconds: UInt64) -> JSON {
        .fixed(Int64(clamping: nanoseconds), decimals: 3)
    }
    /// A string, or `null` when `value` is nil.
    public static func optional(_ value: String?) -> JSON { value.map(JSON.string) ?? .null }

    /// Pretty-printed with two-space indentation and a trailing newline.
    public func rendered() -> String {
        var output = ""
        write(to: &output, indent: 0)
        return output + "\n"
    }

    /// On one line, `{"key": value, …}`: for documents of many small records (a trace's
    /// events), one a line.
    public func renderedCompact() -> String {
        var output = ""
        writeCompact(to: &output)
        return output
    }

    /// Appends the compact rendering to `output`.
    public func writeCompact(to output: inout String) {
        switch self {
        case .array(let values):
            output += "["
            for (i, value) in values.enumerated() {
                if i > 0 { output += ", " }
                value.writeCompact(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (i, (key, value)) in members.enumerated() {
                if i > 0 { output += ", " }
                JSON.writeString(key, to: &output)
                output += ": "
                value.writeCompact(to: &output)
            }
            output += "}"
        default:
            write(to: &output, indent: 0)
        }
    }

    private func write(to output: inout String, indent: Int) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .int(let value): output += String(value)
        case .uint(let value): output += String(value)
        case .fixed(let value, let decimals): JSON.writeFixed(value, decimals: decimals, to: &output)
        case .string(let value): JSON.writeString(value, to: &output)
        case .array(let values):
            if values.isEmpty {
                output += "[]"
                return
            }
            // Arrays of scalars stay on one line; arrays of containers get one element a line.
            if values.allSatisfy(\.isScalar) {
                output += "["
                for (i, value) in values.enumerated() {
                    if i > 0 { output += ", " }
                    value.write(to: &output, indent: indent)
                }
                output += "]"
                return
            }
            output += "[\n"
            for (i, value) in values.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                value.write(to: &output, indent: indent + 1)
                output += i + 1 < values.count ? ",\n" : "\n"
            }
            output += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            if members.isEmpty {
                output += "{}"
                return
            }
            output += "{\n"
            for (i, (key, value)) in members.enumerated() {
                output += String(repeating: "  ", count: indent + 1)
                JSON.writeString(key, to: &output)
                output += ": "
                value.write(to: &output, indent: indent + 1)
                output += i + 1 < members.count ? ",\n" : "\n"
            }
            output += String(repeating: "  ", count: indent) + "}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .array, .object: return false
        default: return true
        }
    }

    private static func writeFixed(_ value: Int64, decimals: Int, to output: inout String) {
        let decimals = min(max(0, decimals), 18)
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let magnitude = value.magnitude
        if value < 0 { output += "-" }
        output += String(magnitude / scale)
        var fraction = String(magnitude % scale)
        guard decimals > 0, fraction != "0" else { return }
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        output += "." + fraction
    }

    private static func writeString(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default:
                output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
