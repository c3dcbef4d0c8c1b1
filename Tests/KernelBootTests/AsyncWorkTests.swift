import KernelBoot
import KernelLink
import KernelModel
import Reports
import SourceInput
import TestSupport
import Testing

/// kernel/async.c's entries (``AsyncFunction``): `async_schedule()` from an initcall, the worker
/// that runs each alongside the boot, its `initcall_debug` lines (2.6.29–3.17) merged into the
/// ring buffer by time, `async_synchronize_cookie()` in a worker and `async_synchronize_full()`
/// waiting for all of them.
@Suite struct AsyncWorkTests {
    static let golden = Golden("KernelBootTests")

    /// A 3.12 boot with the floppy driver's one entry and libata's two port probes, the second
    /// waiting for the entries before it, as the real logs of the era show them.
    static func description(_ release: String, cmdline: String = "initcall_debug root=/dev/sda1") -> String {
        """
        kernel "\(release)"
        cmdline "\(cmdline)"
        timeline printk=1us
        filesystems ext3
        disk sda size=10G
        partition sda1 size=9G fs=ext3 holds=/sbin/init
        object drivers/block/floppy.o
          async floppy_async_init time=1339307us delay=18ms pid=6 size=0xa printk=+2ms:KERN_INFO:"FDC 0 is a post-1991 82077"
          module_init floppy_init time=3ms async=floppy_async_init
        object drivers/ata/libata-core.o
          async async_port_probe time=40ms pid=91 size=0x49
          async port2 function=async_port_probe time=30ms pid=93 delay=1ms size=0x49 synchronize=cookie
          device_initcall ata_init time=1ms async=+100us:async_port_probe async=port2
        object drivers/block/cciss.o
          module_init cciss_init time=18ms printk=KERN_INFO:"HP CISS Driver (v 3.6.26)"
        """
    }

    static func boot(_ release: String, cmdline: String = "initcall_debug root=/dev/sda1") throws -> BootResult {
        try Linker.link(try BootFile.parse(description(release, cmdline: cmdline), file: "async.boot")).boot()
    }

    @Test func workersPrintAmongTheBootsLinesByTime() throws {
        let result = try Self.boot("3.12.0")
        try Self.golden.check(DmesgRenderer.render(result), against: "async-work-3.12.dmesg")
        let records = result.records
        // The ring buffer stays in time order, whoever printed.
        #expect(zip(records, records.dropFirst()).allSatisfy { $0.timestamp <= $1.timestamp })
        #expect(result.asyncRuns.map(\.cookie) == [1, 2, 3])
        #expect(result.asyncRuns.map(\.pid) == [6, 91, 93])
        #expect(
            result.asyncRuns.map(\.symbolText) == [
                "floppy_async_init+0x0/0xa", "async_port_probe+0x0/0x49", "async_port_probe+0x0/0x49",
            ])
        // The port probe waits for the floppy (cookie 1) before its own 30 ms.
        #expect(result.asyncRuns[2].end > result.asyncRuns[0].end)
        #expect(
            records.contains {
                $0.text == "calling  1_floppy_async_init+0x0/0xa @ 6" && $0.pid == 6 && $0.level == .KERN_DEBUG
            })
        // async_synchronize_full() before the root mount waits for all three.
        let waited = try #require(records.first { $0.text.hasPrefix("async_continuing @ 1 after ") })
        #expect(waited.timestamp >= result.asyncRuns.map(\.end).max() ?? 0)
        let mounted = try #require(records.firstIndex { $0.text.hasPrefix("VFS: Mounted root") })
        let returned = records.indices.filter {
            records[$0].text.contains("_async_port_probe+0x0/0x49 returned 0 after")
        }
        #expect(returned.count == 2 && returned.allSatisfy { $0 < mounted })
    }

    /// 2.6.29's `run_one_entry()` printed the lines without a level; from 3.18 they are
    /// `pr_debug()` and the boot prints none, but the entries still run and are waited for.
    @Test func levelsAndSilenceFollowTheRelease() throws {
        let old = try Self.boot("2.6.30")
        #expect(old.records.first { $0.text.hasPrefix("calling  1_floppy") }?.level == .KERN_DEFAULT)
        let new = try Self.boot("3.18.0")
        #expect(!new.records.contains { $0.text.hasPrefix("calling  1_") || $0.text.hasPrefix("async_") })
        #expect(new.asyncRuns.count == 3)
        #expect(new.records.contains { $0.text == "FDC 0 is a post-1991 82077" })
        let mounted = try #require(new.records.first { $0.text.hasPrefix("VFS: Mounted root") })
        #expect(mounted.timestamp >= new.asyncRuns.map(\.end).max() ?? 0)
        // Without initcall_debug, only what the functions print.
        let quiet = try Self.boot("3.12.0", cmdline: "root=/dev/sda1")
        #expect(!quiet.records.contains { $0.text.hasPrefix("calling  ") || $0.text.hasPrefix("async_") })
    }

    /// Our own output imported gives back a description whose boot prints every `calling` and
    /// `returned` line — the workers' with their cookies, pids and durations — byte for byte,
    /// at the same times.
    @Test func importOfOurOutputReplaysTheWorkers() throws {
        let output = DmesgRenderer.render(try Self.boot("3.12.0"))
        let text = DmesgImport.read(output).bootFile(source: "async.dmesg")
        let replay = DmesgRenderer.render(try Linker.link(try BootFile.parse(text, file: "imported.boot")).boot())
        let debug = { (dmesg: String) -> [Substring] in
            SourceText.lines(dmesg).filter {
                $0.contains("] calling  ") || $0.contains("] initcall ") || $0.contains("] async_")
            }
        }
        // Up to the root mount, which the import does not describe (no disk in the log).
        let untilMount = debug(output).prefix { !$0.contains("] async_continuing @ 1 ") }.count + 1
        #expect(untilMount == 16)
        #expect(Array(debug(replay).prefix(untilMount)) == Array(debug(output).prefix(untilMount)))
        #expect(text.contains("async=+0ns:floppy_async_init"))
    }
}

