/// A `spinlock_t`, named for reports.
public struct SpinLock: Sendable, Hashable {
    public let name: String
    public init(_ name: String) { self.name = name }
}
