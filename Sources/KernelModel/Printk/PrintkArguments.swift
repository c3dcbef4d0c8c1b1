/// An argument of a `.boot` `printk=`: a name (a parameter, a C variable, a function, or a
/// handler's `str`) or an element of an array parameter (`arr[3]`). Mirrors an argument of a
/// `printk()` call.
public struct PrintkArgument: Sendable, Hashable, CustomStringConvertible {
    /// The name as written.
    public var name: String
    /// The element index of `arr[3]`; nil for a plain name.
    public var index: Int?

    /// The argument `name`, or its element `index`.
    public init(name: String, index: Int? = nil) {
        self.name = name
        self.index = index
    }

    public var description: String { index.map { "\(name)[\($0)]" } ?? name }

    /// Reads `age` or `arr[3]`; nil for anything else.
    public init?(parsing text: String) {
        var name = Substring(text)
        var index: Int?
        if name.hasSuffix("]"), let open = name.firstIndex(of: "[") {
            let digits = name[name.index(after: open)..<name.index(before: name.endIndex)]
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
                let value = Int(digits)
            else { return nil }
            index = value
            name = name[..<open]
        }
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter),
            name.allSatisfy({ $0 == "_" || $0 == "." || $0 == "-" || ($0.isASCII && ($0.isLetter || $0.isNumber)) })
        else { return nil }
        self.name = String(name)
        self.index = index
    }
}

/// What an argument is, as the compiler sees it after the default argument promotions.
/// Mirrors what GCC's `__printf(1, 2)` checking of `printk()` compares.
public enum PrintkArgumentType: Sendable, Hashable {
    /// A scalar parameter's variable (or an array element) of this type.
    case integer(ParamType)
    /// A `char *`: a `charp` or string parameter, or a handler's `str`.
    case string
    /// A whole array: a pointer to its elements.
    case array(ParamType)
    /// An initcall function: `int (*)(void)`.
    case function

    /// The type as GCC names it in `-Wformat` messages.
    public var cType: String {
        switch self {
        case .integer(let type): return type == .charp ? "char *" : type.promotedCType
        case .string: return "char *"
        case .array(let type): return type.cType + " *"
        case .function: return "int (*)(void)"
        }
    }

    /// The integer rank for `%d`-like conversions (`int`, `long`, `long long`); nil for pointers.
    var integerRank: Int? {
        guard case .integer(let type) = self else { return nil }
        switch type {
        case .long, .ulong: return 1
        case .ullong: return 2
        case .charp: return nil
        default: return 0
        }
    }

    var isCharPointer: Bool {
        switch self {
        case .string: return true
        case .integer(let type): return type == .charp
        default: return false
        }
    }
}

/// A value an argument has when the format is printed. Mirrors a `va_arg()` of `vsnprintf()`.
public enum PrintkValue: Sendable, Hashable {
    /// An integer's bits (two's complement), converted by the conversion's qualifier.
    case integer(UInt64)
    /// A string (nil is `NULL`, printed `(null)`).
    case string(String?)
    /// A function, as `sprint_symbol()` gives it: `name+0x0/0x40`.
    case symbol(String)
}

extension PrintkFormat.Spec {
    /// The argument type the conversion expects, as GCC names it.
    public var expectedCType: String {
        if conversion == "s" { return "char *" }
        if conversion == "p" { return "void *" }
        if conversion == "c" { return "int" }
        let unsigned = !isSigned
        switch qualifier {
        case "l": return unsigned ? "long unsigned int" : "long int"
        case "ll": return unsigned ? "long long unsigned int" : "long long int"
        case "z": return unsigned ? "size_t" : "signed size_t"
        case "t": return "ptrdiff_t"
        default: return unsigned ? "unsigned int" : "int"
        }
    }

    /// Whether an argument of `type` matches, as `-Wformat` judges it (signedness aside, as
    /// without `-Wformat-signedness`).
    func accepts(_ type: PrintkArgumentType) -> Bool {
        switch conversion {
        case "s": return type.isCharPointer
        case "p": return type == .function
        case "c": return type.integerRank == 0
        default:
            guard let rank = type.integerRank else { return false }
            switch qualifier {
            case "l", "z", "t": return rank == 1
            case "ll": return rank == 2
            default: return rank == 0
            }
        }
    }
}

extension PrintkFormat {
    /// The first `-Wformat` problem of passing arguments of `types` to this format, in GCC's
    /// words: a missing argument, a mismatched one (arguments are numbered from 2, after the
    /// format), or one too many; nil when they match.
    public func check(_ types: [PrintkArgumentType]) -> String? {
        let specs = conversions
        for (position, spec) in specs.enumerated() {
            guard position < types.count else {
                return "format '\(spec.text)' expects a matching '\(spec.expectedCType)' argument [-Wformat=]"
            }
            if !spec.accepts(types[position]) {
                if spec.conversion == "p", types[position] != .function {
                    return
                        "format '\(spec.text)' prints a function: argument \(position + 2) has type '\(types[position].cType)' [-Wformat=]"
                }
                return
                    "format '\(spec.text)' expects argument of type '\(spec.expectedCType)', but argument \(position + 2) has type '\(types[position].cType)' [-Wformat=]"
            }
        }
        if types.count > specs.count { return "too many arguments for format [-Wformat-extra-args]" }
        return nil
    }

    /// The text `vsnprintf()` makes of this format with `values`, one per conversion (a missing
    /// value prints as nothing). Mirrors `vsnprintf()` (lib/vsprintf.c).
    public func render(_ values: [PrintkValue]) -> String {
        var output = ""
        var next = 0
        for piece in pieces {
            switch piece {
            case .literal(let text):
                output += text
            case .conversion(let spec):
                guard next < values.count else { continue }
                output += Vsnprintf.convert(spec, values[next])
                next += 1
            }
        }
        return output
    }
}
