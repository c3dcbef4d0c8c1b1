/// The value of a parameter's variable, as a body reads it: an integer, a bool, a string (nil
/// for a `charp` that was never set: `NULL`), or the elements of an array.
///
/// Literals make defaults read like C initializers: `default: 25`, `default: true`,
/// `default: "par"`, `default: [6, 7, 8]`. Mirrors the C variable behind `module_param()`.
public enum ParamValue: Sendable, Hashable, CustomStringConvertible {
    /// A signed integer (`short`, `int`, `long`, `bint`).
    case signed(Int64)
    /// An unsigned integer (`byte`, `ushort`, `uint`, `ulong`, `ullong`, `hexint`).
    case unsigned(UInt64)
    /// A `bool` or `invbool` variable (the variable itself: an `invbool` set with `=1` holds false).
    case bool(Bool)
    /// A `charp` (nil is `NULL`) or a `module_param_string` buffer.
    case string(String?)
    /// The elements of an array: its `*nump` first elements, or all of them without `nump`.
    case array([ParamValue])

    /// The value as a Swift `Int`, for integers and bools (0 or 1); nil for strings, arrays and
    /// unsigned values above `Int.max`.
    public var intValue: Int? {
        switch self {
        case .signed(let value): return Int(exactly: value)
        case .unsigned(let value): return Int(exactly: value)
        case .bool(let value): return value ? 1 : 0
        case .string, .array: return nil
        }
    }

    /// The value as a bool: a bool, or an integer compared with 0; nil for strings and arrays.
    public var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .signed(let value): return value != 0
        case .unsigned(let value): return value != 0
        case .string, .array: return nil
        }
    }

    /// The string, for `charp` and string parameters (nil for `NULL` and for other types).
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, for arrays; nil for other values.
    public var elements: [ParamValue]? {
        if case .array(let values) = self { return values }
        return nil
    }

    /// The 64 bits a variadic call passes for an integer or bool (two's complement), or nil.
    public var bits: UInt64? {
        switch self {
        case .signed(let value): return UInt64(bitPattern: value)
        case .unsigned(let value): return value
        case .bool(let value): return value ? 1 : 0
        case .string, .array: return nil
        }
    }

    public var description: String {
        switch self {
        case .signed(let value): return String(value)
        case .unsigned(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .string(let value): return value.map { "\"\($0)\"" } ?? "NULL"
        case .array(let values): return "{" + values.map(\.description).joined(separator: ", ") + "}"
        }
    }
}

extension ParamValue: ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByNilLiteral
{
    /// An integer literal: `.signed`, or `.unsigned` when it only fits unsigned. Converted to the
    /// parameter's type when the variable is created.
    public init(integerLiteral value: Int64) { self = .signed(value) }
    /// `true` or `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A string literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An array initializer: `{6, 7, 8}`.
    public init(arrayLiteral elements: ParamValue...) { self = .array(elements) }
    /// `NULL`, for a `charp`.
    public init(nilLiteral: ()) { self = .string(nil) }
}
