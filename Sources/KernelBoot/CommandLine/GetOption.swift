/// `get_option()` (lib/cmdline.c), as the early parameters that take a number use it.
enum GetOption {
    /// `get_option()`'s integer: optional sign, then `simple_strtol(…, 0)` digits (0x hex,
    /// leading-0 octal). Nil when no digit comes first.
    static func parse(_ text: String?) -> Int? {
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
