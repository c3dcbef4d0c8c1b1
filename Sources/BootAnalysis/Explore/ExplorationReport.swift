import KernelBoot

/// What `initcall-sim explore` found: which link orders were booted, the outcomes they came
/// to (grouped, in order of first appearance), and for every failing outcome a minimal
/// reproducer. Identical for any number of jobs.
public struct ExplorationReport: Sendable {
    /// How the explored orders were chosen.
    public enum Mode: String, Sendable, Hashable {
        /// Every distinct order of the movable objects was booted.
        case exhaustive
        /// A seeded random sample (order 0 is the reference).
        case random
    }

    /// One outcome and the orders that came to it.
    public struct Outcome: Sendable {
        /// Whether it passes: the boot reaches init, and no initcall finds a required resource
        /// missing, or returns an error or draws a WARN where it did not in the reference boot.
        public var passes: Bool
        /// How many explored orders came to it.
        public var count: Int
        /// The index of the first order that did (0 is the reference).
        public var firstOrder: Int
        /// That order's link order.
        public var linkOrder: [String]
        /// How those boots ended.
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
        /// The object moved (`drivers/net/enc28j60.o`).
        public var object: String
        /// The object it is moved just before.
        public var before: String
    }

    /// A link-order-dependent group: the objects of one section of one level.
    public struct Group: Sendable, Hashable {
        /// The level the group's entries run in (`device`).
        public var level: String
        /// The input sections its entries come from (`.initcall6.init`).
        public var sections: [String]
        /// The objects with entries in the group; their link order decides which runs first.
        public var objects: [String]
    }

    /// The `.boot` file of the description, when it came from one.
    public var file: String?
    /// The level exploration was limited to (``Exploration/Options/level``), or nil for all.
    public var level: String?
    /// Whether every order was booted or a seeded random sample.
    public var mode: Mode
    /// The seed of the random sample.
    public var seed: UInt64
    /// Orders booted (the reference included).
    public var orders: Int
    /// Distinct orders of the movable objects; nil when beyond `Int`.
    public var space: Int?
    /// The link-order-dependent groups: per section of a level, the objects whose order decides.
    public var groups: [Group]
    /// The objects that were moved, in reference order.
    public var movable: [String]
    /// The reference link order, order 0: the description order, or the one given.
    public var referenceLinkOrder: [String]
    /// The distinct outcomes, in order of first appearance: the reference's first.
    public var outcomes: [Outcome]

    /// Whether every explored order passes.
    public var allPass: Bool { outcomes.allSatisfy(\.passes) }
}
