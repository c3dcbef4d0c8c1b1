import Foundation
import InitcallSim
import InitcallSimCLI
import TestSupport
import Testing

/// `initcall-sim import`: a log of our own boots comes back as a description that boots the
/// same, every command works on it, and the command behaves as the others do.
@Suite struct ImportCommandTests {
    /// The dmesg of a description, booted with `cmdline` when given.
    static func dmesg(_ description: KernelDescription, cmdline: String? = nil) throws -> String {
        DmesgRenderer.render(try Linker.link(description).boot(commandLine: cmdline))
    }

    /// The `.boot` text an import of `log` writes.
    static func imported(_ log: String, map: String? = nil) -> String {
        DmesgImport.read(log, systemMap: map.map(SystemMap.init)).bootFile(source: "test.dmesg")
    }

    /// A `System.map` of the image: the 5.12+ entry symbols (`__initcall__kmod_<obj>__…`) and
    /// a boundary symbol where each walk starts.
    static func systemMap(_ description: KernelDescription) throws -> String {
        let image = try Linker.link(description)
        var lines: [String] = []
        var previous: InitcallSlice?
        let placed = image.table.filter { $0.address != nil && $0.slice != nil }.sorted {
            ($0.address ?? 0) < ($1.address ?? 0)
        }
        for (counter, entry) in placed.enumerated() {
            let address = String(entry.address ?? 0, radix: 16)
            if entry.slice != previous, let slice = entry.slice {
                lines.append("\(address) T \(boundary(slice))")
                previous = slice
            }
            let base = entry.object.split(separator: "/").last.map { String($0.dropLast(2)) } ?? "x"
            lines.append("\(address) d __initcall__kmod_\(base)__\(counter)_1_\(entry.function)\(entry.id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func boundary(_ slice: InitcallSlice) -> String {
        switch slice {
        case .console: return "__con_initcall_start"
        case .early: return "__initcall_start"
        case .level(let n): return "__initcall\(n)_start"
        }
    }

    /// The `initcall_debug` lines, timestamps included.
    static func initcallLines(_ log: String) -> [Substring] {
        SourceText.lines(log).filter {
            $0.contains("] calling  ") || $0.contains("] initcall ") || $0.contains("] Calling initcall")
        }
    }

    static let examples = [
        "board.boot", "debian-6.1-no-root.boot", "do-one-initcall.boot", "panic.boot", "tpm-ima.boot",
        "pci-cma-keyring.boot", "seed-pair-dependency.boot",
    ]

    /// Every era's `initcall_debug` lines, timestamps and all: the import counts the records
    /// a call prints in the release (one `Calling` line up to 2.6.21, three in 2.6.22–2.6.25,
    /// two after) and `smp_init()`'s lines (one before 4.10, two from it).
    @Test(arguments: ["2.6.20", "2.6.25", "2.6.27", "3.12", "4.9", "4.10", "6.1"])
    func everyEraReplaysItsOwnLines(release: String) throws {
        let description = try BootFile.parse(
            """
            kernel "\(release)"
            cmdline "initcall_debug"
            object a.o
              core_initcall core_init time=1500us printk=KERN_INFO:"core: up"
              postcore_initcall bus_init time=40us
            object b.o
              device_initcall dev_init time=3ms returns=-ENODEV printk=KERN_INFO:"dev: probing"
              late_initcall late_init time=120us
            """, file: "\(release).boot")
        let original = try Self.dmesg(description)
        let again = try Self.dmesg(Fixtures.parse(Self.imported(original), file: "imported.boot"))
        #expect(Self.initcallLines(again) == Self.initcallLines(original))
        #expect(Self.initcallLines(original).count >= 4)
    }

    /// The lines a call prints come back at their own timestamps: the import writes each one's
    /// moment of the call's time (`printk=+DUR:`), and leaves it off a line printed at the end.
    /// (From 2.6.28, whose durations are microseconds: a duration in msecs leaves the body's
    /// start a millisecond open, and such a call's lines print at its end.)
    @Test(arguments: ["2.6.29", "3.12", "5.17", "6.1"])
    func linesInsideACallKeepTheirTimestamps(release: String) throws {
        let description = try BootFile.parse(
            """
            kernel "\(release)"
            cmdline "initcall_debug"
            object drivers/net/e.o
              device_initcall e_init time=40ms flush=3ms printk=+0ns:KERN_INFO:"e: probing" printk=+12ms:KERN_INFO:"e: link up" printk=+12ms:KERN_WARNING:"e: slow phy" printk=KERN_INFO:"e: done"
              late_initcall late_init time=120us
            """, file: "\(release).boot")
        let original = try Self.dmesg(description)
        let text = Self.imported(original)
        let again = try Self.dmesg(Fixtures.parse(text, file: "imported.boot"))
        let call = { (log: String) in
            SourceText.lines(log).drop { !$0.contains("calling  e_init") }.prefix(6).map(String.init)
        }
        #expect(call(again) == call(original))
        #expect(call(original).count == 6)
        // Each timed line with its moment (before 5.18 a `>> 10` duration leaves the start a
        // few hundred ns open), the last one without.
        let line = try #require(SourceText.lines(text).first { $0.contains("device_initcall e_init") })
        let printks = line.split(separator: " ").filter { $0.hasPrefix("printk=") }
        #expect(printks.map { $0.hasPrefix("printk=+") } == [true, true, true, false])
        #expect(line.contains(#"printk=+0ns:KERN_INFO:"e: probing""#))
    }

    @Test(arguments: examples)
    func bootOfImportReproducesEveryInitcallLine(example: String) throws {
        let original = try Self.dmesg(Fixtures.description(example))
        let again = try Self.dmesg(Fixtures.parse(Self.imported(original), file: "imported.boot"))
        #expect(Self.initcallLines(again) == Self.initcallLines(original))
        #expect(!Self.initcallLines(original).isEmpty)
    }

    @Test(arguments: examples)
    func systemMapGivesBackLevelsAndObjects(example: String) throws {
        let description = try Fixtures.description(example)
        let text = Self.imported(try Self.dmesg(description), map: try Self.systemMap(description))
        let original = try Linker.link(description).table.filter { $0.slice != nil }
        let again = try Linker.link(Fixtures.parse(text, file: "imported.boot")).table.filter { $0.slice != nil }
        let result = try Linker.link(description).boot()
        let ran = Set(result.runs.map { result.entry(of: $0).function })
        let expected = original.filter { ran.contains($0.function) || $0.macro.hasPrefix("console") }
        #expect(again.map(\.function) == expected.map(\.function))
        #expect(again.map(\.id) == expected.map(\.id))
        #expect(again.map(\.size) == expected.map(\.size))
        // An object whose entries come back in another place of the table is written again as
        // <name>-partN.o.
        let objects = again.map { $0.object.split(separator: "-part").first.map(String.init) ?? "" }
        #expect(
            objects.map { $0.hasSuffix(".o") ? String($0.dropLast(2)) : $0 }
                == expected.map { String($0.object.split(separator: "/").last?.dropLast(2) ?? "") })
        #expect(!text.contains("level unknown"))
    }

    @Test func withoutSystemMapLevelsAreMarkedUnknown() throws {
        let log = try Self.dmesg(Fixtures.description("board.boot"))
        let text = Self.imported(log)
        #expect(text.contains("console_initcall con_init"))
        #expect(text.contains("early_initcall spawn_ksoftirqd"))
        #expect(text.contains("device_initcall net_ns_init gap=1000000ns time=65000ns size=0x70  # level unknown"))
        #expect(text.contains("# note: the level of 42 calls is unknown"))
    }

    @Test func blacklistOnAnImport() throws {
        let original = try Fixtures.description("board.boot")
        let imported = try Fixtures.parse(Self.imported(try Self.dmesg(original)), file: "imported.boot")
        let line = imported.commandLine + " initcall_blacklist=i8042_init"
        let what = try Self.dmesg(imported, cmdline: line)
        #expect(what.contains("] initcall i8042_init blacklisted\n"))
        #expect(!what.contains("calling  i8042_init"))
        let expected = try Self.dmesg(original, cmdline: original.commandLine + " initcall_blacklist=i8042_init")
        #expect(Self.initcallLines(what) == Self.initcallLines(expected))
    }

    @Test func movingACallToAnotherLevel() throws {
        let description = try Fixtures.description("board.boot")
        let text = Self.imported(try Self.dmesg(description), map: try Self.systemMap(description))
        #expect(text.contains("  pure_initcall net_ns_init "))
        let moved = text.replacingOccurrences(
            of: "  pure_initcall net_ns_init ", with: "  late_initcall_sync net_ns_init ")
        let result = try Linker.link(Fixtures.parse(moved, file: "moved.boot")).boot()
        // After every late_initcall; first of the 7s entries, since its object links first.
        let called = TestKernel.called(result)
        let position = called.firstIndex(of: "net_ns_init") ?? -1
        #expect(position > called.firstIndex(of: "tcp_congestion_default") ?? called.count)
        #expect(position > called.firstIndex(of: "printk_late_init") ?? called.count)
        #expect(position < called.firstIndex(of: "clk_disable_unused") ?? -1)
    }

    @Test func compareAndExploreWorkOnAnImport() throws {
        let description = try Fixtures.description("seed-pair-dependency.boot")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let log = directory.appendingPathComponent("boot.dmesg").path
        let map = directory.appendingPathComponent("System.map").path
        let boot = directory.appendingPathComponent("imported.boot").path
        try Self.dmesg(description).write(toFile: log, atomically: true, encoding: .utf8)
        try Self.systemMap(description).write(toFile: map, atomically: true, encoding: .utf8)
        let run = CLI.run(["import", log, "--system-map", map, "-o", boot])
        #expect(run.exitCode == 0)
        #expect(run.stdout.isEmpty)
        // Against the original: the objects are named by their KBUILD_MODNAME only, so compare
        // sees other objects; the boots end the same, at the same time.
        let compare = CLI.run(["compare", CLIFixtures.example("seed-pair-dependency.boot"), boot])
        #expect(compare.exitCode == 1, "\(compare.stderr)")
        #expect(compare.stdout.contains("A reaches init (/sbin/init) at 0.073532, not tainted"))
        #expect(compare.stdout.contains("B reaches init (/sbin/init) at 0.073532, not tainted"))
        // Another link order of the imported objects.
        let order = directory.appendingPathComponent("reversed.order").path
        try "enc28j60.o\nas352x_afe.o\nspi.o\n".write(toFile: order, atomically: true, encoding: .utf8)
        let relinked = CLI.run(["compare", boot, "--link-order", order])
        #expect(relinked.exitCode <= 1, "\(relinked.stderr)")
        #expect(relinked.stdout.contains("enc28j60_init"))
        let explore = CLI.run(["explore", boot, "--exhaustive"])
        #expect(explore.exitCode <= 1, "\(explore.stderr)")
        #expect(explore.stdout.contains("orders"))
    }

    @Test func usageAndErrors() throws {
        let help = CLI.run(["import", "--help"])
        #expect(help.exitCode == 0)
        #expect(help.stdout.contains("USAGE: initcall-sim import <dmesg>"))
        #expect(CLI.run(["--help"]).stdout.contains("  import "))
        #expect(CLI.run(["import"]).exitCode == 2)
        let missing = CLI.run(["import", "/nonexistent/dmesg.txt"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("cannot read kernel log"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let empty = directory.appendingPathComponent("empty.dmesg").path
        try "[    0.000000] Linux version 6.1.0\n".write(toFile: empty, atomically: true, encoding: .utf8)
        let noisy = directory.appendingPathComponent("noisy.dmesg").path
        let bytes =
            Array("[    0.100000] calling  a_init+0x0/0x10 @ 1\n[    0.100005] ".utf8) + [0xFF] + Array("noise\n".utf8)
        try Data(bytes + Array("[    0.100009] initcall a_init+0x0/0x10 returned 0 after 3 usecs\n".utf8)).write(
            to: URL(fileURLWithPath: noisy))
        let lossy = CLI.run(["import", noisy])
        #expect(lossy.exitCode == 0)
        #expect(lossy.stderr.contains("invalid UTF-8"))
        #expect(lossy.stdout.contains("device_initcall a_init"))
        let none = CLI.run(["import", empty])
        #expect(none.exitCode == 2)
        #expect(none.stderr.contains("no initcall_debug lines"))
    }
}
