import InitcallSim
import LinkerScript
import TestSupport
import Testing

@testable import KernelLink

/// What the layout warns about — a value it cannot compute, and what it did instead — is
/// reachable from every product of a link, so that a command can print it: the link map, the
/// image (relinked ones too), the INIT_CALLS layout and the level report.
@Suite("Layout warnings")
struct LayoutWarningsTests {
    static let text = """
        SECTIONS {
          . = 0x1000;
          . = text_start_from_objects;
          .init.data : {
        \(LevelTable.linux6.initCallsText(indent: "    "))
            __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;
          }
        }
        """

    static func kernel() throws -> KernelDescription {
        var kernel = KernelDescription()
        for name in ["a", "b"] {
            kernel.object("drivers/\(name).o") { tu in tu.device_initcall(TestKernel.fn("\(name)_init")) }
        }
        kernel.linkerScript = try LinkerScript.parse(text, file: "w.lds")
        return kernel
    }

    @Test func anUnknownLocationCounterIsAWarningAtTheReference() throws {
        let map = try LinkMap(script: try LinkerScript.parse(Self.text, file: "w.lds"), inputs: [])
        let warning = try #require(map.warnings.first)
        #expect(map.warnings.count == 1)
        #expect(warning.severity == .warning)
        #expect(
            warning.message
                == "the location counter assignment at w.lds:3:3 has an unknown value: undefined symbol `text_start_from_objects' referenced in expression"
        )
        #expect(warning.location.description == "w.lds:3:7")
        #expect(warning.sourceLine == "  . = text_start_from_objects;")
        #expect(warning.notes.first == "'.' is left unchanged")
    }

    @Test func everyProductOfALinkCarriesTheWarnings() throws {
        let kernel = try Self.kernel()
        let image = try Linker.link(kernel)
        #expect(image.layoutWarnings.count == 1)
        #expect(image.layoutWarnings == image.linkMap?.warnings)
        let relinked = try Relinker(kernel).relink(order: [1, 0], rebuildingMap: false).image
        #expect(relinked.linkMap == nil)
        #expect(relinked.layoutWarnings == image.layoutWarnings)
        let script = try #require(kernel.linkerScript)
        #expect(try InitcallLayout(script: script).warnings == image.layoutWarnings)
        #expect(try LevelReport(description: kernel).warnings == image.layoutWarnings)
    }
}
