import KernelLink
import KernelModel
import LinkerScript
import TestSupport
import Testing

@Suite("linking")
struct LinkerTests {
    /// Objects a, b, c each with a device and a device_sync entry, plus one core entry in c.
    static func threeObjects() -> KernelDescription {
        var kernel = KernelDescription()
        for name in ["a", "b", "c"] {
            kernel.object("drivers/\(name).o") { tu in
                tu.device_initcall_sync(TestKernel.fn("\(name)_sync"))
                tu.device_initcall(TestKernel.fn("\(name)_first"))
                tu.device_initcall(TestKernel.fn("\(name)_second"))
                if name == "c" { tu.core_initcall(TestKernel.fn("c_core")) }
            }
        }
        return kernel
    }

    /// One object registering at every id of the table, twice over and interleaved (more
    /// sections than the grouping scans before it indexes them): the table is the same as
    /// for the same registrations written grouped by section.
    @Test func anObjectWithManySectionsKeepsSourceOrderWithinEach() throws {
        let macros = LevelTable.linux6.ids.compactMap(\.macros.first)
        #expect(macros.count > 8)
        func kernel(_ order: [(macro: String, round: Int)]) -> KernelDescription {
            var kernel = KernelDescription()
            kernel.object("drivers/many.o") { tu in
                for (macro, round) in order {
                    tu.register(TestKernel.fn("\(macro)_\(round)"), macro: macro)
                }
            }
            return kernel
        }
        let interleaved = (1...2).flatMap { round in macros.map { ($0, round) } }
        let grouped = macros.flatMap { macro in (1...2).map { (macro, $0) } }
        let first = try Linker.link(kernel(interleaved))
        let second = try Linker.link(kernel(grouped))
        #expect(first.table.map(\.function) == second.table.map(\.function))
        #expect(first.table.count == 2 * macros.count)
        #expect(first.table.map(\.function).prefix(2) == ["early_initcall_1", "early_initcall_2"])
    }

