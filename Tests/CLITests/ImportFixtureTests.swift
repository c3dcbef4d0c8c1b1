import Foundation
import InitcallSim
import InitcallSimCLI
import TestSupport
import Testing

/// `initcall-sim import` on excerpts of real logs (Tests/CLITests/Fixtures/import/README.md
/// says where each comes from): the description is golden, and booting it prints the same
/// `calling`/`returned` lines (their timestamps too, where the log has them).
@Suite struct ImportFixtureTests {
    static let fixtures = [
        "clearlinux-4.x-x86_64.dmesg", "clearlinux-5.x-x86_64.dmesg", "liquorix-5.x-journal.log",
        "rubikpi-6.8-arm64.dmesg", "elinux-2.6-x86.dmesg", "lkml-2.6.25-x86_64.dmesg", "lkml-3.12-x86.dmesg",
        "blog-4.0-arm-vexpress.dmesg", "lkml-5.2-sparc64-modules.dmesg", "linuxhw-5.0-x86_64-modules.dmesg",
        "lkml-6.8-x86_64-modules.dmesg", "lkml-2.6.26-x86_64.dmesg", "lkml-6.13-arm64-modules.dmesg",
        "lkml-3.12-x86-async.dmesg", "lkml-4.x-arm64-mailer.dmesg", "lkml-5.7-arm64-kasan-panic.dmesg",
        "lkml-5.11-arm64-quoted.dmesg", "lkml-3.12-x86-async-work.dmesg",
    ]

    @Test(arguments: fixtures)
    func importIsGolden(fixture: String) throws {
        let output = CLIFixtures.runFromRoot(["import", "Tests/CLITests/Fixtures/import/" + fixture])
        #expect(output.exitCode == 0, "\(output.stderr)")
        try CLIFixtures.checkGolden(output.stdout, "import/" + fixture + ".boot")
    }

    @Test(arguments: fixtures)
    func bootReplaysTheCalls(fixture: String) throws {
        let log = try Self.log(fixture)
        let imported = DmesgImport.read(log)
        let description = try BootFile.parse(imported.bootFile(source: fixture), file: "imported.boot")
        let result = try Linker.link(description).bootLoadingModules()
        let again = DmesgImport.read(DmesgRenderer.render(result))
        // Built-in calls and module inits (replayed as loads), each with its returned line.
        let replays = { (call: ImportedBoot.Call) in call.phase != .outside || call.module != nil }
        let expected = imported.calls.filter { replays($0) && $0.duration != nil }
        let cut = Set(imported.calls.filter { replays($0) && $0.duration == nil }.map(\.function))
        let replayed = again.calls.filter { replays($0) && !cut.contains($0.function) }
        #expect(replayed.map(\.function) == expected.map(\.function))
        #expect(replayed.map(\.pid) == expected.map(\.pid))
        #expect(replayed.map(\.module) == expected.map(\.module))
        #expect(replayed.map(\.ret) == expected.map(\.ret))
        #expect(replayed.map(\.duration) == expected.map(\.duration))
        #expect(replayed.map(\.records.count) == expected.map(\.records.count))
        // Both lines within 1 µs (`flush=` gives each calling line its own console time), up
        // to the first call whose two lines are closer than its duration (a duration read
        // from a coarser clock than printk's: the log's own arithmetic does not allow more).
        // Only microsecond durations: a duration in `>> 20` "msecs" places no line within 1 µs.
        for (real, replay) in zip(expected, replayed) {
            guard let start = real.calltime, let end = real.rettime, let duration = real.duration,
                real.durationUnit == .microseconds, end - start >= duration
            else { break }
            #expect(Self.close(replay.calltime, start, within: 1), "\(real.function) calling line")
            #expect(Self.close(replay.rettime, end, within: 1), "\(real.function) returned line")
        }
    }

