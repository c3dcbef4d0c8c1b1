/// The columns of the attributes on a registration's `.boot` line that findings point at:
/// `requires=` and `provides=` (the dependency checks' subjects). Kept in two fields rather
/// than a dictionary of every attribute: building one per registration cost more than
/// reading the rest of its line, and nothing asked for the others.
public struct AttributeColumns: Sendable, Equatable, ExpressibleByDictionaryLiteral {
    private var requires: Int?
    private var provides: Int?

    public init() {}

    public init(dictionaryLiteral elements: (String, Int)...) {
        for (name, column) in elements { record(name, column: column) }
    }

    /// Records `name`'s column (`requires` or `requires=`) unless an earlier one was recorded
    /// (a finding points at the first); other attributes are not kept.
    public mutating func record(_ name: String, column: Int) {
        switch name {
        case "requires", "requires=": requires = requires ?? column
        case "provides", "provides=": provides = provides ?? column
        default: break
        }
    }

    /// The column of the attribute `name` (`requires=` or `requires`), or nil.
    public subscript(name: String) -> Int? {
        switch name {
        case "requires", "requires=": requires
        case "provides", "provides=": provides
        default: nil
        }
    }
}
