import InitcallSim
import ModuleLoader
import TestSupport
import Testing

/// `KernelImage.bootLoadingModules()`: the boot, then the description's `load` statements as
/// user space runs them.
@Suite struct BootLoadsTests {
    static let modules = """
        object drivers/base/core.o
          core_initcall foo_init time=10us
        module crc32c_intel
          MODULE_LICENSE "GPL"
          MODULE_INFO intree "Y"
          module_init crc32c_intel_mod_init time=12us size=0x1000 printk=KERN_INFO:"crc32c: hello"
        module serio_raw
          MODULE_LICENSE "GPL"
          MODULE_INFO intree "Y"
          module_init serio_raw_init time=30us size=0x2000 returns=-19
        module psmouse
          MODULE_LICENSE "GPL"
          MODULE_INFO intree "Y"
          module_init psmouse_init size=0x100

        """

    func boot(_ loads: String, cmdline: String = "initcall_debug", root: String = "initramfs /init\n") throws
        -> BootResult
    {
        let text = "kernel \"6.8.0-sim\"\n\(root)cmdline \"\(cmdline)\"\n" + Self.modules + loads
        return try Linker.link(try Fixtures.parse(text)).bootLoadingModules()
    }

    func tail(_ result: BootResult, after marker: String = "TERM=linux") -> [String] {
        let lines = DmesgRenderer.render(result).split(separator: "\n").map(String.init)
        guard let index = lines.lastIndex(where: { $0.hasSuffix(marker) }) else { return lines }
        return Array(lines[(index + 1)...])
    }

    @Test func eachLoadRunsItsInitAtItsTimeFromItsTask() throws {
        let result = try boot(
            "load crc32c_intel at=2.5s pid=180\nload serio_raw pid=181\nload psmouse at=0.01s pid=7\n")
        #expect(result.reachedInit)
        #expect(
            tail(result) == [
                // A moment before init ran: once it has.
                "[    0.070024] calling  psmouse_init+0x0/0x100 [psmouse] @ 7",
                "[    0.070025] initcall psmouse_init+0x0/0x100 [psmouse] returned 0 after 0 usecs",
                "[    2.500000] calling  crc32c_intel_mod_init+0x0/0x1000 [crc32c_intel] @ 180",
                "[    2.500013] crc32c: hello",
                "[    2.500014] initcall crc32c_intel_mod_init+0x0/0x1000 [crc32c_intel] returned 0 after 13 usecs",
                // No at=: once the earlier ones are done. A failing init leaves the next to run.
                "[    2.500015] calling  serio_raw_init+0x0/0x2000 [serio_raw] @ 181",
                "[    2.500046] initcall serio_raw_init+0x0/0x2000 [serio_raw] returned -19 after 30 usecs",
            ])
    }

    @Test func loadsWithTheirOwnTimesRunSideBySide() throws {
        // udev workers: the second starts while the first is in its init, and their lines
        // reach the ring buffer in time order, as in a real log.
        let result = try boot(
            "load serio_raw at=2.5s pid=181\nload crc32c_intel at=2.500005s pid=180\nload psmouse pid=7\n")
        #expect(
            tail(result) == [
                "[    2.500000] calling  serio_raw_init+0x0/0x2000 [serio_raw] @ 181",
                "[    2.500005] calling  crc32c_intel_mod_init+0x0/0x1000 [crc32c_intel] @ 180",
                "[    2.500018] crc32c: hello",
                "[    2.500019] initcall crc32c_intel_mod_init+0x0/0x1000 [crc32c_intel] returned 0 after 13 usecs",
                "[    2.500031] initcall serio_raw_init+0x0/0x2000 [serio_raw] returned -19 after 30 usecs",
                "[    2.500032] calling  psmouse_init+0x0/0x100 [psmouse] @ 7",
                "[    2.500033] initcall psmouse_init+0x0/0x100 [psmouse] returned 0 after 0 usecs",
            ])
        let moments = result.events.map(\.record)
        #expect(moments == moments.sorted())
    }

    /// The boot ends when init ran, not with the last load: what `compare` and the SVG say.
    @Test func theBootEndsBeforeTheLoads() throws {
        let result = try boot("load crc32c_intel at=2.5s pid=180\n")
        let initLine = try #require(result.records.last { $0.text.hasSuffix("TERM=linux") })
        #expect(result.bootEndTime == initLine.timestamp)
        #expect(result.records.last?.timestamp ?? 0 > 2_500_000_000)
        #expect(BootComparison.endTime(result) == initLine.timestamp)
        #expect(try boot("").bootEndTime == initLine.timestamp)
    }

    @Test func withoutLoadsItIsTheBoot() throws {
        let plain = try boot("")
        let text = "kernel \"6.8.0-sim\"\ninitramfs /init\ncmdline \"initcall_debug\"\n" + Self.modules
        #expect(
            DmesgRenderer.render(plain)
                == DmesgRenderer.render(try Linker.link(try Fixtures.parse(text)).boot()))
    }

    @Test func noInitNoLoads() throws {
        let result = try boot("load crc32c_intel pid=180\n", root: "")
        #expect(!result.reachedInit)
        #expect(!DmesgRenderer.render(result).contains("crc32c_intel"))
    }

    @Test func theBootsSwitchesApply() throws {
        // initcall_blacklist= names module inits too; module_blacklist= refuses the module.
        let result = try boot(
            "load crc32c_intel pid=180\nload psmouse pid=181\n",
            cmdline: "initcall_debug initcall_blacklist=crc32c_intel_mod_init module_blacklist=psmouse")
        let lines = tail(result)
        #expect(lines.contains { $0.hasSuffix("initcall crc32c_intel_mod_init blacklisted") })
        #expect(!lines.contains { $0.contains("psmouse_init") })
        #expect(result.reachedInit)
    }

    @Test func aPanicInAModuleInitEndsTheBootThere() throws {
        let text = """
            kernel "6.8.0-sim"
            initramfs /init
            cmdline "initcall_debug"
            module bad
              MODULE_LICENSE "GPL"
              MODULE_INFO intree "Y"
              module_init bad_init panic="bad: cannot go on"
            load bad at=3s pid=250

            """
        let result = try Linker.link(try Fixtures.parse(text)).bootLoadingModules()
        #expect(!result.reachedInit)
        #expect(result.outcome == .panicked("bad: cannot go on"))
        let dmesg = DmesgRenderer.render(result)
        #expect(dmesg.contains("] calling  bad_init+0x0/0x"))
        #expect(dmesg.contains("Kernel panic - not syncing: bad: cannot go on"))
    }

    /// `flush=`: the calling line's console time passes between that line and the start
    /// time, so the printed duration stays the body's; without `initcall_debug` no line is
    /// printed and no time passes. A module's init (a `load`) takes it too.
    @Test func flushDelaysTheBodyNotTheDuration() throws {
        let text = { (cmdline: String) in
            """
            kernel "6.8.0-sim"
            cmdline "\(cmdline)"
            initramfs /init
            object drivers/tty/serial/8250/8250_core.o
              device_initcall serial8250_init size=0x120 time=20us flush=5ms
            object drivers/base/firmware_loader/main.o
              device_initcall firmware_class_init size=0x40 time=3us
            module drm
              MODULE_LICENSE "GPL"
              MODULE_INFO intree "Y"
              module_init drm_core_init size=0xff0 time=25us flush=65us
            load drm at=2s pid=161
            """
        }
        let boot = { (cmdline: String) throws -> [LogRecord] in
            try Linker.link(try BootFile.parse(text(cmdline), file: "flush.boot")).bootLoadingModules().records
        }
        let stamped = try boot("initcall_debug").filter {
            $0.text.contains("calling  ") || $0.text.hasPrefix("initcall ")
        }
        .map { "\($0.timestamp) \($0.text)" }
        let first = try #require(stamped.first.flatMap { UInt64($0.prefix { $0 != " " }) })
        #expect(
            stamped == [
                "\(first) calling  serial8250_init+0x0/0x120 @ 1",
                // 1 µs printk, 5 ms flush, then the 20 µs body, which alone is the duration.
                "\(first + 5_021_000) initcall serial8250_init+0x0/0x120 returned 0 after 20 usecs",
                "\(first + 5_022_000) calling  firmware_class_init+0x0/0x40 @ 1",
                "\(first + 5_026_000) initcall firmware_class_init+0x0/0x40 returned 0 after 3 usecs",
                "2000000000 calling  drm_core_init+0x0/0xff0 [drm] @ 161",
                "2000091000 initcall drm_core_init+0x0/0xff0 [drm] returned 0 after 25 usecs",
            ])
        let quiet = try boot("")
        let withoutFlush = try Linker.link(
            try BootFile.parse(text("").replacingOccurrences(of: " flush=5ms", with: ""), file: "flush.boot")
        ).bootLoadingModules().records
        #expect(quiet == withoutFlush)
    }
}

