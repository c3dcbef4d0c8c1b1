import SourceInput

/// An ld expression.
public indirect enum Expression: Sendable, Hashable {
    /// A constant, with its base (`0x`, a leading `0`) and `K`/`M` suffix already applied.
    case number(UInt64)
    /// A symbol reference; `.` is the location counter.
    case symbol(String, SourceLocation)
    /// `op operand`, with `op` one of `-`, `!`, `~`, `+`.
    case unary(String, Expression)
    /// `lhs op rhs`, with a C operator (`+`, `<<`, `&`, `==`, `&&`, …) at C's precedence.
    case binary(String, Expression, Expression)
    /// `condition ? whenTrue : whenFalse`.
    case conditional(Expression, Expression, Expression)
    /// A builtin function: `ALIGN(8)`, `ADDR(.text)`, `SIZEOF(.data)`, `DEFINED(sym)`, …
    /// Arguments that name sections or symbols are `.symbol`.
    case call(String, [Expression], SourceLocation)
}