    /// Module inits from user space come back as `load`s running side by side: the log's
    /// `calling` and `returned` lines, in its order, byte for byte.
    @Test(arguments: [
        "lkml-5.2-sparc64-modules.dmesg", "linuxhw-5.0-x86_64-modules.dmesg", "lkml-2.6.26-x86_64.dmesg",
    ])
    func overlappingModuleInitsReplayByteForByte(fixture: String) throws {
        let log = try Self.log(fixture)
        let description = try BootFile.parse(DmesgImport.read(log).bootFile(source: fixture), file: "imported.boot")
        let replay = DmesgRenderer.render(try Linker.link(description).bootLoadingModules())
        let lines = { (text: String) in
            SourceText.lines(text).filter { $0.contains("] calling  ") || $0.contains("] initcall ") }
        }
        #expect(lines(replay) == lines(log))
        #expect(
            lines(log).count == ["lkml-5.2-sparc64-modules.dmesg": 12, "lkml-2.6.26-x86_64.dmesg": 14][fixture] ?? 20)
    }

    /// Logs whose early calls print whole ticks (`after 9765 usecs` for a call 4 ms long: the
    /// jiffies clocksource, until `clocksource_done_booting()`) come back byte for byte,
    /// timestamps included: the import finds the tick and its phase (`timeline jiffies=`).
    @Test(arguments: [
        ("blog-4.0-arm-vexpress.dmesg", 11), ("clearlinux-5.x-x86_64.dmesg", 7), ("rubikpi-6.8-arm64.dmesg", 1),
        ("lkml-4.x-arm64-mailer.dmesg", 17), ("lkml-5.11-arm64-quoted.dmesg", 26),
    ])
    func jiffiesTimedLogsReplayByteForByte(fixture: String, calls: Int) throws {
        let log = try Self.log(fixture)
        let imported = DmesgImport.read(log)
        let text = imported.bootFile(source: fixture)
        #expect(text.contains(" jiffies="))
        let replay = DmesgRenderer.render(try Linker.link(try BootFile.parse(text, file: "imported.boot")).boot())
        // Each call's two lines as the import reads them (a mailer's wraps and trailing
        // spaces undone): function, return value, duration and both timestamps.
        let lines = { (boot: ImportedBoot) in
            boot.calls.filter { $0.calltime != nil }.map {
                "\($0.function) \($0.ret) \($0.duration ?? 0) \($0.calltime ?? 0) \($0.rettime ?? 0)"
            }
        }
        #expect(lines(DmesgImport.read(replay)) == lines(imported))
        #expect(lines(imported).count == calls)
        // Byte for byte where the log is as dmesg printed it. (A returned line before the
        // excerpt's first calling line has no call to replay.)
        guard !fixture.hasPrefix("lkml-4.x"), !fixture.hasPrefix("lkml-5.11") else { return }
        let printed = { (text: String) in
            SourceText.lines(text).filter { $0.contains("] calling  ") || $0.contains("] initcall ") }
                .drop { !$0.contains("] calling  ") }
        }
        #expect(Array(printed(replay)) == Array(printed(log)))
    }

    /// The lines printed inside the calls come back at their timestamps (`printk=+DUR:`), where
    /// the calls do: these logs' calls start where the log has them, and their lines are
    /// further apart than one printk.
    @Test(arguments: [
        ("linuxhw-5.0-x86_64-modules.dmesg", 17), ("lkml-6.8-x86_64-modules.dmesg", 1),
        ("lkml-6.13-arm64-modules.dmesg", 6),
    ])
    func linesInsideCallsKeepTheirTimestamps(fixture: String, lines: Int) throws {
        let imported = DmesgImport.read(try Self.log(fixture))
        let description = try BootFile.parse(imported.bootFile(source: fixture), file: "imported.boot")
        let again = DmesgImport.read(DmesgRenderer.render(try Linker.link(description).bootLoadingModules()))
        var replays: [String: ImportedBoot.Call] = [:]
        for call in again.calls where call.duration != nil { replays[call.function] = call }
        var checked = 0
        for real in imported.calls where real.duration != nil && !real.records.isEmpty {
            let replay = try #require(replays[real.function])
            for (line, replayed) in zip(real.records, replay.records) {
                guard let stamp = line.microseconds, line.text == replayed.text else { continue }
                #expect(Self.close(replayed.microseconds, stamp, within: 1), "\(real.function): \(line.text)")
                checked += 1
            }
        }
        #expect(checked >= lines)
    }

    /// 2.6.22–2.6.25 print the function's address in each of a call's three lines: the import
    /// keeps it (`address=`), so the replay's lines are the log's, byte for byte. The `Calling`
    /// and `returned %d.` lines keep their timestamps too (the import counts the era's three
    /// records a call and its one `Brought up` line, and `flush=` gives each Calling line its
    /// serial console's time); the `ran for` lines come 4–8 ms after, the console's time for
    /// the `returned` line, which one printk cost per record cannot follow.
    @Test func addressedLinesReplayByteForByte() throws {
        let fixture = "lkml-2.6.25-x86_64.dmesg"
        let log = try Self.log(fixture)
        let imported = DmesgImport.read(log)
        let description = try BootFile.parse(imported.bootFile(source: fixture), file: "imported.boot")
        let replay = DmesgRenderer.render(try Linker.link(description).boot())
        let lines = { (text: String) in
            SourceText.lines(text).map { $0.drop { $0 != "]" }.dropFirst(2) }.filter {
                $0.hasPrefix("Calling initcall 0x") || $0.hasPrefix("initcall 0x")
            }
        }
        #expect(lines(replay) == lines(log))
        #expect(lines(log).count == 54)
        // The Calling and `returned %d.` lines with their timestamps: `flush=` gives each
        // Calling line the serial console's time.
        let stamped = { (text: String) in
            SourceText.lines(text).filter { $0.contains("] Calling initcall 0x") || $0.hasSuffix(") returned 0.") }
        }
        #expect(stamped(replay) == stamped(log))
        #expect(stamped(log).count == 36)
    }

    /// 2.6.29 to 3.17 print `async_synchronize_full()`'s wait with `initcall_debug`: the 3.12
    /// log's first pair, right after its last initcall, comes back there (the replay has no
    /// root, so the second, before init memory is freed, does not).
    @Test func asyncWaitLinesComeBackAfterTheInitcalls() throws {
        let fixture = "lkml-3.12-x86-async.dmesg"
        let log = try Self.log(fixture)
        let description = try BootFile.parse(DmesgImport.read(log).bootFile(source: fixture), file: "imported.boot")
        let replay = DmesgRenderer.render(try Linker.link(description).boot())
        let text = { (lines: [Substring]) in lines.map { $0.drop { $0 != "]" }.drop { $0 == "]" || $0 == " " } } }
        let replayed = text(SourceText.lines(replay))
        let tail = [
            "initcall initialize_hashrnd+0x0/0x16 returned 0 after 6 usecs", "async_waiting @ 1",
        ]
        #expect(SourceText.lines(log).contains { $0 == "async_waiting @ 1" })
        let index = try #require(replayed.firstIndex { $0 == tail[0] })
        #expect(Array(replayed[index...].prefix(2)) == tail.map { Substring($0) })
        #expect(replayed.filter { $0.hasPrefix("async_") }.count == 2)
    }

    /// kernel/async.c's work runs on other pids beside the initcalls (`calling  3_async_port_probe
    /// … @ 91`, `async_waiting @ 91`): its lines stay comments where they were, not lines the
    /// call open at the time printed, so the replay prints each call's own lines only.
    @Test func asyncWorkIsNotTheOpenCallsOutput() throws {
        let fixture = "lkml-3.12-x86-async-work.dmesg"
        let imported = DmesgImport.read(try Self.log(fixture))
        let nv = try #require(imported.calls.first { $0.function == "nv_pci_driver_init" })
        #expect(nv.records.count == 11)
        #expect(!nv.records.contains { $0.text.hasPrefix("async_") || $0.text.hasPrefix("calling  ") })
        let target = try #require(imported.calls.first { $0.function == "target_core_init_configfs" })
        #expect(
            target.records.map(\.text) == [
                "Switched to clocksource pit", "Rounding down aligned max_sectors from 4294967295 to 4294967288",
            ])
        let text = imported.bootFile(source: fixture)
        // The entries are declared and scheduled by the call that had last started (the
        // floppy's by cciss_init, whose lines its worker line came among), not kept as comments.
        #expect(text.contains("\n  async async_port_probe_3 function=async_port_probe pid=91 size=0x49 "))
        #expect(text.contains(" synchronize=cookie\n"))
        #expect(text.contains(" async=+0ns:floppy_async_init  # level unknown\n"))
        #expect(!text.contains("# calling  3_async_port_probe"))
        // An empty record (the floppy driver's lone newline) is printed as one.
        #expect(text.contains(#"printk=KERN_INFO:"\n""#))
    }

    /// The replay of the async fixture prints every worker line of the log — each entry's
    /// `calling` line with its cookie and pid, the floppy's `returned` line with its duration,
    /// the waiting workers' `async_waiting` — in the log's order of cookies, and each entry's
    /// `calling` line among the lines of the call it came in.
    @Test func asyncEntriesReplay() throws {
        let fixture = "lkml-3.12-x86-async-work.dmesg"
        let log = try Self.log(fixture)
        let text = DmesgImport.read(log).bootFile(source: fixture)
        let replay = DmesgRenderer.render(try Linker.link(try BootFile.parse(text, file: "imported.boot")).boot())
        let unstamped = { (line: Substring) -> Substring in
            line.hasPrefix("[") ? line.drop { $0 != "]" }.dropFirst(2) : line
        }
        let worker = { (line: Substring) -> Bool in
            let text = unstamped(line)
            return text.hasPrefix("calling  ") && ("0"..."9").contains(text.dropFirst(9).first ?? " ")
                || text.hasPrefix("async_waiting @ ") && !text.hasSuffix(" @ 1")
        }
        let logged = SourceText.lines(log).filter(worker).map(String.init)
        let replayed = SourceText.lines(replay).filter(worker).map { String(unstamped($0)) }
        #expect(Set(replayed) == Set(logged))
        // In the log's order, but for cookie 2: its worker, pid 6, runs the floppy's entry first,
        // whose returned line says 1339307 usecs, far more than the log's calls leave between
        // the two (a log without timestamps, whose own arithmetic does not add up), and a
        // worker runs one entry at a time.
        let second = "calling  2_async_port_probe+0x0/0x49 @ 6"
        #expect(
            replayed.filter { $0.hasPrefix("calling") && $0 != second }
                == logged.filter { $0.hasPrefix("calling") && $0 != second })
        #expect(replay.contains("] initcall 1_floppy_async_init+0x0/0xa returned 0 after 1339307 usecs\n"))
        let lines = SourceText.lines(replay).map { String(unstamped($0)) }
        let floppy = try #require(lines.firstIndex(of: "calling  1_floppy_async_init+0x0/0xa @ 6"))
        #expect(lines[floppy - 1] == "HP CISS Driver (v 3.6.26)")
        let port3 = try #require(lines.firstIndex(of: "calling  3_async_port_probe+0x0/0x49 @ 91"))
        #expect(lines[port3 - 1] == "sata_nv 0000:00:08.0: setting latency timer to 64")
        let floppyReturned = try #require(lines.firstIndex { $0.hasPrefix("initcall 1_floppy_async_init") })
        #expect(lines[floppyReturned + 1] == second)
        // The four probes that came before target_core_init_configfs's own lines, each waiting
        // one's async_waiting line after its calling line, come back in the log's order.
        let logLines = SourceText.lines(log).map(String.init)
        let slot = { (lines: [String]) -> [String] in
            guard let from = lines.firstIndex(where: { $0.hasPrefix("calling  target_core_init_configfs") }),
                let to = lines.firstIndex(where: { $0.hasPrefix("Rounding down") })
            else { return [] }
            return Array(lines[from...to])
        }
        #expect(slot(lines) == slot(logLines))
        #expect(slot(lines).count == 9)
    }

    /// A log with caller ids (`CONFIG_PRINTK_CALLER`) replays with them: its `calling` lines,
    /// which the mail did not wrap, come back byte for byte, `[    T1]` and all.
    @Test func callerIDsComeBack() throws {
        let fixture = "lkml-5.7-arm64-kasan-panic.dmesg"
        let log = try Self.log(fixture)
        let text = DmesgImport.read(log).bootFile(source: fixture)
        #expect(text.contains("\nconfig CONFIG_PRINTK_CALLER=y\n"))
        let replay = DmesgRenderer.render(try Linker.link(try BootFile.parse(text, file: "imported.boot")).boot())
        let calling = { (text: String) in SourceText.lines(text).filter { $0.contains("] calling  ") } }
        #expect(calling(replay) == calling(log))
        #expect(calling(log).count == 7)
        #expect(replay.contains("[  311.491423][    T1] Kernel panic - not syncing: Fatal exception\n"))
    }

    /// The text of a fixture log.
    static func log(_ fixture: String) throws -> String {
        try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/import/" + fixture),
            encoding: .utf8)
    }

    static func close(_ a: UInt64?, _ b: UInt64, within microseconds: UInt64) -> Bool {
        guard let a else { return false }
        return a >= b ? a - b <= microseconds : b - a <= microseconds
    }
}
