import SourceInput

/// `ASSERT(expr, "message")`
public struct Assertion: Sendable, Hashable {
    /// The expression that must be non-zero.
    public var condition: Expression
    /// What ld prints, and stops on, when the condition is zero.
    public var message: String
    /// Where the `ASSERT` is written.
    public var location: SourceLocation

    /// An `ASSERT(condition, message)` written at `location`.
    public init(condition: Expression, message: String, location: SourceLocation) {
        self.condition = condition
        self.message = message
        self.location = location
    }
}
