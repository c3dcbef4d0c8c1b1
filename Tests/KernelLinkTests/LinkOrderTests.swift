import KernelLink
import KernelModel
import SourceInput
import TestSupport
import Testing

@Suite struct LinkOrderTests {
    static let pair = """
        object drivers/spi/spi.o
          postcore_initcall spi_init
        object drivers/misc/a.o
          module_init a_init
        object drivers/net/b.o
          module_init b_init
        """

    @Test func readsPathsCommentsAndBlankLinesWithTheirPlaces() {
        let order = LinkOrder(text: "# header\n\n  drivers/a.o   # trailing\ndrivers/b.o\n", file: "x.order")
        #expect(order.paths == ["drivers/a.o", "drivers/b.o"])
        #expect(
            order.locations == [
                SourceLocation(file: "x.order", line: 3, column: 3),
                SourceLocation(file: "x.order", line: 4, column: 1),
            ])
        #expect(order.source == "x.order")
    }

    @Test func duplicatesAreNotesAndTheFirstPositionWins() throws {
        let order = LinkOrder(
            text: "drivers/net/b.o\ndrivers/spi/spi.o\ndrivers/misc/a.o\ndrivers/net/b.o\n", file: "dup.order")
        #expect(
            order.duplicates.map(\.note) == [
                "dup.order:4:1: note: 'drivers/net/b.o' is listed again (first at line 1); kbuild links it once, at its first position"
            ])
        let image = try Linker.link(try Fixtures.parse(Self.pair), linkOrder: order)
        #expect(image.linkOrder == ["drivers/net/b.o", "drivers/spi/spi.o", "drivers/misc/a.o"])
    }

    @Test func unknownObjectErrorPointsAtTheLine() throws {
        let order = LinkOrder(text: "drivers/spi/spi.o\ndrivers/misc/a.o\n  drivers/net/bb.o\n", file: "bad.order")
        let description = try Fixtures.parse(Self.pair)
        #expect(throws: LinkError.self) { try Linker.link(description, linkOrder: order) }
        do throws(LinkError) {
            _ = try Linker.link(description, linkOrder: order)
        } catch {
            #expect(
                error.description
                    == "bad.order:3:3: link order names 'drivers/net/bb.o', which the description does not define; did you mean 'drivers/net/b.o'? (use allowPartial: true to ignore it)"
            )
        }
    }

    @Test func allowPartialIgnoresUnknownAndAppendsUnlisted() throws {
        let order = LinkOrder(["drivers/net/b.o", "nowhere.o"])
        let image = try Linker.link(try Fixtures.parse(Self.pair), linkOrder: order, allowPartial: true)
        #expect(image.linkOrder == ["drivers/net/b.o", "drivers/spi/spi.o", "drivers/misc/a.o"])
        #expect(throws: LinkError.objectMissingFromLinkOrder(paths: ["drivers/spi/spi.o", "drivers/misc/a.o"])) {
            try Linker.link(
                try Fixtures.parse(Self.pair), linkOrder: LinkOrder(["drivers/net/b.o"]), allowPartial: false)
        }
    }

    @Test func valuesForScripts() throws {
        let description = try Fixtures.parse(Self.pair)
        let order = LinkOrder(of: description).moving("drivers/net/b.o", before: "drivers/misc/a.o")
        #expect(order.paths == ["drivers/spi/spi.o", "drivers/net/b.o", "drivers/misc/a.o"])
        #expect(order.text == "drivers/spi/spi.o\ndrivers/net/b.o\ndrivers/misc/a.o\n")
        #expect(LinkOrder(of: try Linker.link(description, linkOrder: order)) == order)
        // Unknown paths leave the order as it was.
        #expect(order.moving("x.o", before: "drivers/spi/spi.o") == order)
    }
}