/// From 3.18 kernel/async.c's lines are `pr_debug()`: a `dyndbg=` query on kernel/async.c turns
/// them on (with `CONFIG_DYNAMIC_DEBUG`), under `initcall_debug` while booting until 5.12; from
/// 5.13 without either guard, and the worker says `returned after`.
@Suite struct AsyncDynamicDebugTests {
    static func lines(_ release: String, _ cmdline: String, dynamicDebug: Bool = true) throws -> [String] {
        let text = """
            kernel "\(release)"
            cmdline "\(cmdline)"
            \(dynamicDebug ? "config CONFIG_DYNAMIC_DEBUG=y" : "")
            timeline printk=1us
            initramfs /init
            object drivers/ata/libata-core.o
              async async_port_probe time=40ms pid=91 size=0x49
              async port2 function=async_port_probe time=30ms pid=93 size=0x49 synchronize=cookie
              device_initcall ata_init time=1ms async=async_port_probe async=port2
            """
        let records = try Linker.link(try BootFile.parse(text, file: "async.boot")).boot().records
        return records.filter { $0.text.contains("_async_port_probe") || $0.text.hasPrefix("async_") }.map(\.text)
    }

    static let query = #"dyndbg=\"file kernel/async.c +p\""#

    @Test func guardedUntil5_12() throws {
        let lines = try Self.lines("4.19.0", "initcall_debug " + Self.query)
        #expect(lines.first == "calling  1_async_port_probe+0x0/0x49 @ 91")
        #expect(lines.contains("initcall 1_async_port_probe+0x0/0x49 returned 0 after 39062 usecs"))
        #expect(lines.contains("async_waiting @ 93"))
        #expect(lines.contains("async_waiting @ 1"))
        #expect(try Self.lines("4.19.0", Self.query) == [])
        #expect(try Self.lines("4.19.0", "initcall_debug") == [])
        #expect(try Self.lines("4.19.0", "initcall_debug " + Self.query, dynamicDebug: false) == [])
        // Only the worker's call site: no waiting lines.
        let worker = try Self.lines("4.19.0", #"initcall_debug dyndbg=\"func async_run_entry_fn +p\""#)
        #expect(worker.count == 4 && !worker.contains { $0.hasPrefix("async_") })
    }

    @Test func unguardedFrom5_13() throws {
        let lines = try Self.lines("6.1.0", Self.query)
        #expect(lines.contains("initcall 1_async_port_probe+0x0/0x49 returned after 39062 usecs"))
        #expect(lines.contains { $0.hasPrefix("async_continuing @ 1 after ") })
    }
}

/// Entries that name no worker go to the unbound pool: the idle worker with the lowest pid, a
/// new one (the next free pid from 6) when all are busy.
@Suite struct AsyncPoolTests {
    @Test func theIdleWorkerWithTheLowestPid() throws {
        let text = """
            kernel "3.12.0"
            cmdline "initcall_debug"
            timeline printk=1us
            initramfs /init
            object a.o
              async first time=10ms
              async second time=10ms
              async named time=1ms pid=7
              async third time=10ms
              async later time=1ms delay=15ms
              device_initcall a_init time=1ms async=first async=second async=named async=third async=later
            """
        let result = try Linker.link(try BootFile.parse(text, file: "pool.boot")).boot()
        // The pool adds 6 and 7; the entry that names 7 waits for that worker, one entry at a
        // time; the pool's third worker skips the named 7 and takes 8; the last entry, queued
        // once the first ones are done, takes the lowest idle worker again.
        #expect(result.asyncRuns.map(\.function) == ["first", "second", "named", "third", "later"])
        #expect(result.asyncRuns.map(\.pid) == [6, 7, 7, 8, 6])
        #expect(result.asyncRuns[2].start >= result.asyncRuns[1].end)
        #expect(result.asyncRuns[4].start >= result.asyncRuns[0].end)
    }
}

/// The Swift API, as "Writing a Board in Swift" shows it: a body hands functions to
/// `async_schedule()` and gets their cookies.
@Suite struct AsyncSwiftAPITests {
    @Test func aBodySchedulesEntries() throws {
        let ata_init = InitFunction("ata_init") { k in
            // Each port probed by a worker of its own; the second waits for the first.
            let first = k.async_schedule(AsyncFunction("async_port_probe", time: 40_000_000, pid: 91))
            let second = k.async_schedule(
                AsyncFunction("async_port_probe", time: 30_000_000, pid: 93, synchronizesCookie: true))
            // async_schedule() returns the cookies: the return value says whether they followed.
            return second == first + 1 ? 0 : -1
        }
        let result = try TestKernel.boot("initcall_debug", version: "3.12.0") { k in
            k.object("drivers/ata/libata-core.o") { tu in tu.device_initcall(ata_init) }
        }
        #expect(result.runs.first { result.entry(of: $0).function == "ata_init" }?.ret == 0)
        #expect(result.asyncRuns.map(\.cookie) == [1, 2])
        #expect(result.asyncRuns.map(\.pid) == [91, 93])
        #expect(
            result.records.contains {
                $0.text.hasPrefix("calling  2_async_port_probe+0x0/0x") && $0.text.hasSuffix(" @ 93")
            })
        #expect(result.records.contains { $0.text == "async_waiting @ 93" })
    }
}

