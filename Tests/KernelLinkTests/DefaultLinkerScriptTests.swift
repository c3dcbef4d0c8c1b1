import Foundation
import KernelLink
import TestSupport
import Testing

@Suite("The default linker script")
struct DefaultLinkerScriptTests {
    @Test func embeddedTextIsTheShippedFileByteForByte() throws {
        let shipped = try Fixtures.loader("LinkerScripts/" + DefaultLinkerScript.fileName)
        #expect(Array(DefaultLinkerScript.text.utf8) == Array(shipped.utf8))
    }

    @Test func parsesWithoutWarnings() throws {
        #expect(try DefaultLinkerScript.parsed().warnings.isEmpty)
    }
}
