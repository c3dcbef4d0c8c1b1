/// The conversions of lib/vsprintf.c, byte for byte where the kernel differs from C (a `%#x`
/// of 0 prints `0x0`, a precision of 0 still prints a 0).
enum Vsnprintf {
    /// One conversion of one argument.
    static func convert(_ spec: PrintkFormat.Spec, _ value: PrintkValue) -> String {
        switch (spec.conversion, value) {
        case ("s", .string(let text)):
            return string(text ?? "(null)", spec)
        case ("s", _):
            return string("(efault)", spec)
        case ("p", .symbol(let symbol)):
            // %ps: the name only; %pS: name+offset/size (kallsyms_lookup + sprint_symbol).
            // A module symbol keeps its ` [module]` either way (`__sprint_symbol()`).
            let module = symbol.range(of: " [").map { String(symbol[$0.lowerBound...]) } ?? ""
            let text = spec.pointerExtension == "s" ? String(symbol.prefix { $0 != "+" }) + module : symbol
            return string(text, spec)
        case ("c", .integer(let bits)):
            return character(UInt8(truncatingIfNeeded: bits), spec)
        case (_, .integer(let bits)):
            return number(bits, spec)
        default:
            return string("(einval)", spec)
        }
    }

    /// `%c`: one byte, padded to the width.
    private static func character(_ byte: UInt8, _ spec: PrintkFormat.Spec) -> String {
        let text = String(decoding: [byte], as: UTF8.self)
        return pad(text, length: 1, spec)
    }

    /// `string()`: at most `precision` bytes, padded with spaces to the width (`widen_string()`).
    private static func string(_ text: String, _ spec: PrintkFormat.Spec) -> String {
        var bytes = Array(text.utf8)
        if let precision = spec.precision, bytes.count > precision { bytes = Array(bytes.prefix(precision)) }
        return pad(String(decoding: bytes, as: UTF8.self), length: bytes.count, spec)
    }

    private static func pad(_ text: String, length: Int, _ spec: PrintkFormat.Spec) -> String {
        let spaces = String(repeating: " ", count: max(0, (spec.width ?? 0) - length))
        return spec.left ? text + spaces : spaces + text
    }

    /// `number()`: the argument cast by the qualifier (`(signed char)` for `%hhd`, `(int)` for
    /// `%d`), then sign, `0x`/`0` prefix, zero or space padding and digits as the kernel lays
    /// them out.
    static func number(_ bits: UInt64, _ spec: PrintkFormat.Spec) -> String {
        let signed = spec.isSigned
        var num: UInt64
        switch spec.qualifier {
        case "hh":
            num =
                signed
                ? UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: bits))) : UInt64(UInt8(truncatingIfNeeded: bits))
        case "h":
            num =
                signed
                ? UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: bits))) : UInt64(UInt16(truncatingIfNeeded: bits))
        case "":
            num =
                signed
                ? UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: bits))) : UInt64(UInt32(truncatingIfNeeded: bits))
        default: num = bits
        }
        let base: UInt64 = spec.conversion == "o" ? 8 : ("xX".contains(spec.conversion) ? 16 : 10)
        let lowercase = spec.conversion != "X"
        let needPrefix = spec.special && base != 10
        let isZero = num == 0
        var fieldWidth = spec.width ?? 0
        var precision = spec.precision ?? -1
        let zeroPad = spec.zeroPad && !spec.left
        var sign = ""
        if signed {
            if Int64(bitPattern: num) < 0 {
                sign = "-"
                num = 0 &- num
                fieldWidth -= 1
            } else if spec.plus {
                sign = "+"
                fieldWidth -= 1
            } else if spec.space {
                sign = " "
                fieldWidth -= 1
            }
        }
        if needPrefix {
            if base == 16 {
                fieldWidth -= 2
            } else if !isZero {
                fieldWidth -= 1
            }
        }
        var digits = String(num, radix: Int(base))
        if !lowercase { digits = digits.uppercased() }
        // Printing 100 using %2d gives "100", not "00".
        if digits.count > precision { precision = digits.count }
        fieldWidth -= precision
        var output = ""
        if !zeroPad && !spec.left, fieldWidth > 0 { output += String(repeating: " ", count: fieldWidth) }
        output += sign
        if needPrefix {
            if base == 16 || !isZero { output += "0" }
            if base == 16 { output += lowercase ? "x" : "X" }
        }
        if !spec.left, fieldWidth > 0, zeroPad { output += String(repeating: "0", count: fieldWidth) }
        output += String(repeating: "0", count: max(0, precision - digits.count))
        output += digits
        if spec.left, fieldWidth > 0 { output += String(repeating: " ", count: fieldWidth) }
        return output
    }
}

extension PrintkFormat {
    /// One integer as `spec` prints it: `number()` of lib/vsprintf.c, for callers that format a
    /// value without a format string (`param_get_hexint()`'s `%#08x`).
    public static func number(_ bits: UInt64, _ spec: Spec) -> String { Vsnprintf.number(bits, spec) }
}
