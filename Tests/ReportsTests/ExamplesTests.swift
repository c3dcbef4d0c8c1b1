import Foundation
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

/// Every `.boot` under Examples/ boots, so the examples never rot; their logs are golden.
@Suite("examples")
struct ExamplesTests {
    let golden = Golden("ReportsTests")

    @Test(arguments: Fixtures.exampleBootFiles())
    func everyExampleBoots(_ name: String) throws {
        let path = Fixtures.example(name)
        let description = try BootFile.load(path)
        let result = try Linker.link(description).boot()
        // An example that panics says so in its header comment.
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expectsPanic = text.split(separator: "\n").prefix { $0.hasPrefix("#") }.contains {
            $0.contains("panic") && $0.contains("Exit status 1")
        }
        #expect(result.reachedInit != expectsPanic, "\(name): \(result.outcome)")
    }

    @Test(arguments: [
        "same-level-pair", "board", "do-one-initcall", "panic", "debian-6.1-no-root", "tpm-ima", "params",
    ])
    func dmesgMatchesGolden(_ name: String) throws {
        let description = try BootFile.load(Fixtures.example("\(name).boot"))
        let result = try Linker.link(description).boot()
        try golden.check(DmesgRenderer.render(result), against: "\(name).dmesg")
    }

    @Test func reversedLinkOrderSwapsTheSameLevelPair() throws {
        let description = try BootFile.load(Fixtures.example("same-level-pair.boot"))
        let orderPath = Fixtures.example("same-level-pair.reversed.order")
        let order = LinkOrder(text: try String(contentsOfFile: orderPath, encoding: .utf8), file: orderPath)
        let result = try Linker.link(description, linkOrder: order).boot()
        #expect(TestKernel.called(result) == ["spi_init", "enc28j60_init", "as352x_afe_init"])
        try golden.check(DmesgRenderer.render(result), against: "same-level-pair.reversed.dmesg")
    }

    @Test func rawAndConsoleAndJSONFormatsMatchGolden() throws {
        let description = try BootFile.load(Fixtures.example("do-one-initcall.boot"))
        let result = try Linker.link(description).boot()
        try golden.check(DmesgRenderer.render(result, style: .raw), against: "do-one-initcall.raw")
        try golden.check(DmesgRenderer.render(result, style: .console), against: "do-one-initcall.console")
        try golden.check(BootJSON.document(result).rendered(), against: "do-one-initcall.json")
    }

    @Test func timestampFormatIsFiveDotSix() {
        #expect(DmesgRenderer.timestamp(0) == "[    0.000000]")
        #expect(DmesgRenderer.timestamp(1_234_567_891) == "[    1.234567]")
        #expect(DmesgRenderer.timestamp(123_456_000_000_000) == "[123456.000000]")
    }
}