/// `do_init_module()` waits for the async work a module's init scheduled
/// (`async_synchronize_full()`, `PF_USED_ASYNC` from 3.8) before the load is done.
@Suite struct ModuleAsyncTests {
    static func lines(_ release: String, _ cmdline: String) throws -> [String] {
        let text = """
            kernel "\(release)"
            initramfs /init
            cmdline "\(cmdline)"
            config CONFIG_DYNAMIC_DEBUG=y
            timeline printk=1us
            module sd_mod
              MODULE_LICENSE "GPL"
              MODULE_INFO intree "Y"
              async sd_probe_async time=50ms pid=300 size=0x1b0
              module_init init_sd time=1ms async=sd_probe_async size=0x100
            load sd_mod at=2s pid=180
            """
        let result = try Linker.link(try Fixtures.parse(text)).bootLoadingModules()
        let lines = DmesgRenderer.render(result).split(separator: "\n").map(String.init)
        // From the load on (the boot's own async_synchronize_full() prints before it).
        return lines.filter { $0.hasPrefix("[    2.") }
    }

    @Test func theLoaderWaitsForItsInitsEntries() throws {
        // 5.13 on, with kernel/async.c's pr_debug() on: the worker's lines and the loader's wait.
        #expect(
            try Self.lines("6.1.0", #"initcall_debug dyndbg=\"file kernel/async.c +p\""#) == [
                "[    2.000000] calling  init_sd+0x0/0x100 [sd_mod] @ 180",
                "[    2.001001] calling  1_sd_probe_async+0x0/0x1b0 @ 300",
                "[    2.001001] initcall init_sd+0x0/0x100 [sd_mod] returned 0 after 1000 usecs",
                "[    2.001002] async_waiting @ 180",
                "[    2.051002] initcall 1_sd_probe_async+0x0/0x1b0 returned after 48828 usecs",
                "[    2.051003] async_continuing @ 180 after 48828 usec",
            ])
        // 3.12 prints neither once the system runs, but the entry still runs.
        let old = try Self.lines("3.12.0", "initcall_debug")
        #expect(old.count == 2, "\(old)")
    }
}
