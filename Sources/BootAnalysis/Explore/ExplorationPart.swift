import KernelBoot

/// What one shard of an exploration found (`explore --shard I/N`): exactly what merging needs
/// to give the report a single exploration of the whole space gives. Per outcome, the
/// fingerprint it is grouped by, whether it passes, how many of the shard's orders came to it
/// and the first of them; plus what identifies the exploration, so that parts of different
/// explorations are never merged.
public struct ExplorationPart: Sendable {
    /// How the exploration's description was read, as the command line gave it: what a merge
    /// needs to read it again, and what every part of one exploration shares.
    public struct Inputs: Sendable, Hashable {
        /// The `.boot` file.
        public var file: String?
        /// `--link-order`: the reference link-order file.
        public var linkOrder: String?
        /// `--allow-partial`.
        public var allowPartial: Bool
        /// `--cmdline`.
        public var commandLine: String?
        /// `--linker-script`.
        public var linkerScript: String?

        /// Inputs as given on a command line.
        public init(
            file: String?, linkOrder: String? = nil, allowPartial: Bool = false, commandLine: String? = nil,
            linkerScript: String? = nil
        ) {
            self.file = file
            self.linkOrder = linkOrder
            self.allowPartial = allowPartial
            self.commandLine = commandLine
            self.linkerScript = linkerScript
        }
    }

    /// One outcome of the shard's orders.
    public struct Outcome: Sendable, Hashable {
        /// What the boots came to.
        public var fingerprint: OutcomeFingerprint
        /// Whether it passes (see ``ExplorationReport/Outcome/passes``).
        public var passes: Bool
        /// How many of the shard's orders came to it.
        public var count: Int
        /// The first of them (an index over the whole space).
        public var firstOrder: Int

        /// `count` orders from `firstOrder` on came to `fingerprint`.
        public init(fingerprint: OutcomeFingerprint, passes: Bool, count: Int, firstOrder: Int) {
            self.fingerprint = fingerprint
            self.passes = passes
            self.count = count
            self.firstOrder = firstOrder
        }
    }

    /// Where the part was read from, for messages (nil when made in this process).
    public var source: String?
    /// How the description was read.
    public var inputs: Inputs
    /// `--level`, or nil for every level.
    public var level: String?
    /// Whether the whole space is booted or a seeded sample.
    public var mode: ExplorationReport.Mode
    /// The seed of the sample.
    public var seed: UInt64
    /// Orders in the whole exploration (all shards).
    public var orders: Int
    /// Distinct orders of the movable objects; nil beyond `Int`.
    public var space: Int?
    /// Which slice of the orders this part holds.
    public var shard: Exploration.Shard
    /// A digest of the reference boot and the space (16 hex digits): parts of a description
    /// that changed in between do not merge.
    public var digest: String
    /// The outcomes, in order of first appearance.
    public var outcomes: [Outcome]

    /// A part with every field given.
    public init(
        source: String? = nil, inputs: Inputs, level: String?, mode: ExplorationReport.Mode, seed: UInt64, orders: Int,
        space: Int?, shard: Exploration.Shard, digest: String, outcomes: [Outcome]
    ) {
        self.source = source
        self.inputs = inputs
        self.level = level
        self.mode = mode
        self.seed = seed
        self.orders = orders
        self.space = space
        self.shard = shard
        self.digest = digest
        self.outcomes = outcomes
    }

    /// The order indices this part covers.
    public var range: Range<Int> { shard.orders(of: orders) }
}