    @Test func levelThenLinkOrderThenSourceOrder() throws {
        let image = try Linker.link(Self.threeObjects())
        #expect(
            image.runOrder.map { image.table[$0.entry].function } == [
                "c_core",
                "a_first", "a_second", "b_first", "b_second", "c_first", "c_second",
                "a_sync", "b_sync", "c_sync",
            ])
    }

    @Test func linkOrderReordersWithinEachSection() throws {
        let image = try Linker.link(
            Self.threeObjects(), linkOrder: LinkOrder(["drivers/c.o", "drivers/a.o", "drivers/b.o"]))
        #expect(image.linkOrder == ["drivers/c.o", "drivers/a.o", "drivers/b.o"])
        #expect(
            image.runOrder.map { image.table[$0.entry].function }.prefix(4) == [
                "c_core", "c_first", "c_second", "a_first",
            ])
    }

    @Test func duplicateInTheLinkOrderFirstPositionWins() throws {
        let order = LinkOrder(
            text: "drivers/b.o\n# comment\n\ndrivers/a.o\ndrivers/b.o  \ndrivers/c.o\n", file: "order")
        let image = try Linker.link(Self.threeObjects(), linkOrder: order)
        #expect(image.linkOrder == ["drivers/b.o", "drivers/a.o", "drivers/c.o"])
    }

    @Test func unknownObjectInLinkOrderIsAnErrorWithItsLine() throws {
        let order = LinkOrder(text: "drivers/a.o\n  drivers/x.o\ndrivers/b.o\ndrivers/c.o\n", file: "my.order")
        #expect(throws: LinkError.self) { try Linker.link(Self.threeObjects(), linkOrder: order) }
        do {
            _ = try Linker.link(Self.threeObjects(), linkOrder: order)
        } catch {
            #expect(error.description.hasPrefix("my.order:2:3: link order names 'drivers/x.o'"))
        }
        let partial = try Linker.link(Self.threeObjects(), linkOrder: order, allowPartial: true)
        #expect(partial.linkOrder == ["drivers/a.o", "drivers/b.o", "drivers/c.o"])
    }

    @Test func objectMissingFromLinkOrderIsAnErrorUnlessPartial() throws {
        let order = LinkOrder(["drivers/c.o"])
        #expect(throws: LinkError.objectMissingFromLinkOrder(paths: ["drivers/a.o", "drivers/b.o"])) {
            try Linker.link(Self.threeObjects(), linkOrder: order)
        }
        let image = try Linker.link(Self.threeObjects(), linkOrder: order, allowPartial: true)
        #expect(image.linkOrder == ["drivers/c.o", "drivers/a.o", "drivers/b.o"])
    }

    @Test func undefinedBoundarySymbolFailsTheLink() throws {
        var kernel = Self.threeObjects()
        kernel.linkerScript = try LinkerScript.parse(
            """
            SECTIONS {
              .init.data : {
                __initcall_start = .;
                KEEP(*(.initcallearly.init))
                __initcall0_start = .;
                KEEP(*(.initcall6.init))
                __initcall_end = .;
                __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;
              }
            }
            """, file: "short.lds")
        #expect {
            try Linker.link(kernel)
        } throws: { error in
            guard
                case .undefinedSymbol("__initcall1_start", "initcall_levels[1]", let diagnostic?) = error as? LinkError
            else { return false }
            // The other end of the walk, `__initcall0_start = .;`, is where it belongs.
            return diagnostic.location.description == "short.lds:5:5"
                && diagnostic.sourceLine == "    __initcall0_start = .;"
        }
    }

    @Test func unknownMacroFailsTheLinkWithASuggestion() throws {
        var kernel = KernelDescription()
        kernel.object("a.o") { tu in tu.core_initcal(TestKernel.fn("x_init")) }
        #expect(throws: LinkError.self) { try Linker.link(kernel) }
        do {
            _ = try Linker.link(kernel)
        } catch {
            #expect(error.description.contains("did you mean 'core_initcall'"))
        }
    }

    @Test func duplicateObjectsAreRejected() throws {
        var kernel = KernelDescription()
        kernel.object("a.o") { _ in }
        kernel.object("a.o") { _ in }
        #expect(throws: LinkError.duplicateObject(path: "a.o")) { try Linker.link(kernel) }
    }

    @Test func addressesFollowTheScriptAndEntrySize() throws {
        let image = try Linker.link(Self.threeObjects())
        let addresses = image.table.compactMap(\.address)
        #expect(addresses == addresses.sorted())
        #expect(zip(addresses, addresses.dropFirst()).allSatisfy { $1 - $0 == 4 })
        var generic = Self.threeObjects()
        generic.architecture = .generic
        let wide = try Linker.link(generic).table.compactMap(\.address)
        #expect(zip(wide, wide.dropFirst()).allSatisfy { $1 - $0 == 8 })
    }

    @Test func defaultScriptIsTheShippedFileByteForByte() throws {
        let file = try String(
            contentsOf: Fixtures.linkerScripts.appendingPathComponent(DefaultLinkerScript.fileName), encoding: .utf8)
        #expect(DefaultLinkerScript.text == file)
        let script = try DefaultLinkerScript.parsed()
        #expect(script.warnings.isEmpty)
    }

    @Test func levelReportPlacesEveryIdOfTheDefaultTable() throws {
        let report = try LevelReport(description: KernelDescription())
        #expect(
            report.rows.map(\.id) == [
                "con", "early", "0", "0s", "1", "1s", "2", "2s", "3", "3s", "4", "4s", "5", "5s", "rootfs", "rootfss",
                "6",
                "6s", "7", "7s",
            ])
        let rootfs = try #require(report.rows.first { $0.id == "rootfs" })
        #expect(rootfs.levelName == "fs")
        #expect(rootfs.boundary == "__initcall5_start")
        #expect(report.rows.first { $0.id == "6" }?.macros == ["device_initcall", "__initcall", "module_init"])
    }
}
