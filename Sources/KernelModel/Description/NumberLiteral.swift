/// Numbers as `.boot` files write them, read strictly: ASCII digits only, at most one sign
/// where a sign makes sense, `0x` only where a size is written. Swift's `Int("+4")` and
/// `Int("+10", radix: 16)` accept forms nobody means (`preempt=++1` reached it as `+1`,
/// `size=0x+10` as 16); these do not.
enum NumberLiteral {
    /// `123`, `+123`, `-123`; nil for anything else or a value that does not fit.
    static func signedDecimal(_ text: String) -> Int? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        guard let magnitude = unsignedDecimal(String(digits)) else { return nil }
        return negative ? -magnitude : magnitude
    }

    /// `123`; no sign, no prefix.
    static func unsignedDecimal(_ text: String) -> Int? {
        digits(text, radix: 10)
    }

    /// `64` or `0x40`: a size in bytes.
    static func size(_ text: String) -> Int? {
        if text.hasPrefix("0x") || text.hasPrefix("0X") { return digits(String(text.dropFirst(2)), radix: 16) }
        return unsignedDecimal(text)
    }

    /// A non-empty run of ASCII digits of `radix` (10 or 16), nil on overflow.
    private static func digits(_ text: String, radix: Int) -> Int? {
        guard !text.isEmpty, text.utf8.allSatisfy({ isDigit($0, radix: radix) }) else { return nil }
        return Int(text, radix: radix)
    }

    private static func isDigit(_ byte: UInt8, radix: Int) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): return radix == 16
        default: return false
        }
    }
}
