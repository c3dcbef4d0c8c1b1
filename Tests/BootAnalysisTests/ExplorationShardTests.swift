import BootAnalysis
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

/// `Exploration.runShard` and `merge`: the shards of one exploration merge into its report.
@Suite struct ExplorationShardTests {
    static func options(runs: Int = 1_000, exhaustive: Bool = false, seed: UInt64 = 1, level: String? = nil)
        -> Exploration.Options
    {
        var options = Exploration.Options()
        options.runs = runs
        options.exhaustive = exhaustive
        options.seed = seed
        options.level = level
        return options
    }

    /// The slices of any number of orders: contiguous, in order, disjoint, covering all.
    @Test(arguments: [0, 1, 2, 7, 300, 1_000_003])
    func shardsCoverTheOrdersOnce(_ total: Int) throws {
        for count in [1, 2, 3, 7, 64] {
            var next = 0
            for index in 1...count {
                let shard = try #require(Exploration.Shard(index: index, count: count))
                let range = shard.orders(of: total)
                #expect(range.lowerBound == next)
                next = range.upperBound
            }
            #expect(next == total)
        }
    }

    @Test func shardsParseAndRefuse() {
        #expect(Exploration.Shard("2/3")?.description == "2/3")
        for bad in ["0/3", "4/3", "3", "a/3", "1/0", "1/-1", "1/3/4", "", "1/\(Exploration.shardLimit + 1)"] {
            #expect(Exploration.Shard(bad) == nil, "\(bad)")
        }
    }

    static let cases: [(String, Exploration.Options)] = [
        ("pci-cma-keyring.boot", options()),
        ("board.boot", options(runs: 200, seed: 3)),
        ("board.boot", options(exhaustive: true, level: "late")),
    ]

    @Test(arguments: cases.indices)
    func mergedShardsAreTheWholeReport(_ index: Int) async throws {
        let (name, options) = Self.cases[index]
        let description = try Fixtures.description(name)
        let whole = try await Exploration.run(description, options: options)
        let inputs = ExplorationPart.Inputs(file: description.sourceFile)
        for count in [1, 3, 5] {
            var parts: [ExplorationPart] = []
            for shard in 1...count {
                parts.append(
                    try await Exploration.runShard(
                        description, options: options,
                        shard: try #require(Exploration.Shard(index: shard, count: count)),
                        inputs: inputs))
            }
            #expect(parts.reduce(0) { $0 + $1.outcomes.reduce(0) { $0 + $1.count } } == whole.orders)
            // Parts survive their JSON: written, read back, merged in reverse.
            let read = try parts.reversed().map {
                try ExplorationPartJSON.read(ExplorationPartJSON.document($0).rendered(), file: "part.json")
            }
            let merged = try await Exploration.merge(read, description: description, jobs: 2)
            #expect(ExplorationRenderer.json(merged).rendered() == ExplorationRenderer.json(whole).rendered())
            #expect(ExplorationRenderer.text(merged) == ExplorationRenderer.text(whole))
        }
    }

    @Test func validateNamesWhatIsWrong() async throws {
        let description = try Fixtures.description("pci-cma-keyring.boot")
        let inputs = ExplorationPart.Inputs(file: "x.boot")
        func part(_ index: Int, of count: Int, seed: UInt64 = 1) async throws -> ExplorationPart {
            let options = Self.options(seed: seed)
            var part = try await Exploration.runShard(
                description, options: options, shard: try #require(Exploration.Shard(index: index, count: count)),
                inputs: inputs)
            part.source = "part\(index).json"
            return part
        }
        let one = try await part(1, of: 2)
        let two = try await part(2, of: 2)
        func problem(_ parts: [ExplorationPart]) -> ExplorationError.PartsProblem? {
            let error = #expect(throws: ExplorationError.self) { try Exploration.validate(parts) }
            guard case .parts(let problem) = error else { return nil }
            return problem
        }
        #expect(problem([]) == .empty)
        #expect(problem([one]) == .missing([2], count: 2))
        #expect(problem([one, one, two]) == .duplicate(shard: one.shard, first: "part1.json", second: "part1.json"))
        var other = two
        other.inputs.commandLine = "quiet"
        guard case .differ(let field, _, _, _, _) = problem([one, other]) else {
            Issue.record("different inputs merged")
            return
        }
        #expect(field == "inputs")
        var counted = two
        counted.outcomes[0].count += 1
        guard case .inconsistent(let source, _) = problem([one, counted]) else {
            Issue.record("a part that does not add up merged")
            return
        }
        #expect(source == "part2.json")
        #expect(try Exploration.validate([two, one]).map(\.shard.index) == [1, 2])
        // A changed description is noticed by the digest.
        var changed = description
        changed.commandLine += " quiet"
        await #expect(throws: ExplorationError.self) {
            try await Exploration.merge([one, two], description: changed)
        }
    }
}
