import SourceInput

/// `sym = expr`, `sym += expr`, …, optionally wrapped in `PROVIDE`, `PROVIDE_HIDDEN` or `HIDDEN`.
public struct Assignment: Sendable, Hashable {
    public enum Operator: String, Sendable, Hashable {
        case assign = "="
        case add = "+="
        case subtract = "-="
        case multiply = "*="
        case divide = "/="
        case shiftLeft = "<<="
        case shiftRight = ">>="
        case and = "&="
        case or = "|="
    }

    public enum Kind: String, Sendable, Hashable {
        case plain, provide, provideHidden, hidden
    }

    /// The symbol assigned, or `.` for the location counter.
    public var symbol: String
    public var op: Operator
    public var value: Expression
    public var kind: Kind
    public var location: SourceLocation
    /// Where the value expression starts (errors about it point here); nil means `location`.
    public var valueLocation: SourceLocation?

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

    public var isLocationCounter: Bool { symbol == "." }
}
