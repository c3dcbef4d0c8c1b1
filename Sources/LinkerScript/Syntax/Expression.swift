import SourceInput

/// An ld expression.
public indirect enum Expression: Sendable, Hashable {
    case number(UInt64)
    /// A symbol reference; `.` is the location counter.
    case symbol(String, SourceLocation)
    case unary(String, Expression)
    case binary(String, Expression, Expression)
    case conditional(Expression, Expression, Expression)
    /// A builtin function: `ALIGN(8)`, `ADDR(.text)`, `SIZEOF(.data)`, `DEFINED(sym)`, …
    /// Arguments that name sections or symbols are `.symbol`.
    case call(String, [Expression], SourceLocation)
}
