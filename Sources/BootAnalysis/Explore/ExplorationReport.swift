import KernelBoot

/// What `initcall-sim explore` found: which link orders were booted, the outcomes they came
/// to (grouped, in order of first appearance), and for every failing outcome a minimal
/// reproducer. Identical for any number of jobs.
public struct ExplorationReport: Sendable {
    public enum Mode: String, Sendable, Hashable {
        /// Every distinct order of the movable objects was booted.
        case exhaustive
        /// A seeded random sample (order 0 is the reference).
        case random
    }

    /// One outcome and the orders that came to it.
    public struct Outcome: Sendable {
        public var passes: Bool
        /// How many explored orders came to it.
        public var count: Int
        /// The index of the first order that did (0 is the reference).
        public var firstOrder: Int
        /// That order's link order.
        public var linkOrder: [String]
        public var end: BootOutcome
        /// Why it fails, or how it differs from the reference when it passes.
        public var reasons: [String]
        /// The fewest objects to move, from a passing order, to come to this outcome.
        public var reproducer: Reproducer?
    }

    /// A minimal reordering that reproduces a failing outcome, from a passing order.
    ///
    /// Best case, moves: one object moved just before another of its level section (or a few
    /// such moves), nothing else, reproduces. Otherwise a set of objects that keep the
    /// positions they hold in the passing order but take the failing relative order among
    /// themselves (every other object in place), reduced by delta debugging until dropping any
    /// one of them loses the failure.
    public struct Reproducer: Sendable, Hashable {
        /// The passing order it starts from (its index among the explored orders).
        public var fromOrder: Int
        /// The objects whose relative order decides, in passing order.
        public var passing: [String]
        /// The same objects in the reproducing order.
        public var failing: [String]
        /// The moves, when the reproducer is a few moves of one object just before another
        /// of its level section (empty for a reordered set).
        public var moves: [Move]
        /// The complete reproducing link order, to boot or compare.
        public var linkOrder: [String]
        /// False when the reduction stopped at its budget of boots: the reproducer reproduces,
        /// but some of it may not be needed.
        public var minimal: Bool
    }

    /// Moving `object` just before `before`, and nothing else.
    public struct Move: Sendable, Hashable {
        public var object: String
        public var before: String
    }

    /// A link-order-dependent group: the objects of one section of one level.
    public struct Group: Sendable, Hashable {
        public var level: String
        /// The input sections its entries come from (`.initcall6.init`).
        public var sections: [String]
        public var objects: [String]
    }

    public var file: String?
    public var level: String?
    public var mode: Mode
    public var seed: UInt64
    /// Orders booted (the reference included).
    public var orders: Int
    /// Distinct orders of the movable objects; nil when beyond `Int`.
    public var space: Int?
    public var groups: [Group]
    /// The objects that were moved, in reference order.
    public var movable: [String]
    public var referenceLinkOrder: [String]
    public var outcomes: [Outcome]

    /// Whether every explored order passes.
    public var allPass: Bool { outcomes.allSatisfy(\.passes) }
}