/// A 3.18+ log with worker lines: they were pr_debug() that printed, so the import builds
/// kernel/async.c with DEBUG, and the replay prints them again.
@Suite struct AsyncPrDebugImportTests {
    @Test func aModernLogsWorkerLinesComeBack() throws {
        let text = """
            kernel "4.19.0"
            cmdline "initcall_debug"
            timeline printk=1us
            initramfs /init
            object kernel/async.o -DDEBUG
            object drivers/ata/libata-core.o
              async async_port_probe time=40ms pid=91 size=0x49
              async port2 function=async_port_probe time=30ms pid=93 delay=1ms size=0x49 synchronize=cookie
              device_initcall ata_init time=1234us async=+100us:async_port_probe async=port2
            """
        let output = DmesgRenderer.render(try Linker.link(try BootFile.parse(text, file: "async.boot")).boot())
        #expect(output.contains("] calling  1_async_port_probe+0x0/0x49 @ 91\n"))
        let imported = DmesgImport.read(output).bootFile(source: "async.dmesg")
        #expect(imported.contains("\nobject kernel/async.o -DDEBUG\n"))
        let replay = DmesgRenderer.render(try Linker.link(try BootFile.parse(imported, file: "imported.boot")).boot())
        let worker = { (dmesg: String) -> [Substring] in
            SourceText.lines(dmesg).filter { $0.contains("_async_port_probe") || $0.contains("] async_") }
        }
        // Every worker line byte for byte; PID 1's wait, timed from sub-microsecond moments the
        // log rounds away, to within one of its units.
        let exact = { (lines: [Substring]) in lines.filter { !$0.contains("] async_continuing @ 1 ") } }
        #expect(exact(worker(replay)) == exact(worker(output)))
        #expect(worker(output).count == 8)
        let waits = [replay, output].map { dmesg in
            worker(dmesg).last.flatMap { Int($0.split(separator: " ").dropLast().last ?? "") } ?? 0
        }
        #expect(abs(waits[0] - waits[1]) <= 1)
    }
}

/// With caller ids a log names the worker of each line: what a worker printed while it ran an
/// entry becomes that entry's printk= lines, at their moments, and comes back byte for byte.
@Suite struct AsyncCallerIDImportTests {
    @Test func workerLinesComeBackFromTheirWorkers() throws {
        let text = """
            kernel "4.19.0"
            cmdline "initcall_debug"
            config CONFIG_PRINTK_CALLER=y
            timeline printk=1us
            initramfs /init
            object kernel/async.o -DDEBUG
            object drivers/ata/libata-core.o
              async async_port_probe time=40ms pid=91 size=0x49 printk=+5ms:KERN_INFO:"ata1: SATA link up 1.5 Gbps" printk=+7ms:KERN_INFO:"ata1.00: ATA-8: QEMU HARDDISK, 100%% ok"
              async port2 function=async_port_probe time=30ms pid=93 delay=1ms size=0x49 synchronize=cookie printk=KERN_INFO:"ata2: SATA link down"
              device_initcall ata_init time=1234us async=+100us:async_port_probe async=port2
            """
        let output = DmesgRenderer.render(try Linker.link(try BootFile.parse(text, file: "async.boot")).boot())
        #expect(output.contains("][   T91] ata1.00: ATA-8: QEMU HARDDISK, 100% ok\n"))
        let imported = DmesgImport.read(output).bootFile(source: "async.dmesg")
        #expect(imported.contains(#"printk=+4999920ns:KERN_INFO:"ata1: SATA link up 1.5 Gbps""#))
        let replay = DmesgRenderer.render(try Linker.link(try BootFile.parse(imported, file: "imported.boot")).boot())
        let workers = { (dmesg: String) -> [Substring] in
            SourceText.lines(dmesg).filter { $0.contains("[   T91]") || $0.contains("[   T93]") }
        }
        #expect(workers(replay) == workers(output))
        #expect(workers(output).count == 9)
    }
}
