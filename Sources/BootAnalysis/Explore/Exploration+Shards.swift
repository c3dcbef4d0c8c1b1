import KernelBoot
import KernelLink
import KernelModel

/// Exploring across machines: `explore --shard I/N` explores the I-th of N slices of the same
/// order space (same seed, same orders) and writes a part; `explore --merge` combines the parts
/// into the report one exploration of the whole space gives, byte for byte.
///
/// Shard I of N holds the contiguous order indices `[⌊orders·(I−1)/N⌋, ⌊orders·I/N⌋)`. Order
/// *k* is the same in every process (exhaustive: the *k*-th combination of permutations;
/// random: drawn from `SplitMix64(seed, stream: k)`), and outcomes of consecutive slices merge
/// as the chunks of one exploration do: first appearance keeps its first order, counts add up.
/// Reduction to minimal reproducers happens at merge time, from the merged outcomes.
extension Exploration {
    /// The I-th of N slices of an exploration's orders, counted from 1.
    public struct Shard: Sendable, Hashable, CustomStringConvertible {
        /// Which slice, from 1 to ``count``.
        public let index: Int
        /// How many slices in all.
        public let count: Int

        /// Slice `index` of `count`; nil unless 1 ≤ `index` ≤ `count` ≤ ``Exploration/shardLimit``.
        public init?(index: Int, count: Int) {
            guard count >= 1, count <= Exploration.shardLimit, index >= 1, index <= count else { return nil }
            self.index = index
            self.count = count
        }

        /// `I/N`, as `--shard` takes it.
        public init?(_ text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
            self.init(index: index, count: count)
        }

        /// The order indices of this slice of `total` orders.
        public func orders(of total: Int) -> Range<Int> {
            let (lower, upper) = (Shard.cut(total, index - 1, count), Shard.cut(total, index, count))
            return lower..<max(lower, upper)
        }

        /// ⌊total·i/n⌋ without overflow.
        private static func cut(_ total: Int, _ i: Int, _ n: Int) -> Int {
            let product = total.multipliedFullWidth(by: i)
            return n.dividingFullWidth((high: product.high, low: product.low)).quotient
        }

        public var description: String { "\(index)/\(count)" }
    }

    /// The most shards one exploration is split into.
    public static let shardLimit = 100_000

    /// Explores one shard of the orders `options` describe, from the description order (or
    /// `reference`); `inputs` records how the description was read, for the merge.
    public static func runShard(
        _ description: KernelDescription, reference: LinkOrder? = nil, allowPartial: Bool = false,
        options: Options = Options(), shard: Shard, inputs: ExplorationPart.Inputs, progress: Progress? = nil
    ) async throws(ExplorationError) -> ExplorationPart {
        let setup = try Setup(description, reference: reference, allowPartial: allowPartial, options: options)
        let range = shard.orders(of: setup.orders)
        let chunks = try await boot(setup, orders: range, progress: progress)
        let outcomes = Setup.merge(chunks).map {
            ExplorationPart.Outcome(
                fingerprint: $0.fingerprint, passes: $0.passes, count: $0.count, firstOrder: $0.firstOrder)
        }
        return ExplorationPart(
            inputs: inputs, level: options.level, mode: setup.mode, seed: options.seed, orders: setup.orders,
            space: setup.space.size, shard: shard, digest: setup.digest, outcomes: outcomes)
    }

