/// A `printk()` format string as lib/vsprintf.c's `format_decode()` reads it: literal text and
/// conversions (`%d`, `%-08lx`, `%s`, `%pS`), each with its flags, width, precision and length
/// qualifier. The conversions are those the kernel's `vsnprintf()` implements: `d i u o x X c s
/// p %`; `p` takes the extensions `S` (symbol+offset/size) and `s` (symbol name). Mirrors
/// `format_decode()` and `vsnprintf()` (lib/vsprintf.c).
public struct PrintkFormat: Sendable, Hashable {
    /// One part of a format.
    public enum Piece: Sendable, Hashable {
        /// Text printed as is (`%%` already made `%`).
        case literal(String)
        /// A conversion that consumes one argument.
        case conversion(Spec)
    }

    /// A conversion specification: `struct printf_spec` (lib/vsprintf.c).
    public struct Spec: Sendable, Hashable {
        /// The `-` flag: pad on the right (`LEFT`).
        public var left = false
        /// The `+` flag: a plus sign before non-negative signed numbers (`PLUS`).
        public var plus = false
        /// The ` ` flag: a space before non-negative signed numbers (`SPACE`).
        public var space = false
        /// The `#` flag: `0x` before hex, `0` before octal (`SPECIAL`).
        public var special = false
        /// The `0` flag: pad numbers with zeros (`ZEROPAD`).
        public var zeroPad = false
        /// The field width; nil for none.
        public var width: Int?
        /// The precision; nil for none.
        public var precision: Int?
        /// The length qualifier: `""`, `hh`, `h`, `l`, `ll`, `z`, `t` (`L` reads as `ll`, `Z` as `z`).
        public var qualifier = ""
        /// The conversion character: `d i u o x X c s p`.
        public var conversion: Character = "d"
        /// What follows `%p` (`S`, `s`); empty for the other conversions.
        public var pointerExtension = ""
        /// The conversion as written (`%08lx`), for messages.
        public var text = ""

        /// A `%d` with no flags, width or precision; set the fields to describe another.
        public init() {}

        /// Whether the conversion prints an integer argument (`d i u o x X c`).
        public var takesInteger: Bool { "diuoxXc".contains(conversion) }
        /// Whether the integer conversion is signed (`d`, `i`).
        public var isSigned: Bool { conversion == "d" || conversion == "i" }
    }

    /// The format's parts in order.
    public let pieces: [Piece]

    /// The conversions, in argument order.
    public var conversions: [Spec] {
        pieces.compactMap { if case .conversion(let spec) = $0 { return spec } else { return nil } }
    }

    /// Why a format cannot be used.
    public struct FormatError: Error, Sendable, Hashable {
        /// What is wrong, as GCC's `-Wformat` says it where it has a message for it.
        public var message: String
    }

