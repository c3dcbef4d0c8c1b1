/// A `spinlock_t`, named for reports.
public struct SpinLock: Sendable, Hashable {
    /// The lock's name, as reports print it.
    public let name: String
    /// A lock named `name`. Mirrors `DEFINE_SPINLOCK()` (include/linux/spinlock_types.h).
    public init(_ name: String) { self.name = name }
}