    /// ``runShard(_:reference:allowPartial:options:shard:inputs:progress:)`` for synchronous
    /// callers, on `options.jobs` threads of its own.
    public static func runShardBlocking(
        _ description: KernelDescription, reference: LinkOrder? = nil, allowPartial: Bool = false,
        options: Options = Options(), shard: Shard, inputs: ExplorationPart.Inputs, progress: Progress? = nil
    ) throws(ExplorationError) -> ExplorationPart {
        let result = WorkerThreads.run(threads: max(1, options.jobs)) {
            () async -> Result<ExplorationPart, ExplorationError> in
            do throws(ExplorationError) {
                return .success(
                    try await runShard(
                        description, reference: reference, allowPartial: allowPartial, options: options,
                        shard: shard, inputs: inputs, progress: progress))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Checks that `parts` are the shards of one exploration, each exactly once, and returns
    /// them in shard order. Needs no description: run it before reading one.
    public static func validate(_ parts: [ExplorationPart]) throws(ExplorationError) -> [ExplorationPart] {
        guard let first = parts.first else { throw .parts(.empty) }
        for part in parts.dropFirst() {
            func differ(_ field: String, _ a: String, _ b: String) -> ExplorationError {
                .parts(.differ(field: field, first: first.source, firstValue: a, other: part.source, otherValue: b))
            }
            if part.inputs.file != first.inputs.file {
                throw differ("file", first.inputs.file ?? "(none)", part.inputs.file ?? "(none)")
            }
            if part.inputs != first.inputs {
                throw differ("inputs", describe(first.inputs), describe(part.inputs))
            }
            if part.level != first.level { throw differ("level", first.level ?? "(all)", part.level ?? "(all)") }
            if part.mode != first.mode { throw differ("mode", first.mode.rawValue, part.mode.rawValue) }
            if part.seed != first.seed { throw differ("seed", String(first.seed), String(part.seed)) }
            if part.orders != first.orders { throw differ("orders", String(first.orders), String(part.orders)) }
            if part.shard.count != first.shard.count {
                throw differ("shard count", String(first.shard.count), String(part.shard.count))
            }
            if part.digest != first.digest { throw differ("digest", first.digest, part.digest) }
        }
        var byIndex: [Int: ExplorationPart] = [:]
        for part in parts {
            if let earlier = byIndex[part.shard.index] {
                throw .parts(.duplicate(shard: part.shard, first: earlier.source, second: part.source))
            }
            byIndex[part.shard.index] = part
            try check(part)
        }
        let missing = (1...first.shard.count).filter { byIndex[$0] == nil }
        if !missing.isEmpty { throw .parts(.missing(missing, count: first.shard.count)) }
        return (1...first.shard.count).compactMap { byIndex[$0] }
    }

    /// A part's own arithmetic: outcomes inside its range, counts that add up to it.
    private static func check(_ part: ExplorationPart) throws(ExplorationError) {
        let range = part.range
        var total = 0
        var firsts = Set<Int>()
        for outcome in part.outcomes {
            guard outcome.count >= 1, range.contains(outcome.firstOrder), firsts.insert(outcome.firstOrder).inserted
            else {
                throw .parts(
                    .inconsistent(
                        part.source,
                        "an outcome's first order \(outcome.firstOrder) (of \(outcome.count)) is not a distinct order of shard \(part.shard), orders \(range.lowerBound)..<\(range.upperBound)"
                    ))
            }
            total += outcome.count
        }
        guard total == range.count else {
            throw .parts(
                .inconsistent(
                    part.source,
                    "its outcomes count \(total) orders, but shard \(part.shard) of \(part.orders) orders holds \(range.count)"
                ))
        }
    }

    private static func describe(_ inputs: ExplorationPart.Inputs) -> String {
        var words = [inputs.file ?? "(no file)"]
        if let linkOrder = inputs.linkOrder { words.append("--link-order \(linkOrder)") }
        if inputs.allowPartial { words.append("--allow-partial") }
        if let commandLine = inputs.commandLine { words.append("--cmdline '\(commandLine)'") }
        if let linkerScript = inputs.linkerScript { words.append("--linker-script \(linkerScript)") }
        return words.joined(separator: " ")
    }

    /// Merges the parts of one exploration (any order) into the report a single exploration
    /// of the whole space gives, reducing every failing outcome from the merged data.
    /// `description` (and `reference`) must be read as the parts' inputs say; the parts'
    /// digest catches a description that changed since. `jobs` only sets how many
    /// reductions run at a time.
    public static func merge(
        _ parts: [ExplorationPart], description: KernelDescription, reference: LinkOrder? = nil,
        allowPartial: Bool = false, jobs: Int = 1
    ) async throws(ExplorationError) -> ExplorationReport {
        let ordered = try validate(parts)
        let first = ordered[0]
        var options = Options()
        options.level = first.level
        options.seed = first.seed
        options.jobs = jobs
        switch first.mode {
        case .exhaustive:
            options.exhaustive = true
            options.exhaustiveLimit = max(options.exhaustiveLimit, first.orders)
        case .random:
            options.runs = first.orders
        }
        let setup = try Setup(description, reference: reference, allowPartial: allowPartial, options: options)
        guard setup.mode == first.mode, setup.orders == first.orders, setup.digest == first.digest else {
            throw .parts(.descriptionChanged(first.source, file: first.inputs.file))
        }
        let chunks = ordered.map { part in
            ChunkResult(
                groups: part.outcomes.map {
                    ChunkResult.Group(
                        fingerprint: $0.fingerprint, passes: $0.passes, count: $0.count, firstOrder: $0.firstOrder)
                })
        }
        var report = setup.report(merging: chunks)
        if options.reduce { try await reduce(&report, setup) }
        return report
    }

    /// ``merge(_:description:reference:allowPartial:jobs:)`` for synchronous callers, on `jobs`
    /// threads of its own.
    public static func mergeBlocking(
        _ parts: [ExplorationPart], description: KernelDescription, reference: LinkOrder? = nil,
        allowPartial: Bool = false, jobs: Int = 1
    ) throws(ExplorationError) -> ExplorationReport {
        let result = WorkerThreads.run(threads: max(1, jobs)) {
            () async -> Result<ExplorationReport, ExplorationError> in
            do throws(ExplorationError) {
                return .success(
                    try await merge(
                        parts, description: description, reference: reference, allowPartial: allowPartial, jobs: jobs
                    ))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }
}

extension Exploration.Setup {
    /// FNV-1a over what the merge must find again: the reference boot (records, calls and
    /// resources) and the space (reference order, groups).
    var digest: String {
        var hash = FNV1a()
        let reference = evaluator.referenceResult
        for record in reference.records {
            hash.add(record.timestamp)
            hash.add(UInt64(record.level.rawValue))
            hash.add(record.text)
        }
        for run in reference.runs {
            hash.add(UInt64(run.entry))
            hash.add(UInt64(UInt32(bitPattern: run.ret)))
            hash.add(UInt64(run.flags.rawValue))
        }
        for event in reference.resourceEvents {
            hash.add(UInt64(event.run))
            hash.add(event.kind.rawValue)
            hash.add(event.resource)
        }
        for object in space.reference { hash.add(UInt64(object)) }
        for group in space.groups {
            hash.add(group.level)
            for section in group.sections { hash.add(section) }
            for object in group.objects { hash.add(object) }
        }
        hash.add(UInt64(bitPattern: Int64(space.size ?? -1)))
        return hash.hex
    }
}

/// 64-bit FNV-1a: a stable digest (the same on every machine and run), not a secure one.
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ byte: UInt8) {
        value ^= UInt64(byte)
        value = value &* 0x0000_0100_0000_01b3
    }

    mutating func add(_ number: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { add(UInt8(truncatingIfNeeded: number >> UInt64(shift))) }
    }

    /// The string's UTF-8 bytes and a terminator, so that `"ab", "c"` and `"a", "bc"` differ.
    mutating func add(_ text: String) {
        for byte in text.utf8 { add(byte) }
        add(UInt8(0xff))
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
