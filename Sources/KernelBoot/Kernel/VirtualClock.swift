/// Virtual time: nanoseconds since boot, advanced only by the simulation. Additions saturate,
/// so no user-given duration can trap.
package struct VirtualClock: Sendable, Hashable {
    package private(set) var now: UInt64 = 0

    package init() {}

    package mutating func advance(by nanoseconds: UInt64) {
        let (sum, overflow) = now.addingReportingOverflow(nanoseconds)
        now = overflow ? .max : sum
    }
}
