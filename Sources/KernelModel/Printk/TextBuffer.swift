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
        Self.append(text, to: &bytes)
    }

    /// Appends the UTF-8 of `text` to `bytes` in one copy from its contiguous storage
    /// (`append(contentsOf: text.utf8)` walks the view byte by byte).
    public static func append(_ text: String, to bytes: inout [UInt8]) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { bytes.append(contentsOf: $0) }
        if copied == nil { bytes.append(contentsOf: text.utf8) }
    }

    /// Appends `value` in decimal, with a `-` when negative (`%d`, `%lld`).
    public mutating func appendDecimal(_ value: Int64) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(value.magnitude)
    }

    /// Appends `value` in decimal (`%u`, `%llu`).
    public mutating func appendDecimal(_ value: UInt64) {
        var divisor: UInt64 = 1
        while value / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        }
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

    /// A non-negative `value` in lowercase hexadecimal; a negative one as `String(_:radix:)`
    /// prints it (`-40`).
    public static func lowercase(_ value: Int) -> String {
        value >= 0 ? lowercase(UInt64(value)) : String(value, radix: 16)
    }
}
