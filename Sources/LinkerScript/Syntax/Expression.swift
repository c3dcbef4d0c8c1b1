import SourceInput

/// An ld expression.
///
/// The tree is shallow by construction, so that nothing that walks it — parsing, evaluation,
/// `isConstant`, hashing and equality, releasing it — recurses in proportion to the input:
/// a run of binary operators of one precedence level (`1+1+…+1`, twelve thousand terms) is
/// one ``chain(_:_:)`` node, so the depth is bounded by the precedence levels times the
/// nesting the parser allows (``maxNesting`` parentheses, unary operators and `?:` arms).
public indirect enum Expression: Sendable, Hashable {
    /// A constant, with its base (`0x`, a leading `0`) and `K`/`M` suffix already applied.
    case number(UInt64)
    /// A symbol reference; `.` is the location counter.
    case symbol(String, SourceLocation)
    /// `op operand`, with `op` one of `-`, `!`, `~`, `+`.
    case unary(String, Expression)
    /// A left-associative run of binary operators of one precedence level: `a - b + c` is
    /// `.chain(a, [- b, + c])`, evaluated left to right as `(a - b) + c`.
    case chain(Expression, [BinaryOperation])
    case conditional(Expression, Expression, Expression)
    /// A builtin function: `ALIGN(8)`, `ADDR(.text)`, `SIZEOF(.data)`, `DEFINED(sym)`, …
    /// Arguments that name sections or symbols are `.symbol`.
    case call(String, [Expression], SourceLocation)

    /// How deeply parentheses, unary operators and `?:` arms may nest in one expression. GNU
    /// ld's bison parser stops at its stack limit ("memory exhausted"); ours stops here, with a
    /// diagnostic, long before any stack would.
    public static let maxNesting = 200

    /// `lhs op rhs` as a one-operator chain; `rhs` is reported at `location`.
    public static func binary(_ op: String, _ lhs: Expression, _ rhs: Expression, at location: SourceLocation)
        -> Expression
    {
        .chain(lhs, [BinaryOperation(op, rhs, at: location)])
    }
}

/// One step of a ``Expression/chain(_:_:)``: an operator and its right operand.
public struct BinaryOperation: Sendable, Hashable {
    /// `+`, `<<`, `&&`, …: every operator of one chain has the same precedence.
    public var op: String
    public var operand: Expression
    /// Where the right operand starts, for errors about it (division by zero points here).
    public var location: SourceLocation

    public init(_ op: String, _ operand: Expression, at location: SourceLocation) {
        self.op = op
        self.operand = operand
        self.location = location
    }
}