    /// Parses `format` as `format_decode()` does, rejecting what the kernel's `vsnprintf()`
    /// cannot print (floating point, `%n`, a `*` width) and what a `.boot` file cannot pass
    /// (`%p` without `S`/`s`). Mirrors `format_decode()` (lib/vsprintf.c).
    public static func parse(_ format: String) -> Result<PrintkFormat, FormatError> {
        let bytes = Array(format.utf8)
        var pieces: [Piece] = []
        var literal: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "%") else {
                literal.append(bytes[index])
                index += 1
                continue
            }
            if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "%") {
                literal.append(UInt8(ascii: "%"))
                index += 2
                continue
            }
            switch spec(bytes, from: index) {
            case .failure(let error): return .failure(error)
            case .success(let (spec, next)):
                if !literal.isEmpty { pieces.append(.literal(String(decoding: literal, as: UTF8.self))) }
                literal = []
                pieces.append(.conversion(spec))
                index = next
            }
        }
        if !literal.isEmpty { pieces.append(.literal(String(decoding: literal, as: UTF8.self))) }
        return .success(PrintkFormat(pieces: pieces))
    }

    /// Reads one conversion starting at the `%` at `start`; returns it and the index after it.
    private static func spec(_ bytes: [UInt8], from start: Int) -> Result<(Spec, Int), FormatError> {
        var spec = Spec()
        var index = start + 1
        func peek() -> UInt8? { index < bytes.count ? bytes[index] : nil }
        flags: while let c = peek() {
            switch c {
            case UInt8(ascii: "-"): spec.left = true
            case UInt8(ascii: "+"): spec.plus = true
            case UInt8(ascii: " "): spec.space = true
            case UInt8(ascii: "#"): spec.special = true
            case UInt8(ascii: "0"): spec.zeroPad = true
            default: break flags
            }
            index += 1
        }
        if peek() == UInt8(ascii: "*") {
            return .failure(
                FormatError(message: "a '*' field width is not supported in .boot formats: write the width"))
        }
        spec.width = number(bytes, &index)
        if peek() == UInt8(ascii: ".") {
            index += 1
            if peek() == UInt8(ascii: "*") {
                return .failure(
                    FormatError(message: "a '*' precision is not supported in .boot formats: write the precision"))
            }
            spec.precision = number(bytes, &index) ?? 0
        }
        spec.qualifier = qualifier(bytes, &index)
        guard let conversion = peek() else {
            return .failure(FormatError(message: "spurious trailing '%' in format"))
        }
        index += 1
        spec.conversion = Character(Unicode.Scalar(conversion))
        switch conversion {
        case UInt8(ascii: "d"), UInt8(ascii: "i"), UInt8(ascii: "u"), UInt8(ascii: "o"), UInt8(ascii: "x"),
            UInt8(ascii: "X"), UInt8(ascii: "c"), UInt8(ascii: "s"):
            break
        case UInt8(ascii: "p"):
            // pointer(): the extension is every alphanumeric character after the 'p'.
            let extensionStart = index
            while let c = peek(), isAlnum(c) { index += 1 }
            spec.pointerExtension = String(decoding: bytes[extensionStart..<index], as: UTF8.self)
        case UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "g"),
            UInt8(ascii: "G"), UInt8(ascii: "a"), UInt8(ascii: "A"):
            return .failure(
                FormatError(message: "'%\(spec.conversion)': the kernel's vsnprintf() does not print floating point"))
        case UInt8(ascii: "n"):
            return .failure(FormatError(message: "'%n' is not supported: the kernel's vsnprintf() ignores it"))
        default:
            let shown = isPrintable(conversion) ? "'\(spec.conversion)'" : "0x" + String(conversion, radix: 16)
            return .failure(FormatError(message: "unknown conversion type character \(shown) in format"))
        }
        spec.text = String(decoding: bytes[start..<index], as: UTF8.self)
        if spec.conversion == "p", spec.pointerExtension != "S", spec.pointerExtension != "s" {
            return .failure(
                FormatError(
                    message:
                        "'\(spec.text)': a .boot format prints functions with %pS or %ps; other %p forms print addresses the simulation does not have"
                ))
        }
        return .success((spec, index))
    }

    /// `skip_atoi()`: a run of decimal digits, capped so that no width can overflow.
    private static func number(_ bytes: [UInt8], _ index: inout Int) -> Int? {
        var value: Int?
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            value = min(4096, (value ?? 0) * 10 + Int(bytes[index] - UInt8(ascii: "0")))
            index += 1
        }
        return value
    }

    /// The length qualifier: `hh`, `h`, `l`, `ll`, `L` (as `ll`), `z`, `Z` (as `z`), `t`.
    private static func qualifier(_ bytes: [UInt8], _ index: inout Int) -> String {
        guard index < bytes.count else { return "" }
        let c = bytes[index]
        switch c {
        case UInt8(ascii: "h"), UInt8(ascii: "l"):
            index += 1
            if index < bytes.count, bytes[index] == c {
                index += 1
                return c == UInt8(ascii: "h") ? "hh" : "ll"
            }
            return c == UInt8(ascii: "h") ? "h" : "l"
        case UInt8(ascii: "L"):
            index += 1
            return "ll"
        case UInt8(ascii: "z"), UInt8(ascii: "Z"):
            index += 1
            return "z"
        case UInt8(ascii: "t"):
            index += 1
            return "t"
        default:
            return ""
        }
    }

    private static func isAlnum(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z"))
    }

    private static func isPrintable(_ c: UInt8) -> Bool { c >= 0x21 && c < 0x7f }
}
