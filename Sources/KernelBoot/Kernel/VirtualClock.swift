/// Virtual time: nanoseconds since boot, advanced only by the simulation. Additions saturate,
/// so no user-given duration can trap.
package struct VirtualClock: Sendable, Hashable {
    package private(set) var now: UInt64 = 0

    package init() {}

    /// Sets the time: another CPU's `local_clock()`, for tasks that run side by side.
    package mutating func set(_ nanoseconds: UInt64) { now = nanoseconds }

    package mutating func advance(by nanoseconds: UInt64) {
        let (sum, overflow) = now.addingReportingOverflow(nanoseconds)
        now = overflow ? .max : sum
    }
}
