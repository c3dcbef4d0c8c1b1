import KernelBoot

/// What a boot came to, as exploration groups boots: how it ended, and every initcall whose
/// outcome differs from the reference boot's. Timings are left out on purpose: in a different
/// order every call starts at a different time, and durations only change when something
/// else (printk output, a failed requirement) changes too, which the fingerprint already holds.
///
/// Public so that a shard's outcomes can be written down and merged in another process
/// (``ExplorationPart``): it names calls by registration index, which every process that reads
/// the same description agrees on.
public struct OutcomeFingerprint: Sendable, Hashable {
    /// An initcall call named independently of link order: the entry (index over the
    /// description's registrations) and which call of it this is.
    public struct CallID: Sendable, Hashable, Comparable {
        /// The registration's index over all objects' entries, in description order.
        public var entry: Int
        /// Which call of that registration (0 for the first).
        public var occurrence: Int

        /// Call `occurrence` of registration `entry`.
        public init(entry: Int, occurrence: Int) {
            self.entry = entry
            self.occurrence = occurrence
        }

        public static func < (lhs: CallID, rhs: CallID) -> Bool {
            (lhs.entry, lhs.occurrence) < (rhs.entry, rhs.occurrence)
        }
    }

    /// One call whose outcome differs from the reference boot's (or that the reference
    /// boot did not make).
    public struct Difference: Sendable, Hashable {
        /// The call.
        public var call: CallID
        /// What it did, untimed.
        public var outcome: InitcallOutcome

        /// `call` did `outcome`.
        public init(call: CallID, outcome: InitcallOutcome) {
            self.call = call
            self.outcome = outcome
        }
    }

    /// How the boot ended.
    public var end: BootOutcome
    /// Sorted by call, so that the run order does not matter.
    public var differences: [Difference]

    /// A boot that ended with `end`, with `differences` sorted by call.
    public init(end: BootOutcome, differences: [Difference]) {
        self.end = end
        self.differences = differences
    }
}
