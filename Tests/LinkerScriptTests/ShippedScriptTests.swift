import LinkerScript
import TestSupport
import Testing

@Suite("The shipped x86-64 6.x script")
struct ShippedScriptTests {
    let script: LinkerScript

    init() throws {
        script = try LinkerScript.parse(
            try Fixtures.scriptText("vmlinux-6.x-x86_64.lds"), file: "vmlinux-6.x-x86_64.lds")
    }

    @Test func parsesWithoutWarnings() {
        #expect(script.warnings.isEmpty)
        #expect(script.outputSections.contains { $0.name == ".init.data" })
        #expect(script.outputSections.contains { $0.name == "/DISCARD/" })
    }

    @Test func initDataHoldsInitCallsInKernelOrder() throws {
        let initData = try #require(script.outputSections.first { $0.name == ".init.data" })
        var trace: [String] = []
        for item in initData.items {
            switch item {
            case .input(let d) where d.sections.contains(where: { $0.pattern.contains("initcall") }):
                trace.append(d.text)
            case .assignment(let a) where a.symbol.contains("initcall"):
                trace.append(a.symbol)
            default:
                break
            }
        }
        var expected = ["__initcall_start", "KEEP(*(.initcallearly.init))"]
        for level in ["0", "1", "2", "3", "4", "5", "rootfs", "6", "7"] {
            expected += [
                "__initcall\(level)_start", "KEEP(*(.initcall\(level).init))", "KEEP(*(.initcall\(level)s.init))",
            ]
        }
        expected += ["__initcall_end", "__con_initcall_start", "KEEP(*(.con_initcall.init))", "__con_initcall_end"]
        #expect(trace == expected)
    }

    @Test func layoutPlacesByLevelThenLinkOrder() throws {
        let inputs = [
            InputSection(file: "a.o", name: ".initcall6.init", size: 8, alignment: 4),
            InputSection(file: "a.o", name: ".initcall1.init", size: 4, alignment: 4),
            InputSection(file: "b.o", name: ".initcall6.init", size: 4, alignment: 4),
            InputSection(file: "b.o", name: ".exitcall.exit", size: 8, alignment: 8),
            InputSection(file: "c.o", name: ".initcall9.init", size: 4, alignment: 4),
        ]
        let map = try LinkMap(script: script, inputs: inputs)
        #expect(map.placements.map(\.input) == [1, 0, 2])
        #expect(map.orphans == [4])
        #expect(map.discarded.map(\.input) == [3])
        let start6 = try #require(map.address(of: "__initcall6_start"))
        let start7 = try #require(map.address(of: "__initcall7_start"))
        #expect(start7 - start6 == 12)
        #expect(map.placements[1].address == start6)
        #expect(map.address(of: "__initcall1_start").map { $0 + 4 } == map.address(of: "__initcall2_start"))
        #expect(map.address(of: "startup_64") == nil)
    }
}
