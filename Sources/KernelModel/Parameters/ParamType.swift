/// The standard parameter types of include/linux/moduleparam.h: the `type` argument of
/// `module_param(name, type, perm)`, which the macro pastes into `param_ops_##type` and
/// `param_check_##type`. The raw value is the token as written. Mirrors the standard
/// `param_ops_<type>` of kernel/params.c.
public enum ParamType: String, Sendable, Hashable, CaseIterable {
    /// `unsigned char`, set by `kstrtou8()`, shown `%hhu`. The kernel's `param_ops_byte`.
    case byte
    /// `short`, set by `kstrtos16()`, shown `%hi`. The kernel's `param_ops_short`.
    case short
    /// `unsigned short`, set by `kstrtou16()`, shown `%hu`. The kernel's `param_ops_ushort`.
    case ushort
    /// `int`, set by `kstrtoint()`, shown `%i`. The kernel's `param_ops_int`.
    case int
    /// `unsigned int`, set by `kstrtouint()`, shown `%u`. The kernel's `param_ops_uint`.
    case uint
    /// `long` (64 bits on every simulated architecture), set by `kstrtol()`, shown `%li`. The
    /// kernel's `param_ops_long`.
    case long
    /// `unsigned long`, set by `kstrtoul()`, shown `%lu`. The kernel's `param_ops_ulong`.
    case ulong
    /// `unsigned long long`, set by `kstrtoull()`, shown `%llu`. The kernel's `param_ops_ullong`.
    case ullong
    /// `unsigned int` set like `uint`, shown `%#08x` (`0x000010`). The kernel's `param_ops_hexint`.
    case hexint
    /// `char *`: the value itself (at most 1024 characters), `(null)` until set. The kernel's
    /// `param_ops_charp`.
    case charp
    /// `bool`, set by `kstrtobool()`; a bare name means true. Shown `Y`/`N`. The kernel's
    /// `param_ops_bool`.
    case bool
    /// `bool` holding the inverse of what was written; a bare name is refused. Shown `Y` when
    /// the variable is false. The kernel's `param_ops_invbool`.
    case invbool
    /// `int` set like a bool (0 or 1), shown `%i`; a bare name means 1. The kernel's
    /// `param_ops_bint`.
    case bint

    /// `KERNEL_PARAM_OPS_FL_NOARG`: the ops accept a bare `name` without `=value`
    /// (`param_ops_bool`, `param_ops_bint`; not `invbool`). Mirrors `kernel_param_ops.flags`.
    public var acceptsNoArgument: Bool { self == .bool || self == .bint }

    /// Whether the type holds an integer parsed by `kstrto*()`.
    public var isInteger: Bool {
        switch self {
        case .byte, .short, .ushort, .int, .uint, .long, .ulong, .ullong, .hexint: return true
        case .charp, .bool, .invbool, .bint: return false
        }
    }

    /// Whether the integer type is signed (`short`, `int`, `long`; `bint` holds an `int`).
    public var isSigned: Bool { self == .short || self == .int || self == .long || self == .bint }

    /// The smallest and largest value the C type holds, for integer types (`bint` as `int`).
    public var range: ClosedRange<Int128>? {
        switch self {
        case .byte: return 0...Int128(UInt8.max)
        case .short: return Int128(Int16.min)...Int128(Int16.max)
        case .ushort: return 0...Int128(UInt16.max)
        case .int, .bint: return Int128(Int32.min)...Int128(Int32.max)
        case .uint, .hexint: return 0...Int128(UInt32.max)
        case .long: return Int128(Int64.min)...Int128(Int64.max)
        case .ulong, .ullong: return 0...Int128(UInt64.max)
        case .charp, .bool, .invbool: return nil
        }
    }

    /// The C type of the variable, as GCC names it in diagnostics (`long unsigned int`).
    public var cType: String {
        switch self {
        case .byte: return "unsigned char"
        case .short: return "short int"
        case .ushort: return "short unsigned int"
        case .int, .bint: return "int"
        case .uint, .hexint: return "unsigned int"
        case .long: return "long int"
        case .ulong: return "long unsigned int"
        case .ullong: return "long long unsigned int"
        case .charp: return "char *"
        case .bool, .invbool: return "_Bool"
        }
    }

    /// The type an argument of this C type has after the default argument promotions of a
    /// variadic call (`unsigned char` → `int`), as GCC names it in `-Wformat` messages.
    public var promotedCType: String {
        switch self {
        case .byte, .short, .ushort, .int, .bint, .bool, .invbool: return "int"
        default: return cType
        }
    }
}
