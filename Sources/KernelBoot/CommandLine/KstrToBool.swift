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
}
