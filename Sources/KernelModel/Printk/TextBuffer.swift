import SourceInput

/// A line of log text built as UTF-8 bytes: the `initcall_debug` lines and `%pS` symbols a
/// boot prints for every call. Appending to a byte buffer sized once, with integers written
/// digit by digit, costs a fraction of an interpolation (which regrows its storage and formats
/// integers through the standard library's generic `String(_:radix:)`).
public struct TextBuffer: Sendable {
    private var bytes: [UInt8] = []
    private static let digits = Array("0123456789abcdef".utf8)

    /// An empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 64) {
        bytes.reserveCapacity(capacity)
    }

    /// The text so far.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `text`.
    public mutating func append(_ text: String) {
        // In one copy from its contiguous storage: `append(contentsOf: text.utf8)` walks the
        // view byte by byte.
        text.withUTF8Bytes { bytes.append(contentsOf: $0) }
    }

    /// Appends one byte (an ASCII character).
    public mutating func append(byte: UInt8) {
        bytes.append(byte)
    }

    /// Appends a printk timestamp as `print_time()` writes it, `%5lu.%06lu`: the seconds
    /// right-aligned in five columns (more when needed), then the microseconds.
    public mutating func appendTimestamp(_ nanoseconds: UInt64) {
        appendDecimal(nanoseconds / 1_000_000_000, width: 5, padding: UInt8(ascii: " "))
        bytes.append(UInt8(ascii: "."))
        appendDecimal(nanoseconds % 1_000_000_000 / 1_000, width: 6, padding: UInt8(ascii: "0"))
    }

    /// ``appendTimestamp(_:)`` of one value (`    0.123456`).
    public static func timestamp(_ nanoseconds: UInt64) -> String {
        var buffer = TextBuffer(capacity: 16)
        buffer.appendTimestamp(nanoseconds)
        return buffer.text
    }

    /// Appends `value` in decimal, with a `-` when negative (`%d`, `%lld`).
    public mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    /// Appends `value` in decimal (`%u`, `%llu`), right-aligned in `width` columns filled with
    /// `padding` (`%5lu`, `%06lu`).
    public mutating func appendDecimal(_ value: UInt64, width: Int = 0, padding: UInt8 = UInt8(ascii: " ")) {
        // At most 20 digits: the divisor stops at 10^19, below UInt64.max.
        var divisor: UInt64 = 1
        var digits = 1
        while value / divisor >= 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<max(digits, width) { bytes.append(padding) }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
    }

    /// Appends a signed `value` in hexadecimal as `String(_:radix: 16)` writes it: a symbol
    /// size is never negative, but one written by hand in Swift may be (`-40`).
    public mutating func appendHex(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendHex(UInt64(value.magnitude))
    }

    /// Appends `value` in lowercase hexadecimal without a prefix (`%lx`).
    public mutating func appendHex(_ value: UInt64) {
        var shift = 60
        while shift > 0, value >> UInt64(shift) == 0 { shift -= 4 }
        while shift >= 0 {
            bytes.append(Self.digits[Int((value >> UInt64(shift)) & 0xf)])
            shift -= 4
        }
    }
}

/// `%lx` of one value (see ``TextBuffer``).
public enum HexDigits {
    /// `value` in lowercase hexadecimal (`40` for 64, `0` for 0).
    public static func lowercase(_ value: UInt64) -> String {
        var buffer = TextBuffer(capacity: 16)
        buffer.appendHex(value)
        return buffer.text
    }

    /// `value` in lowercase hexadecimal, a negative one with a `-` as `String(_:radix:)`
    /// prints it (`-40`).
    public static func lowercase(_ value: Int) -> String {
        var buffer = TextBuffer(capacity: 17)
        buffer.appendHex(value)
        return buffer.text
    }
}
