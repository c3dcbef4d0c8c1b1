import BootAnalysis
import KernelBoot
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

@Suite struct BootComparisonTests {
    static func boot(_ description: KernelDescription, _ order: [String]? = nil) throws -> BootResult {
        try Linker.link(description, linkOrder: order.map { LinkOrder($0) }).boot()
    }

    /// Property: a boot compared with itself has nothing to report, for any link order.
    @Test func anOrderComparedWithItselfIsEmpty() throws {
        let description = try Fixtures.description("board.boot")
        for order in TestOrders.random(10, objects: description.objects.count, seed: 3) {
            let paths = order.map { description.objects[$0].path }
            let comparison = BootComparison(try Self.boot(description, paths), try Self.boot(description, paths))
            #expect(comparison.orderEqual)
            #expect(comparison.outcomesEqual)
            #expect(comparison.changes.isEmpty)
            #expect(comparison.levels.allSatisfy { $0.entries.allSatisfy { $0.change == .same } })
            #expect(
                ComparisonRenderer.text(comparison, labelA: "a", labelB: "b").hasSuffix(
                    "Result: identical: same order, same outcome.\n"))
        }
    }

    @Test func aSwapIsOneMoveAndItsConsequences() throws {
        let description = try Fixtures.description("seed-pair-dependency.boot")
        let comparison = BootComparison(
            try Self.boot(description),
            try Self.boot(description, ["drivers/spi/spi.o", "drivers/net/enc28j60.o", "drivers/misc/as352x_afe.o"]))
        #expect(!comparison.orderEqual)
        #expect(!comparison.outcomesEqual)
        let device = try #require(comparison.levels.first { $0.name == "device" })
        #expect(device.entries.map(\.change) == [.moved, .same])
        #expect(device.entries.map(\.key.function) == ["enc28j60_init", "as352x_afe_init"])
        #expect(device.entries[0].positionA == 2 && device.entries[0].positionB == 1)
        #expect(comparison.changes.map(\.key.function) == ["enc28j60_init"])
        let fields = comparison.changes[0].fields
        #expect(fields.first { $0.field == .ret }?.b == ["-ENODEV"])
        #expect(fields.first { $0.field == .missing }?.b == ["afe-clock"])
    }

    /// Order alone differs: equal outcomes, and the report says so.
    @Test func reorderingIndependentInitcallsKeepsTheOutcome() throws {
        let description = try Fixtures.description("same-level-pair.boot")
        let comparison = BootComparison(
            try Self.boot(description),
            try Self.boot(description, ["drivers/spi/spi.o", "drivers/net/enc28j60.o", "drivers/misc/as352x_afe.o"]))
        #expect(comparison.outcomesEqual)
        #expect(!comparison.orderEqual)
        #expect(comparison.movedCount == 1)
    }

    @Test func levelMovesAreMarkedOnBothSides() throws {
        let comparison = BootComparison(
            try Self.boot(try Fixtures.description("tpm-ima.boot")),
            try Self.boot(try Fixtures.description("tpm-ima-fixed.boot")))
        let core = try #require(comparison.levels.first { $0.name == "core" })
        #expect(core.entries.map(\.change) == [.movedOut, .movedIn])
        #expect(core.entries.map(\.otherLevel) == ["postcore", "subsys"])
        #expect(
            comparison.changes.map(\.key.function) == [
                "__bcm2835_clk_driver_init", "tpm_tis_spi_driver_init", "init_ima",
            ])
    }

    @Test func callsAPanicSkippedRanOnOneSideOnly() throws {
        let description = try Fixtures.description("pci-cma-keyring.boot")
        let acpiFirst = LinkOrder(
            text: try BootFile.readFile(Fixtures.example("pci-cma-keyring.acpi-first.order")), file: "o")
        let comparison = BootComparison(try Self.boot(description), try Self.boot(description, acpiFirst.paths))
        #expect(!comparison.b.reachedInit)
        let ranInAOnly = comparison.changes.filter { $0.fields.map(\.field) == [.ran] }.map(\.key.function)
        #expect(
            ranInAOnly == [
                "pci_cma_keyring_init", "pnpacpi_init", "acpi_reserve_resources", "pcie_portdrv_init",
                "virtio_blk_init",
            ])
        let text = ComparisonRenderer.text(comparison, labelA: "a", labelB: "b")
        #expect(text.contains("  ran in A only: pci_cma_keyring_init, pnpacpi_init"))
        #expect(text.hasSuffix("Result: outcomes differ (6 initcalls changed); B no longer reaches init.\n"))
    }

    /// Unchanged stretches of a long level fold to `...` beyond three lines of context.
    @Test func longUnchangedRunsFold() throws {
        var text = ""
        for n in 0..<20 { text += "object o\(n).o\n  module_init f\(n)\n" }
        let description = try Fixtures.parse(text)
        var order = description.objectPaths
        order.swapAt(10, 11)
        let comparison = BootComparison(try Self.boot(description), try Self.boot(description, order))
        let rendered = ComparisonRenderer.text(comparison, labelA: "a", labelB: "b")
        #expect(rendered.components(separatedBy: "      ...\n").count == 3)
        #expect(rendered.contains("~  f11"))
    }
}
