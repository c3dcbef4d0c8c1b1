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

/// Async workers' lines reach the ring buffer by time, among a call's own: they are not that
/// call's output, so no link order makes a call "print other lines" because a worker line
/// came during it.
@Suite struct AsyncExploreTests {
    @Test func workerLinesAreNoCallsOutput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("async-explore-\(getpid()).boot")
        try """
        kernel "3.12.0"
        cmdline "initcall_debug"
        timeline printk=1us
        initramfs /init
        object drivers/block/floppy.o
          async floppy_async_init time=1339us delay=18ms pid=6 size=0xa printk=+200us:KERN_INFO:"FDC 0 is a post-1991 82077"
          module_init floppy_init time=3ms async=floppy_async_init
        object drivers/block/cciss.o
          module_init cciss_init time=18ms printk=KERN_INFO:"HP CISS Driver (v 3.6.26)"
        object drivers/block/pkt.o
          module_init pkt_init time=5ms
        """.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let output = CLIFixtures.run(["explore", path.path, "--exhaustive"])
        #expect(output.exitCode == 0, "\(output.stderr)")
        #expect(output.stdout.contains("1 outcome:"))
        #expect(!output.stdout.contains("prints other lines"))
    }
}
