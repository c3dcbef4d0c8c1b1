import SourceInput

/// Durations in `.boot` files: a decimal number and a unit, `120us`, `3ms`, `2.5ms`, `1s`,
/// `500ns` (`µs` too), or `0`. Converted to nanoseconds with integer arithmetic only; anything
/// over a day is rejected rather than overflowing.
enum DurationParser {
    static let maximum: UInt64 = 86_400 * 1_000_000_000

    static let units: [([UInt8], UInt64)] = [
        (Array("ns".utf8), 1), (Array("us".utf8), 1_000), (Array("µs".utf8), 1_000), (Array("ms".utf8), 1_000_000),
        (Array("s".utf8), 1_000_000_000),
    ]

    /// On the UTF-8 bytes: the unit is the first of ``units`` the text ends with, the number
    /// before it ASCII digits (at most twelve), optionally a dot and one to nine more.
    static func nanoseconds(_ text: String) -> UInt64? {
        // Over the contiguous UTF-8 storage: one `time=` per registration line, and copying
        // it into an array first cost more than reading it.
        text.withUTF8Bytes(nanoseconds)
    }

    /// A duration as a diagnostic spells it: in the largest unit that divides it (`12us`,
    /// `1500ns`), so that it reads back as the same value.
    static func describe(_ nanoseconds: UInt64) -> String {
        for (unit, scale) in [("s", 1_000_000_000), ("ms", 1_000_000), ("us", 1_000)] as [(String, UInt64)]
        where nanoseconds > 0 && nanoseconds % scale == 0 {
            return "\(nanoseconds / scale)\(unit)"
        }
        return "\(nanoseconds)ns"
    }

    /// ``nanoseconds(_:)`` of UTF-8 bytes (the `.boot` reader's attribute values, in place).
    static func nanoseconds(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        if bytes.count == 1, bytes[0] == UInt8(ascii: "0") { return 0 }
        guard
            let (suffix, scale) = units.first(where: {
                bytes.count >= $0.0.count && bytes.suffix($0.0.count).elementsEqual($0.0)
            })
        else { return nil }
        let number = bytes.dropLast(suffix.count)
        let dot = number.firstIndex(of: UInt8(ascii: "."))
        let wholeDigits = number[..<(dot ?? number.endIndex)]
        guard !wholeDigits.isEmpty, wholeDigits.count <= 12, let whole = decimal(wholeDigits) else { return nil }
        var total = whole.multipliedReportingOverflow(by: scale)
        guard !total.overflow else { return nil }
        if let dot {
            let fraction = number[(dot + 1)...]
            guard !fraction.isEmpty, fraction.count <= 9, let digits = decimal(fraction) else { return nil }
            var divisor: UInt64 = 1
            for _ in 0..<fraction.count { divisor *= 10 }
            let (scaled, overflow) = digits.multipliedReportingOverflow(by: scale)
            guard !overflow, scaled % divisor == 0 else { return nil }
            total = total.partialValue.addingReportingOverflow(scaled / divisor)
            guard !total.overflow else { return nil }
        }
        return total.partialValue <= maximum ? total.partialValue : nil
    }

    /// ASCII digits only (at most twelve, so no overflow).
    private static func decimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64? {
        var value: UInt64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
