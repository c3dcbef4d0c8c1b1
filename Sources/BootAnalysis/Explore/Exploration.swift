import KernelBoot
import KernelLink
import KernelModel

/// Boots many link orders of one description and groups them by outcome (issue: "Comparing
/// link-order outcomes", `initcall-sim explore`).
///
/// Orders are booted in chunks by a task group, at most `jobs` at a time; chunk results are
/// merged by order index, so the report is the same for any number of jobs.
public enum Exploration {
    /// How an exploration picks and boots link orders: how many, from which seed, how many at a
    /// time, within which level, and whether failures are reduced to a minimal reproducer.
    public struct Options: Sendable {
        /// Booted orders in random mode (the reference included).
        public var runs: Int = 1_000
        /// Boot every order, or fail if there are more than `exhaustiveLimit`.
        public var exhaustive = false
        /// The seed of the random sample: the same seed gives the same orders on every machine.
        public var seed: UInt64 = 1
        /// How many orders boot at a time; the report is the same for any number.
        public var jobs: Int = 1
        /// Permute only the objects of this level (its name, `device`, or number, `6`).
        public var level: String?
        /// The most orders `exhaustive` accepts.
        public var exhaustiveLimit = 100_000
        /// Find a minimal reproducer for every failing outcome…
        public var reduce = true
        /// … up to this many, in order of first appearance (k independent hazards can make
        /// 2^k failing outcomes; the first ones are the most common).
        public var reduceLimit = 100
        /// The initcalls all reductions may boot together (a boot of the image costs about its
        /// number of initcalls). Each failing outcome gets an equal share, in boots at most
        /// 2,000 for its objects and 512 for its pair moves (what one outcome alone gets); a
        /// reproducer whose share ran out says it is not minimal. Bounds the time of an
        /// exploration with many failing outcomes (500 provider/consumer pairs in one level
        /// make every explored order its own outcome).
        public var reductionBudget = 2_000_000

        /// The defaults: 1,000 orders, seed 1, one job, every level, failures reduced.
        public init() {}
    }

    /// The most orders one exploration boots: enough for hours of booting, few enough that
    /// bookkeeping never becomes the problem.
    public static let runsLimit = 100_000_000

    /// Progress after each chunk: orders done, orders in all, outcomes so far.
    public typealias Progress = @Sendable (_ done: Int, _ total: Int, _ outcomes: Int) -> Void

    /// Explores from the description order (or `reference`).
    public static func run(
        _ description: KernelDescription, reference: LinkOrder? = nil, allowPartial: Bool = false,
        options: Options = Options(), progress: Progress? = nil
    ) async throws(ExplorationError) -> ExplorationReport {
        let setup = try Setup(description, reference: reference, allowPartial: allowPartial, options: options)
        let chunks = try await boot(setup, orders: 0..<setup.orders, progress: progress)
        var report = setup.report(merging: chunks)
        if options.reduce { try await reduce(&report, setup) }
        return report
    }

