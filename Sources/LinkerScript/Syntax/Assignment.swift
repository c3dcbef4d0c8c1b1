import SourceInput

/// `sym = expr`, `sym += expr`, …, optionally wrapped in `PROVIDE`, `PROVIDE_HIDDEN` or `HIDDEN`.
public struct Assignment: Sendable, Hashable {
    /// The assignment operators of the script language, spelled as their raw values.
    public enum Operator: String, Sendable, Hashable {
        /// `sym = expr`
        case assign = "="
        /// `sym += expr`
        case add = "+="
        /// `sym -= expr`
        case subtract = "-="
        /// `sym *= expr`
        case multiply = "*="
        /// `sym /= expr`
        case divide = "/="
        /// `sym <<= expr`
        case shiftLeft = "<<="
        /// `sym >>= expr`
        case shiftRight = ">>="
        /// `sym &= expr`
        case and = "&="
        /// `sym |= expr`
        case or = "|="
    }

    /// How the assignment is wrapped, which decides whether it defines the symbol and whether the
    /// output exports it.
    public enum Kind: String, Sendable, Hashable {
        /// `sym = expr;`: defines the symbol.
        case plain
        /// `PROVIDE(sym = expr)`: defines the symbol only where nothing defines it already.
        case provide
        /// `PROVIDE_HIDDEN(sym = expr)`: as `PROVIDE`, and the symbol is not exported.
        case provideHidden
        /// `HIDDEN(sym = expr)`: defines the symbol without exporting it.
        case hidden
    }

    /// The symbol assigned, or `.` for the location counter.
    public var symbol: String
    /// The operator: `=`, or a compound one such as `+=`.
    public var op: Operator
    /// The expression on the right-hand side.
    public var value: Expression
    /// Plain, or wrapped in `PROVIDE`, `PROVIDE_HIDDEN` or `HIDDEN`.
    public var kind: Kind
    /// Where the assignment is written (a macro's invocation, for assignments it expands to).
    public var location: SourceLocation
    /// Where the value expression starts (errors about it point here); nil means `location`.
    public var valueLocation: SourceLocation?

    /// `symbol op value`, wrapped as `kind` says, written at `location`.
    public init(
        symbol: String, op: Operator, value: Expression, kind: Kind, location: SourceLocation,
        valueLocation: SourceLocation? = nil
    ) {
        self.symbol = symbol
        self.op = op
        self.value = value
        self.kind = kind
        self.location = location
        self.valueLocation = valueLocation
    }

    /// Whether it assigns the location counter (`. = ALIGN(8);`) rather than a symbol.
    public var isLocationCounter: Bool { symbol == "." }
}
