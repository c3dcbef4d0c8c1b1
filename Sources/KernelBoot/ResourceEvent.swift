/// A resource provided or required while an initcall ran.
public struct ResourceEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case provided, required, missing
    }

    /// Index into ``BootResult/runs``.
    public var run: Int
    public var kind: Kind
    public var resource: String
}
