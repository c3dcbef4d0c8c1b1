/// A resource provided or required while an initcall ran.
public struct ResourceEvent: Sendable, Hashable {
    /// What happened to the resource.
    public enum Kind: String, Sendable, Hashable {
        /// The initcall made it available (``KernelContext/provide(_:)``).
        case provided
        /// The initcall asked for it (``KernelContext/require(_:)``), found or not.
        case required
        /// The initcall asked for it and it was not there.
        case missing
    }

    /// Index into ``BootResult/runs``.
    public var run: Int
    /// Whether it was provided, required, or required and missing.
    public var kind: Kind
    /// The resource's name (`spi`).
    public var resource: String
}
