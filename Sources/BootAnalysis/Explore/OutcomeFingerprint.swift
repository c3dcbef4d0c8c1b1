import KernelBoot

/// What a boot came to, as exploration groups boots: how it ended, and every initcall whose
/// outcome differs from the reference boot's. Timings are left out on purpose: in a different
/// order every call starts at a different time, and durations only change when something
/// else (printk output, a failed requirement) changes too, which the fingerprint already holds.
struct OutcomeFingerprint: Sendable, Hashable {
    /// An initcall call named independently of link order: the entry (index over the
    /// description's registrations) and which call of it this is.
    struct CallID: Sendable, Hashable, Comparable {
        var entry: Int
        var occurrence: Int

        static func < (lhs: CallID, rhs: CallID) -> Bool { (lhs.entry, lhs.occurrence) < (rhs.entry, rhs.occurrence) }
    }

    struct Difference: Sendable, Hashable {
        var call: CallID
        var outcome: InitcallOutcome
    }

    var end: BootOutcome
    /// Sorted by call, so that the run order does not matter.
    var differences: [Difference]
}