    /// ``run(_:reference:allowPartial:options:progress:)`` for synchronous callers: the work
    /// runs on `options.jobs` threads of its own while the caller waits.
    public static func runBlocking(
        _ description: KernelDescription, reference: LinkOrder? = nil, allowPartial: Bool = false,
        options: Options = Options(), progress: Progress? = nil
    ) throws(ExplorationError) -> ExplorationReport {
        let result = WorkerThreads.run(threads: max(1, options.jobs)) {
            () async -> Result<ExplorationReport, ExplorationError> in
            do throws(ExplorationError) {
                return .success(
                    try await run(
                        description, reference: reference, allowPartial: allowPartial, options: options,
                        progress: progress))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    // MARK: Booting

    /// What every chunk needs, computed once.
    struct Setup: Sendable {
        let relinker: Relinker
        let space: ExplorationSpace
        let evaluator: OutcomeEvaluator
        let options: Options
        let mode: ExplorationReport.Mode
        let orders: Int

        init(_ description: KernelDescription, reference: LinkOrder?, allowPartial: Bool, options: Options)
            throws(ExplorationError)
        {
            let referenceImage: KernelImage
            do throws(LinkError) {
                relinker = try Relinker(description)
                // The relinker's first link is in description order: the reference unless one is given.
                referenceImage =
                    reference == nil
                    ? relinker.base : try Linker.link(description, linkOrder: reference, allowPartial: allowPartial)
            } catch {
                throw .link(error)
            }
            let slice = try Setup.slice(options.level, referenceImage)
            var index: [String: Int] = [:]
            for (i, object) in description.objects.enumerated() where index[object.path] == nil {
                index[object.path] = i
            }
            let referenceOrder = referenceImage.linkOrder.compactMap { index[$0] }
            space = ExplorationSpace(referenceImage, reference: referenceOrder, only: slice)
            evaluator = OutcomeEvaluator(reference: referenceImage.boot())
            self.options = options
            (mode, orders) = try Setup.plan(space, options)
        }

        /// The slice `--level` names, by level name or number.
        private static func slice(_ name: String?, _ image: KernelImage) throws(ExplorationError) -> InitcallSlice? {
            guard let name else { return nil }
            let slices: [InitcallSlice] =
                [.console, .early] + image.levelSlices.indices.map { InitcallSlice.level($0) }
            if let match = slices.first(where: { image.name(of: $0) == name }) { return match }
            if let number = Int(name), image.levelSlices.indices.contains(number) { return .level(number) }
            throw .unknownLevel(name, known: slices.map { image.name(of: $0) })
        }

        /// Exhaustive when asked, or when every order fits in the runs; random otherwise.
        private static func plan(_ space: ExplorationSpace, _ options: Options) throws(ExplorationError)
            -> (ExplorationReport.Mode, Int)
        {
            guard (1...Exploration.runsLimit).contains(options.runs) else { throw .invalidRuns(options.runs) }
            if options.exhaustive {
                guard let size = space.size, size <= options.exhaustiveLimit else {
                    throw .tooManyOrders(
                        space: space.size, limit: options.exhaustiveLimit,
                        components: space.components.map(\.objects.count))
                }
                return (.exhaustive, size)
            }
            if let size = space.size, size <= options.runs { return (.exhaustive, size) }
            return (.random, options.runs)
        }

        func order(_ index: Int) -> [Int] {
            mode == .exhaustive ? space.exhaustiveOrder(index) : space.randomOrder(index, seed: options.seed)
        }

        func boot(_ order: [Int]) throws(ExplorationError) -> BootResult {
            do throws(LinkError) {
                return try relinker.link(order: order).boot()
            } catch {
                throw .link(error)
            }
        }

        /// Boots `order` and judges it; the image's map is not rebuilt, as nothing reads it.
        /// Concurrent callers pass their own ``Relinker/isolated()`` copy.
        func evaluate(_ order: [Int], with relinker: Relinker? = nil) throws(ExplorationError)
            -> OutcomeEvaluator.Evaluation
        {
            let relinked: Relinker.Relinked
            do throws(LinkError) {
                relinked = try (relinker ?? self.relinker).relink(order: order, rebuildingMap: false)
            } catch {
                throw .link(error)
            }
            return evaluator.evaluate(relinked.image.boot(), ids: relinked.entryIDs)
        }
    }

    /// The outcomes of a run of consecutive orders, in order of first appearance.
    struct ChunkResult: Sendable {
        struct Group: Sendable {
            var fingerprint: OutcomeFingerprint
            var passes: Bool
            var count: Int
            var firstOrder: Int
        }

        var groups: [Group] = []
    }

    /// Boots orders `range` in chunks; the chunk results come back in order-index order.
    static func boot(_ setup: Setup, orders range: Range<Int>, progress: Progress?) async throws(ExplorationError)
        -> [ChunkResult]
    {
        let jobs = min(max(1, setup.options.jobs), 1_024)
        let chunkSize = max(1, min(500, range.count / (jobs * 8)))
        let ranges = stride(from: range.lowerBound, to: range.upperBound, by: chunkSize).map {
            $0..<min(range.upperBound, $0 + chunkSize)
        }
        var done = 0
        var outcomes = Set<OutcomeFingerprint>()
        let results = await inParallel(ranges.count, jobs: jobs) { index in
            bootChunk(ranges[index], setup)
        } finished: { index, result in
            guard let progress, case .success(let chunk) = result else { return }
            done += ranges[index].count
            for group in chunk.groups { outcomes.insert(group.fingerprint) }
            progress(done, range.count, outcomes.count)
        }
        var chunks: [ChunkResult] = []
        for result in results { chunks.append(try result.get()) }
        return chunks
    }

    /// `work(0) … work(count - 1)` as a task group running at most `jobs` at a time; results
    /// in index order whatever order they finish in. `finished` sees each as it arrives.
    static func inParallel<T: Sendable>(
        _ count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> T, finished: (Int, T) -> Void = { _, _ in }
    ) async -> [T] {
        var results = [T?](repeating: nil, count: count)
        await withTaskGroup(of: (Int, T).self) { group in
            var next = 0
            while next < count, next < max(1, jobs) {
                let index = next
                group.addTask { (index, work(index)) }
                next += 1
            }
            for await (index, result) in group {
                results[index] = result
                finished(index, result)
                if next < count {
                    let index = next
                    group.addTask { (index, work(index)) }
                    next += 1
                }
            }
        }
        return results.compactMap { $0 }
    }

    private static func bootChunk(_ range: Range<Int>, _ setup: Setup) -> Result<ChunkResult, ExplorationError> {
        var chunk = ChunkResult()
        var known: [OutcomeFingerprint: Int] = [:]
        let relinker = setup.relinker.isolated()
        for index in range {
            let evaluation: OutcomeEvaluator.Evaluation
            do throws(ExplorationError) {
                evaluation = try setup.evaluate(setup.order(index), with: relinker)
            } catch {
                return .failure(error)
            }
            if let group = known[evaluation.fingerprint] {
                chunk.groups[group].count += 1
            } else {
                known[evaluation.fingerprint] = chunk.groups.count
                chunk.groups.append(
                    ChunkResult.Group(
                        fingerprint: evaluation.fingerprint, passes: evaluation.passes, count: 1, firstOrder: index))
            }
        }
        return .success(chunk)
    }

    // MARK: Reducing

    /// A minimal reproducer for every failing outcome, from the reference when it passes, else
    /// from the first passing order; none when no explored order passes. Outcomes are reduced
    /// side by side, each from its own relinker.
    static func reduce(_ report: inout ExplorationReport, _ setup: Setup) async throws(ExplorationError) {
        guard let passing = report.outcomes.first(where: \.passes)?.firstOrder else { return }
        let from = setup.order(passing)
        let failing = Array(
            report.outcomes.indices.filter { !report.outcomes[$0].passes }.prefix(max(0, setup.options.reduceLimit)))
        let targets = failing.map { setup.order(report.outcomes[$0].firstOrder) }
        let boots = setup.options.reductionBudget / max(1, setup.relinker.base.table.count)
        let share = ReductionShare(total: boots, outcomes: failing.count)
        let reproducers = await inParallel(failing.count, jobs: setup.options.jobs) { index in
            Result { () throws(ExplorationError) -> ExplorationReport.Reproducer in
                try reproducer(
                    from: from, fromOrder: passing, to: targets[index], share, setup, setup.relinker.isolated())
            }
        }
        for (index, reproducer) in zip(failing, reproducers) {
            report.outcomes[index].reproducer = try reproducer.get()
        }
    }

    private static func reproducer(
        from: [Int], fromOrder: Int, to target: [Int], _ share: ReductionShare, _ setup: Setup,
        _ relinker: Relinker
    ) throws(ExplorationError) -> ExplorationReport.Reproducer {
        let fingerprint = try setup.evaluate(target, with: relinker).fingerprint
        var reducer = LinkOrderReducer(from: from, to: target, budget: share.objects) {
            order throws(ExplorationError) in
            try setup.evaluate(order, with: relinker).fingerprint == fingerprint
        }
        let objects = try reducer.minimalObjects()
        let reduced = reducer.order(moving: objects)
        let paths = setup.relinker.description.objects.map(\.path)
        func relative(_ set: [Int], in order: [Int]) -> [String] {
            let wanted = Set(set)
            return order.filter { wanted.contains($0) }.map { paths[$0] }
        }
        if let found = try reducer.pairMoves(reduced: reduced, sharing: setup.space.shareGroup, budget: share.moves) {
            let involved = found.moves.flatMap { [$0.before, $0.object] }
            return ExplorationReport.Reproducer(
                fromOrder: fromOrder, passing: relative(involved, in: from),
                failing: relative(involved, in: found.order),
                moves: found.moves.map { .init(object: paths[$0.object], before: paths[$0.before]) },
                linkOrder: found.order.map { paths[$0] }, minimal: found.minimal)
        }
        return ExplorationReport.Reproducer(
            fromOrder: fromOrder, passing: relative(objects, in: from), failing: relative(objects, in: reduced),
            moves: [], linkOrder: reduced.map { paths[$0] }, minimal: reducer.isMinimal)
    }
}

extension Exploration.Setup {
    /// The outcomes of consecutive chunks (or shards) given in order-index order, as one list
    /// in order of first appearance: the first group of each outcome keeps its first order and
    /// verdict, counts add up. The same whatever the chunking.
    static func merge(_ chunks: [Exploration.ChunkResult]) -> [Exploration.ChunkResult.Group] {
        var merged: [Exploration.ChunkResult.Group] = []
        var known: [OutcomeFingerprint: Int] = [:]
        for chunk in chunks {
            for group in chunk.groups {
                if let existing = known[group.fingerprint] {
                    merged[existing].count += group.count
                } else {
                    known[group.fingerprint] = merged.count
                    merged.append(group)
                }
            }
        }
        return merged
    }

    /// Merges chunk results in order-index order, then describes each outcome from a boot of
    /// its first order.
    func report(merging chunks: [Exploration.ChunkResult]) -> ExplorationReport {
        let merged = Self.merge(chunks)
        let paths = relinker.description.objects.map(\.path)
        let outcomes = merged.map { group -> ExplorationReport.Outcome in
            let order = self.order(group.firstOrder)
            let result = try? boot(order)
            return ExplorationReport.Outcome(
                passes: group.passes, count: group.count, firstOrder: group.firstOrder,
                linkOrder: order.map { paths[$0] },
                end: group.fingerprint.end, reasons: result.map { evaluator.reasons($0) } ?? [], reproducer: nil)
        }
        return ExplorationReport(
            file: relinker.description.sourceFile, level: options.level, mode: mode, seed: options.seed, orders: orders,
            space: space.size,
            groups: space.groups.map { .init(level: $0.level, sections: $0.sections, objects: $0.objects) },
            movable: space.movable.map { paths[$0] }, referenceLinkOrder: space.reference.map { paths[$0] },
            outcomes: outcomes)
    }
}

/// One failing outcome's part of ``Exploration/Options/reductionBudget`` (there in initcalls,
/// here in boots of the image): the boots its object
/// phase and its pair-move phase may spend. A few outcomes get what one alone would (2,000 and
/// 512); many share the total, never below a floor that still finds small reproducers.
struct ReductionShare: Sendable {
    let objects: Int
    let moves: Int

    init(total: Int, outcomes: Int) {
        let each = max(0, total) / max(1, outcomes)
        if each >= 2_512 {
            (objects, moves) = (2_000, 512)
        } else {
            (objects, moves) = (max(16, each * 4 / 5), max(4, each / 5))
        }
    }
}
