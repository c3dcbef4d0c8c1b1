import SourceInput

/// `ASSERT(expr, "message")`
public struct Assertion: Sendable, Hashable {
    public var condition: Expression
    public var message: String
    public var location: SourceLocation

    public init(condition: Expression, message: String, location: SourceLocation) {
        self.condition = condition
        self.message = message
        self.location = location
    }
}
