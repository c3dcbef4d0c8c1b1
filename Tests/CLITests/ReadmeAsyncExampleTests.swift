import Foundation
import KernelLink
import KernelModel
import Reports
import SourceInput
import TestSupport
import Testing

/// The README's "Async work" example is what the boot prints: its `.boot` block booted gives
/// the output block below it, line for line.
@Suite struct ReadmeAsyncExampleTests {
    @Test func theExampleIsWhatTheBootPrints() throws {
        let readme = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "### Async work"))
        let blocks = readme[section.upperBound...].components(separatedBy: "```\n")
        // blocks[1] is the description, blocks[3] its output.
        try #require(blocks.count > 3)
        let description = try BootFile.parse(blocks[1], file: "README.md")
        let dmesg = DmesgRenderer.render(try Linker.link(description).boot())
        let shown = blocks[3].split(separator: "\n").map(String.init)
        let printed = dmesg.split(separator: "\n").map(String.init)
        let first = try #require(printed.firstIndex(of: shown[0]))
        #expect(Array(printed[first..<min(printed.count, first + shown.count)]) == shown)
    }
}
