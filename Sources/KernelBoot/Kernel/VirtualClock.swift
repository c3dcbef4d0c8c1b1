/// Virtual time: nanoseconds since boot, advanced only by the simulation. Additions saturate,
/// so no user-given duration can trap.
public struct VirtualClock: Sendable, Hashable {
    public private(set) var now: UInt64 = 0

    public init() {}

    public mutating func advance(by nanoseconds: UInt64) {
        let (sum, overflow) = now.addingReportingOverflow(nanoseconds)
        now = overflow ? .max : sum
    }
}
