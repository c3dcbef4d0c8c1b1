/// Numbers as `.boot` files write them, read strictly: ASCII digits only, at most one sign
/// where a sign makes sense, `0x` only where a size is written. Swift's `Int("+4")` and
/// `Int("+10", radix: 16)` accept forms nobody means (`preempt=++1` reached it as `+1`,
/// `size=0x+10` as 16); these do not.
enum NumberLiteral {
    /// `123`, `+123`, `-123`; nil for anything else or a value that does not fit.
    static func signedDecimal(_ text: String) -> Int? {
        text.withUTF8Bytes(signedDecimal)
    }

    /// ``signedDecimal(_:)`` of UTF-8 bytes (the `.boot` reader's values, in place).
    static func signedDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var digits = bytes[...]
        var negative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard let magnitude = number(digits, radix: 10) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// `123`; no sign, no prefix.
    static func unsignedDecimal(_ text: String) -> Int? {
        text.withUTF8Bytes { number($0[...], radix: 10) }
    }

    /// `64` or `0x40`: a size in bytes.
    static func size(_ text: String) -> Int? {
        text.withUTF8Bytes(size)
    }

    /// ``size(_:)`` of UTF-8 bytes.
    static func size(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "0"),
            bytes[1] == UInt8(ascii: "x") || bytes[1] == UInt8(ascii: "X")
        {
            return number(bytes.dropFirst(2), radix: 16)
        }
        return number(bytes[...], radix: 10)
    }

    /// The value of 1 to 16 hexadecimal digits (a `%p` after its `0x`: 64-bit addresses
    /// overflow an `Int`), or nil; no sign, unlike `UInt64(_:radix:)`.
    static func address(_ digits: Substring) -> UInt64? {
        guard (1...16).contains(digits.utf8.count), digits.allSatisfy(\.isHexDigit) else { return nil }
        return UInt64(digits, radix: 16)
    }

    /// A non-empty run of ASCII digits of `radix` (10 or 16), nil on overflow.
    private static func number(_ digits: Slice<UnsafeBufferPointer<UInt8>>, radix: Int) -> Int? {
        guard !digits.isEmpty else { return nil }
        var value = 0
        for byte in digits {
            guard let digit = digitValue(byte, radix: radix) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: radix)
            let (sum, carry) = shifted.addingReportingOverflow(digit)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// The value of the digit `byte` in `radix` (10 or 16), or nil.
    private static func digitValue(_ byte: UInt8, radix: Int) -> Int? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: Int(byte - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
