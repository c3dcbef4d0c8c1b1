import Foundation
import KernelLink
import KernelModel
import Reports
import SourceInput
import TestSupport
import Testing

/// Inputs as people write them: Windows line ends, pasted lone CRs, lenient-looking numbers,
/// combining marks after quotes, files that are not what they were taken for.
@Suite("Messy input")
struct MessyInputTests {
    static func log(_ text: String, file: String) throws -> String {
        let description = try BootFile.parse(text, file: file, loader: Fixtures.loader)
        return DmesgRenderer.render(try Linker.link(description).boot())
    }

    @Test(arguments: ["\r\n", "\r"])
    func theBoardBootsTheSameWhateverItsLineEnds(_ lineEnd: String) throws {
        let text = try Fixtures.loader("Examples/board.boot")
        let converted = SourceText.lines(text).joined(separator: lineEnd)
        let log = try Self.log(converted, file: "Examples/board.boot")
        #expect(log == (try Self.log(text, file: "Examples/board.boot")))
        #expect(log.contains("calling  pci_subsys_init"))
    }

    @Test func aCRLFLinkOrderReadsItsPaths() {
        let order = LinkOrder(text: "# order\r\ndrivers/a.o\r\n  drivers/b.o # b\r\n\r\n", file: "o.order")
        #expect(order.paths == ["drivers/a.o", "drivers/b.o"])
        #expect(order.locations?.map(\.description) == ["o.order:2:1", "o.order:3:3"])
    }

    @Test func errorsInCRLFFilesKeepTheirColumns() {
        let text = "object a.o\r\n  core_initcall a_init returns=-ENODEVV\r\n"
        #expect {
            _ = try BootFile.parse(text, file: "crlf.boot")
        } throws: { error in
            (error as? BootDescriptionError)?.diagnostic.location.description == "crlf.boot:2:32"
        }
    }

    @Test(arguments: [
        ("  core_initcall a preempt=++1", "invalid preempt count '++1'"),
        ("  core_initcall a preempt=+-1", "invalid preempt count '+-1'"),
        ("  core_initcall a size=0x+10", "invalid symbol size '0x+10'"),
        ("  core_initcall a returns=+-5", "invalid return value '+-5'"),
    ])
    func numbersAreStrict(_ line: String, _ message: String) {
        #expect {
            _ = try BootFile.parse("object a.o\n" + line, file: "n.boot")
        } throws: { error in
            (error as? BootDescriptionError)?.diagnostic.message == message
        }
    }

    @Test func cpusTakesAPlainNumber() {
        #expect(throws: BootDescriptionError.self) { try BootFile.parse("cpus +4", file: "c.boot") }
        #expect((try? BootFile.parse("cpus 4", file: "c.boot"))?.cpus == 4)
    }

    @Test func aQuoteBeforeACombiningMarkStillCloses() throws {
        // As Characters, "\"\u{301}" is one grapheme and the string would never close.
        let description = try BootFile.parse("hardware \"caf\u{301}\"\u{301}x\n", file: "h.boot")
        #expect(description.hardwareName == "caf\u{301}\u{301}x")
    }

    @Test func aLevelsFileThatDefinesNothingIsAnError() {
        #expect {
            _ = try LevelDefinitions.parse("hostname\n", file: "/etc/hostname")
        } throws: { error in
            guard let diagnostic = (error as? LevelDefinitionError)?.diagnostic else { return false }
            return diagnostic.location.description == "/etc/hostname:1:1"
                && diagnostic.message == "'/etc/hostname' defines no initcall level"
        }
    }

    @Test func aReferencedDirectorySaysSo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "initcall-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory.appendingPathComponent("scripts.lds"), withIntermediateDirectories: true)
        let boot = directory.appendingPathComponent("x.boot")
        try Data("linker-script \"scripts.lds\"\n".utf8).write(to: boot)
        #expect {
            _ = try BootFile.load(boot.path)
        } throws: { error in
            (error as? BootDescriptionError)?.diagnostic.message.hasSuffix(": is a directory") == true
        }
    }
}
