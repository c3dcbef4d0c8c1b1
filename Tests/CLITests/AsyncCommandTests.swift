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

/// `compare` shows the async entries that differ: blacklisting the call that schedules two
/// port probes leaves them unrun, and the boots' outcomes differ.
@Suite struct AsyncCompareTests {
    static func write(_ name: String, blacklist: Bool) throws -> URL {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid()).boot")
        try """
        kernel "4.19.0"
        cmdline "initcall_debug\(blacklist ? " initcall_blacklist=ata_init" : "")"
        timeline printk=1us
        initramfs /init
        object drivers/ata/libata-core.o
          async async_port_probe time=40ms pid=91 size=0x49
          async port2 function=async_port_probe time=30ms pid=93 delay=1ms size=0x49 synchronize=cookie
          device_initcall ata_init time=1ms async=+100us:async_port_probe async=port2
        object drivers/block/cciss.o
          module_init cciss_init time=18ms
        """.write(to: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func entriesOneBootDidNotRunAreDifferences() throws {
        let a = try Self.write("async-a", blacklist: false)
        let b = try Self.write("async-b", blacklist: true)
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let text = CLIFixtures.run(["compare", a.path, b.path])
        #expect(text.exitCode == 1)
        #expect(
            text.stdout.contains(
                """
                Async entries (kernel/async.c) that differ:
                  async_port_probe: 2 -> 0 entries
                    #1  @ 91 0.067103-0.107103 -> (not run)
                    #2  @ 93 0.069003-0.137103 -> (not run)

                """), "\(text.stdout)")
        #expect(text.stdout.contains("Result: outcomes differ (1 initcall changed, async entries of 1 function)"))
        let json = CLIFixtures.run(["compare", a.path, b.path, "--format", "json"])
        #expect(json.stdout.contains(#""async_changes": ["#))
        #expect(json.stdout.contains(#""count_a": 2,"#))
        // A boot compared with itself: no async differences.
        let same = CLIFixtures.run(["compare", a.path, a.path])
        #expect(same.exitCode == 0)
        #expect(!same.stdout.contains("Async entries"))
    }

    /// Another link order runs the probes later, on the same workers for the same time: no
    /// async difference, as a call that only moved is none.
    @Test func entriesThatOnlyMovedInTimeAreNoDifference() throws {
        let a = try Self.write("async-order", blacklist: false)
        let order = FileManager.default.temporaryDirectory.appendingPathComponent("async-order-\(getpid()).order")
        try "drivers/block/cciss.o\ndrivers/ata/libata-core.o\n".write(to: order, atomically: true, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: order)
        }
        let output = CLIFixtures.run(["compare", a.path, "--link-order", order.path])
        #expect(output.exitCode == 0, "\(output.stdout)")
        #expect(!output.stdout.contains("Async entries"))
        #expect(output.stdout.contains("Result: same outcome; only the order differs"))
    }
}
