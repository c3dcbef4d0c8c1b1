import KernelModel

/// `kstrtobool()` (lib/kstrtox.c): looks at the first character only (two for `o`). `t`/`T`
/// and `f`/`F` (so `true`, `false`) are accepted from 5.19 on (commit 0d6ea3ac94ca, "lib/kstrtox.c:
/// add "false"/"true" support to kstrtobool()"); `on`/`off` since 4.6.
package enum KstrToBool {
    package static func parse(_ text: String?, version: KernelVersion = KernelVersion("6.8.0-sim")) -> Bool? {
        guard let text, let first = text.utf8.first else { return nil }
        let trueFalseLetters = version.isAtLeast(5, 19)
        switch first {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "1"):
            return true
        case UInt8(ascii: "t"), UInt8(ascii: "T"):
            return trueFalseLetters ? true : nil
        case UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "0"):
            return false
        case UInt8(ascii: "f"), UInt8(ascii: "F"):
            return trueFalseLetters ? false : nil
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
