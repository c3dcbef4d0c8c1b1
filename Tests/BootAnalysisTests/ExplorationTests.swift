import BootAnalysis
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

@Suite struct ExplorationTests {
    static func options(jobs: Int = 1, runs: Int = 1_000, exhaustive: Bool = false, seed: UInt64 = 1)
        -> Exploration.Options
    {
        var options = Exploration.Options()
        options.jobs = jobs
        options.runs = runs
        options.exhaustive = exhaustive
        options.seed = seed
        return options
    }

    /// The report is the same, byte for byte, for any number of jobs.
    @Test(arguments: [2, 3, 8])
    func reportsDoNotDependOnJobs(jobs: Int) async throws {
        let description = try Fixtures.description("board.boot")
        let one = try await Exploration.run(description, options: Self.options(jobs: 1, runs: 300, seed: 4))
        let many = try await Exploration.run(description, options: Self.options(jobs: jobs, runs: 300, seed: 4))
        #expect(ExplorationRenderer.json(one).rendered() == ExplorationRenderer.json(many).rendered())
        let blocking = try Exploration.runBlocking(description, options: Self.options(jobs: jobs, runs: 300, seed: 4))
        #expect(ExplorationRenderer.text(blocking) == ExplorationRenderer.text(one))
    }

    @Test func seedsChooseTheOrders() async throws {
        let description = try Fixtures.description("board.boot")
        let a = try await Exploration.run(description, options: Self.options(runs: 50, seed: 1))
        let b = try await Exploration.run(description, options: Self.options(runs: 50, seed: 2))
        #expect(a.mode == .random && a.orders == 50)
        #expect(a.outcomes.map(\.linkOrder) != b.outcomes.map(\.linkOrder))
        #expect(a.outcomes.first?.firstOrder == 0)
        #expect(a.outcomes.first?.linkOrder == description.objectPaths)
    }

    @Test func smallSpacesAreExploredExhaustively() async throws {
        let report = try await Exploration.run(
            try Fixtures.description("pci-cma-keyring.boot"), options: Self.options())
        #expect(report.mode == .exhaustive)
        #expect(report.orders == 4 && report.space == 4)
        #expect(report.outcomes.map(\.passes) == [true, false])
        #expect(report.outcomes.map(\.count) == [2, 2])
        let move = try #require(report.outcomes[1].reproducer?.moves.first)
        #expect(move.object == "drivers/acpi/bus.o" && move.before == "drivers/pci/cma.o")
    }

    @Test func exhaustiveRefusesLargeSpacesAndLevelsMustExist() async throws {
        var text = ""
        for n in 0..<9 { text += "object o\(n).o\n  module_init f\(n)\n" }
        let description = try Fixtures.parse(text)
        await #expect(throws: ExplorationError.self) {
            try await Exploration.run(description, options: Self.options(exhaustive: true))
        }
        var options = Self.options()
        options.level = "devices"
        do {
            _ = try await Exploration.run(description, options: options)
            Issue.record("an unknown level was accepted")
        } catch {
            #expect(error.description.hasPrefix("unknown level 'devices'; expected one of: console, early, pure, core"))
        }
        options.level = "core"
        let report = try await Exploration.run(description, options: options)
        #expect(report.groups.isEmpty && report.orders == 1)
    }

    /// Property: every reproducer boots to the outcome it stands for, and it is minimal: undo
    /// any one of its moves and that outcome is gone.
    @Test func reproducersReproduceAndAreMinimal() async throws {
        let description = try Fixtures.description("board.boot")
        let report = try await Exploration.run(description, options: Self.options(jobs: 2, runs: 200, seed: 9))
        let failing = report.outcomes.filter { !$0.passes }
        #expect(!failing.isEmpty)
        for outcome in failing {
            let reproducer = try #require(outcome.reproducer)
            let target = try Linker.link(description, linkOrder: LinkOrder(outcome.linkOrder)).boot()
            let reproduced = try Linker.link(description, linkOrder: LinkOrder(reproducer.linkOrder)).boot()
            #expect(BootComparison(target, reproduced).outcomesEqual)
            #expect(!reproducer.moves.isEmpty)
            for dropped in reproducer.moves.indices {
                var moves = reproducer.moves
                moves.remove(at: dropped)
                let fewer = try Linker.link(
                    description, linkOrder: Self.apply(moves, to: LinkOrder(report.referenceLinkOrder))
                ).boot()
                #expect(!BootComparison(target, fewer).outcomesEqual)
            }
        }
    }

    @Test func onlyTheFirstFailingOutcomesAreReduced() async throws {
        var options = Self.options(runs: 200, seed: 9)
        options.reduceLimit = 1
        let report = try await Exploration.run(try Fixtures.description("board.boot"), options: options)
        let failing = report.outcomes.filter { !$0.passes }
        #expect(failing.count > 1)
        #expect(failing.map { $0.reproducer != nil } == [true] + Array(repeating: false, count: failing.count - 1))
        #expect(
            ExplorationRenderer.text(report).contains("reproducer: not reduced; only the first failing outcomes are"))
    }

    /// The moves as the reducer applies them: a move whose object already stands before its
    /// anchor changes nothing.
    static func apply(_ moves: [ExplorationReport.Move], to order: LinkOrder) -> LinkOrder {
        var result = order
        for move in moves {
            guard let object = result.paths.firstIndex(of: move.object),
                let anchor = result.paths.firstIndex(of: move.before),
                object > anchor
            else { continue }
            result = result.moving(move.object, before: move.before)
        }
        return result
    }
}
