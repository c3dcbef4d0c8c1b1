import KernelLink
import KernelModel
import LinkerScript
import Reports
import TestSupport
import Testing

@testable import KernelLink

/// The relinker is only a faster way to get what `Linker.link` gives: for random link orders
/// the two images must be the same, entry for entry, symbol for symbol.
@Suite struct RelinkTests {
    static func expectSameImage(_ fast: KernelImage, _ full: KernelImage) {
        #expect(fast.linkOrder == full.linkOrder)
        #expect(fast.table == full.table)
        #expect(fast.consoleSlice == full.consoleSlice)
        #expect(fast.earlySlice == full.earlySlice)
        #expect(fast.levelSlices == full.levelSlices)
        #expect(fast.orphans == full.orphans)
        #expect(fast.discarded == full.discarded)
        guard let fastMap = fast.linkMap, let fullMap = full.linkMap else {
            Issue.record("a relink that rebuilds its map, and a full link, both have one")
            return
        }
        #expect(fastMap.placements == fullMap.placements)
        #expect(fastMap.orphans == fullMap.orphans)
        #expect(fastMap.discarded.map(\.input) == fullMap.discarded.map(\.input))
        #expect(fastMap.discarded.map(\.statement) == fullMap.discarded.map(\.statement))
        #expect(fastMap.symbols == fullMap.symbols)
        #expect(fastMap.outputSections == fullMap.outputSections)
    }

    @Test(arguments: ["board.boot", "do-one-initcall.boot", "pci-cma-keyring.boot", "same-level-pair.boot"])
    func relinkEqualsFullLink(example: String) throws {
        let description = try Fixtures.description(example)
        let relinker = try Relinker(description)
        #expect(relinker.isFast)
        for order in TestOrders.random(25, objects: description.objects.count, seed: 11) {
            let fast = try relinker.link(order: order)
            let full = try Linker.link(description, linkOrder: LinkOrder(order.map { description.objects[$0].path }))
            Self.expectSameImage(fast, full)
            #expect(DmesgRenderer.render(fast.boot()) == DmesgRenderer.render(full.boot()))
        }
    }

    /// A worker's isolated copy links the same images, and a relink without the map differs
    /// from the full link in nothing but the map; its entry ids name the registrations.
    @Test func isolatedCopiesAndMaplessRelinksAgree() throws {
        let description = try Fixtures.description("board.boot")
        let relinker = try Relinker(description)
        let copy = relinker.isolated()
        for order in TestOrders.random(10, objects: description.objects.count, seed: 21) {
            let full = try Linker.link(description, linkOrder: LinkOrder(order.map { description.objects[$0].path }))
            Self.expectSameImage(try copy.link(order: order), full)
            let mapless = try copy.relink(order: order, rebuildingMap: false)
            #expect(mapless.image.table == full.table)
            #expect(mapless.entryIDs == Relinker.entryIDs(of: full))
            #expect(DmesgRenderer.render(mapless.image.boot()) == DmesgRenderer.render(full.boot()))
        }
    }

    /// Orphans (an id no pattern collects) and discarded exit calls are reordered too.
    @Test func orphansAndDiscardsFollowLinkOrder() throws {
        let description = try Fixtures.parse(
            """
            object a.o
              __define_initcall a_orphan 9
              module_exit a_exit
              module_init a_init
            object b.o
              __define_initcall b_orphan 9
              module_exit b_exit
              module_init b_init
            """)
        let relinker = try Relinker(description)
        let fast = try relinker.link(order: [1, 0])
        #expect(fast.orphans.map(\.function) == ["b_orphan", "a_orphan"])
        #expect(fast.discarded.map(\.function) == ["b_exit", "a_exit"])
        Self.expectSameImage(fast, try Linker.link(description, linkOrder: LinkOrder(["b.o", "a.o"])))
    }

    /// A script that sorts initcall sections by name is not relinked by hand: the full link
    /// runs, and the result is still the full link's.
    @Test func sortingScriptsFallBackToTheFullLink() throws {
        var description = try Fixtures.parse(
            """
            object z.o
              module_init z_init
            object a.o
              module_init a_init
            """)
        description.linkerScript = try LinkerScript.parse(
            """
            SECTIONS {
              .init.data : {
                __initcall_start = .; __initcall0_start = .; __initcall1_start = .; __initcall2_start = .;
                __initcall3_start = .; __initcall4_start = .; __initcall5_start = .; __initcall6_start = .;
                KEEP(*(SORT(.initcall6.init)))
                __initcall7_start = .; __initcall_end = .;
                __con_initcall_start = .; __con_initcall_end = .;
              }
            }
            """, file: "sorted.lds")
        let relinker = try Relinker(description)
        #expect(!relinker.isFast)
        Self.expectSameImage(
            try relinker.link(order: [1, 0]), try Linker.link(description, linkOrder: LinkOrder(["a.o", "z.o"])))
    }
}
