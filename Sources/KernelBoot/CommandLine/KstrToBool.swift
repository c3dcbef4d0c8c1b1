/// `kstrtobool()` (lib/kstrtox.c): looks at the first character only (two for `o`).
enum KstrToBool {
    static func parse(_ text: String?) -> Bool? {
        guard let text, let first = text.utf8.first else { return nil }
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "1"), UInt8(ascii: "t"), UInt8(ascii: "T"):
            return true
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "0"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            return false
        case UInt8(ascii: "o"), UInt8(ascii: "O"):
            let bytes = Array(text.utf8)
            guard bytes.count > 1 else { return nil }
            switch bytes[1] {
            case UInt8(ascii: "n"), UInt8(ascii: "N"): return true
            case UInt8(ascii: "f"), UInt8(ascii: "F"): return false
            default: return nil
            }
        default:
            return nil
        }
    }

    /// `get_option()`'s integer: optional sign, then `simple_strtol(…, 0)` digits (0x hex,
    /// leading-0 octal). Nil when no digit comes first.
    static func integer(_ text: String?) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        var body = Substring(text)
        var negative = false
        if body.first == "-" {
            negative = true
            body = body.dropFirst()
        }
        var radix = 10
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            radix = 16
            body = body.dropFirst(2)
        } else if body.count > 1, body.hasPrefix("0") {
            radix = 8
        }
        let digits = body.prefix { $0.isHexDigit && Int(String($0), radix: radix) != nil }
        guard !digits.isEmpty, let magnitude = Int(String(digits.prefix(15)), radix: radix) else { return nil }
        return negative ? -magnitude : magnitude
    }
}
