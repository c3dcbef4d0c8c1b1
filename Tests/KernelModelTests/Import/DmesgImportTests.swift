import InitcallSim
import Testing

/// The pieces of `initcall-sim import`: one log line taken apart, the `initcall_debug`
/// messages of every era, and what the importer makes of messy real logs.
@Suite struct DmesgImportTests {
    @Test func recordFormats() {
        let plain = DmesgRecord("[    1.234567] calling  foo_init+0x0/0x30 @ 1", number: 1)
        #expect(plain.microseconds == 1_234_567)
        #expect(plain.text == "calling  foo_init+0x0/0x30 @ 1")
        let raw = DmesgRecord("<7>[    0.000001][    T1] hello", number: 2)
        #expect(raw.level == 7)
        #expect(raw.microseconds == 1)
        #expect(raw.caller == "T1")
        #expect(raw.callerPID == 1)
        #expect(raw.text == "hello")
        let bare = DmesgRecord("calling  foo_init+0x0/0x30 @ 1", number: 3)
        #expect(bare.microseconds == nil)
        #expect(bare.text == "calling  foo_init+0x0/0x30 @ 1")
        let syslog = DmesgRecord("<30>text", number: 4)
        #expect(syslog.level == 6)
        let cpu = DmesgRecord("[   12.5][    C3] x", number: 5)
        #expect(cpu.microseconds == 12_500_000)
        #expect(cpu.caller == "C3")
    }

    @Test func debugLinesOfEveryEra() throws {
        #expect(
            InitcallDebugLine("calling  e1000_init_module+0x0/0x80 [e1000] @ 412")
                == .calling(try #require(symbol("e1000_init_module", 0x80, "e1000")), pid: 412))
        #expect(
            InitcallDebugLine("initcall inet_init+0x0/0x2a0 returned 0 after 1234 usecs")
                == .returned(try #require(symbol("inet_init", 0x2a0)), ret: 0, duration: 1234, milliseconds: false))
        #expect(
            InitcallDebugLine("initcall pci_init returned 7 after 2 usecs")
                == .returned(try #require(symbol("pci_init", nil)), ret: 7, duration: 2, milliseconds: false))
        // 2.6.26-27: %pF, no pid, msecs.
        #expect(
            InitcallDebugLine("calling  net_ns_init+0x0/0x14d")
                == .calling(try #require(symbol("net_ns_init", 0x14d)), pid: nil))
        #expect(
            InitcallDebugLine("initcall net_ns_init+0x0/0x14d returned 0 after 0 msecs")
                == .returned(try #require(symbol("net_ns_init", 0x14d)), ret: 0, duration: 0, milliseconds: true))
        // 2.6.22-25.
        #expect(
            InitcallDebugLine("Calling initcall 0xc0417f30: init_elf_binfmt+0x0/0x10()")
                == .calling(try #require(symbol("init_elf_binfmt", 0x10)), pid: nil, address: 0xc041_7f30))
        #expect(
            InitcallDebugLine("initcall 0xc0417f30: init_elf_binfmt+0x0/0x10() returned 0.")
                == .returnedOld(try #require(symbol("init_elf_binfmt", 0x10)), ret: 0))
        #expect(
            InitcallDebugLine("initcall 0xc0417f30 ran for 0 msecs: init_elf_binfmt+0x0/0x10()")
                == .ranFor(try #require(symbol("init_elf_binfmt", 0x10)), milliseconds: 0))
        #expect(
            InitcallDebugLine("initcall foo_init+0x0/0x40 returned with preemption imbalance ")
                == .returnedWith(try #require(symbol("foo_init", 0x40)), reasons: "preemption imbalance "))
        #expect(InitcallDebugLine("initcall blocked_init blacklisted") == .blacklisted("blocked_init"))
        #expect(InitcallDebugLine("entering initcall level: device") == .enteringLevel("device"))
        let probe = try #require(PrintedSymbol("async_port_probe+0x0/0x50"))
        #expect(
            InitcallDebugLine("calling  3_async_port_probe+0x0/0x50 @ 8") == .asyncCalling(cookie: 3, probe, pid: 8))
        #expect(
            InitcallDebugLine("initcall 3_async_port_probe+0x0/0x50 returned after 5 usecs")
                == .asyncReturned(cookie: 3, probe, duration: 5))
        #expect(
            InitcallDebugLine("initcall 12_sd_probe_async+0x0/0x1b0 returned 0 after 1339307 usecs")
                == .asyncReturned(
                    cookie: 12, try #require(PrintedSymbol("sd_probe_async+0x0/0x1b0")), duration: 1_339_307))
        // A cookie without a pid, or a garbled duration, says no more than that it is async work.
        #expect(InitcallDebugLine("calling  3_async_port_probe+0x0/0x50") == .async)
        #expect(InitcallDebugLine("initcall 3_async_port_probe+0x0/0x50 returned 0 after x usecs") == .async)
    }

    @Test func notInitcalls() {
        // PCI fixups (pci_do_fixups) and the driver core's probe timing look alike.
        #expect(InitcallDebugLine("pci 0000:00:01.0: calling  quirk_piix4_acpi+0x0/0x170 @ 1") == nil)
        #expect(InitcallDebugLine("probe of 0000:00:03.0 returned 0 after 1510 usecs") == nil)
        #expect(InitcallDebugLine("initcall_blacklist requires CONFIG_KALLSYMS") == nil)
        #expect(InitcallDebugLine("calling  foo bar baz @ x") == nil)
    }

    /// Without a banner the release comes from a stack dump's first line, else from the era
    /// the lines' own format proves, and the header says which.
    @Test func releaseWithoutABanner() {
        let dump = DmesgImport.read(
            """
            [    0.200000] calling  foo_init+0x0/0x20 @ 1
            [    0.200010] CPU: 0 PID: 1 Comm: swapper/0 Tainted: G        W          6.1.0-13-amd64 #1 Debian 6.1.55-1
            [    0.200020] initcall foo_init+0x0/0x20 returned 0 after 9 usecs
            """)
        #expect(dump.release == "6.1.0-13-amd64")
        #expect(dump.notes.contains { $0.hasPrefix("no banner: the release 6.1.0-13-amd64 is the one a stack dump") })
        let old = DmesgImport.read("Pid: 1, comm: swapper Not tainted 2.6.26-rc9 #89\ncalling  a_init+0x0/0x20\n")
        #expect(old.release == "2.6.26-rc9")
        let msecs = DmesgImport.read(
            "[    1.0] calling  a_init+0x0/0x20\n[    1.1] initcall a_init+0x0/0x20 returned 0 after 0 msecs\n")
        #expect(msecs.release == "2.6.27")
        let address = DmesgImport.read("Calling initcall 0xffffffff81a50e82: net_ns_init+0x0/0x15e()\n")
        #expect(address.release == "2.6.25")
        let modern = DmesgImport.read(
            "calling  a_init+0x0/0x20 @ 1\ninitcall a_init+0x0/0x20 returned 0 after 3 usecs\n")
        #expect(modern.release == nil)
    }

    @Test func messyLog() {
        let log = """
            [    0.100000] smp: Brought up 1 node, 2 CPUs\r
            [    0.200000] calling  twice_init+0x0/0x20 @ 1\r
            [    0.200010] initcall twice_init+0x0/0x20 returned 5 after 9 usecs\r
            [    0.199000] random: crng init done\r
            [    0.200020] calling  twice_init+0x0/0x20 @ 1\r
            [    0.200030] pci 0000:00:01.0: calling  quirk_x+0x0/0x10 @ 1\r
            [    0.200040] probe of 0000:00:03.0 returned 0 after 3 usecs[    0.200050] initcall twice_init+0x0/0x20 returned 0 after 29 usecs\r
            [    0.300000] calling  mod_init+0x0/0x20 [mod] @ 300\r
            [    0.300010] initcall mod_init+0x0/0x20 [mod] returned 0 after 8 usecs\r
            """
        let boot = DmesgImport.read(log)
        let builtIn = boot.calls.filter { $0.phase != .outside }
        #expect(builtIn.map(\.function) == ["twice_init", "twice_init"])
        #expect(builtIn.map(\.ret) == [5, 0])
        #expect(
            builtIn[1].records.map(\.text) == [
                "pci 0000:00:01.0: calling  quirk_x+0x0/0x10 @ 1", "probe of 0000:00:03.0 returned 0 after 3 usecs",
            ])
        #expect(builtIn[1].duration == 29)
        #expect(boot.calls.last?.module == "mod")
        #expect(boot.calls.last?.phase == .outside)
        #expect(boot.cpus == 2)
    }

    /// A log pasted from a mail: spaces at line ends, blank lines, and lines wrapped — a
    /// `returned` line in two or three pieces — come back as the records dmesg printed.
    @Test func mailedLog() {
        let log = """
            [    0.006002] calling  a_init+0x0/0x78 @ 1 \t

            [    0.006062] initcall a_init+0x0/0x78 returned 0 after 0 usecs
            [    0.006149] calling  b_init+0x0/0x200 @ 1
            [    0.006225] EFI services will not be available. 
             
            [    0.006249] initcall b_init+0x0/0x200 returned 0 after 
            0 usecs
            [  311.368937][    T1] calling  c_init+0x0/0x1d0 @ 1
            [  311.388120][    T1] initcall
            c_init+0x0/0x1d0 returned 0 after 7812
            usecs
            [  311.391924][    T1] calling  d_init+0x0/0x10 @ 1
            [  311.394390][    T1] d: a message a mailer
            wrapped
            [  311.397427][    T1] initcall d_init+0x0/0x10 returned
            0 after 3906 usecs
            """
        let boot = DmesgImport.read(log)
        #expect(boot.calls.map(\.function) == ["a_init", "b_init", "c_init", "d_init"])
        #expect(boot.calls.map(\.duration) == [0, 0, 7812, 3906])
        #expect(boot.calls.map(\.rettime) == [6_062, 6_249, 311_388_120, 311_397_427])
        // The blank lines are no records; a message that is no initcall line stays as it came.
        #expect(boot.calls[1].records.map(\.text) == ["EFI services will not be available. "])
        #expect(boot.calls[3].records.map(\.text) == ["d: a message a mailer", "wrapped"])
        // Without printk times, a line is a record of its own whatever it holds.
        let bare = DmesgImport.read(
            "calling  e_init+0x0/0x10 @ 1\ninitcall e_init+0x0/0x10 returned 0 after\n3 usecs\n")
        #expect(bare.calls.first?.duration == nil)
    }

    /// A log quoted in a reply: the quote marks go, and the banner a mailer wrapped in pieces
    /// comes back whole.
    @Test func quotedLog() {
        let log = """
            > [    0.000000] Linux version
            > 5.11.0-rc2 (mwalle@mwalle01)
            > (gcc 8.3.0, GNU ld 2.31.1) #307 SMP PREEMPT Fri Jan 8 01:03:51 CET 2021
            > [    0.001661] calling  spawn_ksoftirqd+0x0/0x58 @ 1
            > [    0.001718] initcall spawn_ksoftirqd+0x0/0x58 returned 0 after 0
            > usecs
            >> [    0.001731] calling  migration_init+0x0/0x64 @ 1
            >> [    0.001740] initcall migration_init+0x0/0x64 returned 0 after 0 usecs
            """
        let boot = DmesgImport.read(log)
        #expect(boot.release == "5.11.0-rc2")
        #expect(boot.banner?.hasSuffix("#307 SMP PREEMPT Fri Jan 8 01:03:51 CET 2021") == true)
        #expect(boot.calls.map(\.function) == ["spawn_ksoftirqd", "migration_init"])
        #expect(boot.calls.map(\.duration) == [0, 0])
        // A line that starts with '>' in a log that is not quoted is a message like any other.
        let plain = DmesgImport.read("[    0.1] calling  a_init+0x0/0x8 @ 1\n> not a quote\n")
        #expect(plain.calls.first?.records.map(\.text) == ["> not a quote"])
    }

    /// `dmesg -x` (`kern  :info  : `), `dmesg -T` (`[Wed Dec  2 05:28:32 2026]`),
    /// `--time-format iso` and `journalctl -o short-monotonic`: the prefixes go, `-x` gives
    /// the level; a time of day is no time since boot, so `-T` and iso logs import as logs
    /// without printk times.
    @Test func dmesgOutputFormats() {
        let decoded = DmesgRecord("kern  :warn  : [    0.421120] calling  a_init+0x0/0x8 @ 1", number: 1)
        #expect(decoded.level == 4)
        #expect(decoded.microseconds == 421_120)
        #expect(decoded.text == "calling  a_init+0x0/0x8 @ 1")
        let ctime = DmesgRecord("[Wed Dec  2 05:28:32 2026] calling  a_init+0x0/0x8 @ 1", number: 2)
        #expect(ctime.microseconds == nil && ctime.wallClock && !ctime.isBare)
        #expect(ctime.text == "calling  a_init+0x0/0x8 @ 1")
        let iso = DmesgRecord("2026-12-02T05:28:32,123456+00:00 calling  a_init+0x0/0x8 @ 1", number: 3)
        #expect(iso.wallClock && iso.text == "calling  a_init+0x0/0x8 @ 1")
        let both = DmesgRecord(
            "kern  :info  : [Wed Dec  2 05:28:32 2026] initcall a_init+0x0/0x8 returned 0 after 3 usecs", number: 4)
        #expect(both.level == 6 && both.wallClock)
        // Messages that only look like a facility stay whole.
        for text in ["ACPI: Core revision 20200925", "clocksource: jiffies: mask: 0xffffffff", "x86: Booting SMP"] {
            #expect(DmesgRecord(Substring(text), number: 5).text == Substring(text))
        }
        // journalctl -k -o short-monotonic: the time since boot, then the host and "kernel:".
        let journal = DmesgRecord("[    0.421120] nuc kernel: calling  a_init+0x0/0x8 @ 1", number: 6)
        #expect(journal.microseconds == 421_120 && journal.text == "calling  a_init+0x0/0x8 @ 1")
        #expect(DmesgRecord("[    0.1] a b kernel: x", number: 7).text == "a b kernel: x")
        let log =
            "kern  :info  : [Wed Dec  2 05:28:32 2026] calling  a_init+0x0/0x8 @ 1\n"
            + "kern  :info  : [Wed Dec  2 05:28:32 2026] initcall a_init+0x0/0x8 returned 0 after 3 usecs\n"
        let boot = DmesgImport.read(log)
        #expect(boot.calls.map(\.function) == ["a_init"])
        #expect(boot.calls.first?.duration == 3)
        #expect(boot.calls.first?.calltime == nil)
    }

    @Test func systemMapGivesLevelsAndObjects() {
        let map = """
            ffffffff83000000 T __initcall_start
            ffffffff83000000 d __initcall__kmod_softirq__301_1012_spawn_ksoftirqdearly
            ffffffff83000004 T __initcall0_start
            ffffffff83000004 d __initcall__kmod_net_namespace__590_385_net_ns_init0
            ffffffff83000008 T __initcall1_start
            ffffffff83000008 d __initcall_sock_init1
            ffffffff8300000c T __initcall6_start
            ffffffff8300000c d __initcall__kmod_core__412_88_foo_init6
            ffffffff83000010 d __initcall__kmod_other__413_88_bar_init6
            ffffffff83000014 d __initcall__kmod_core__414_99_baz_init6
            ffffffff83000018 T __initcall7_start
            ffffffff83000018 d __initcall__kmod_clk__5_1_clk_disable_unused7s
            ffffffff8300001c T __initcall_end
            """
        let log = """
            [    0.001000] calling  spawn_ksoftirqd+0x0/0x30 @ 1
            [    0.001001] initcall spawn_ksoftirqd+0x0/0x30 returned 0 after 0 usecs
            [    0.002000] smp: Brought up 1 node, 1 CPU
            [    0.003000] calling  net_ns_init+0x0/0x30 @ 1
            [    0.003001] initcall net_ns_init+0x0/0x30 returned 0 after 0 usecs
            [    0.003002] calling  sock_init+0x0/0x30 @ 1
            [    0.003003] initcall sock_init+0x0/0x30 returned 0 after 0 usecs
            [    0.003004] calling  foo_init+0x0/0x30 @ 1
            [    0.003005] initcall foo_init+0x0/0x30 returned 0 after 0 usecs
            [    0.003006] calling  bar_init+0x0/0x30 @ 1
            [    0.003007] initcall bar_init+0x0/0x30 returned 0 after 0 usecs
            [    0.003008] calling  baz_init+0x0/0x30 @ 1
            [    0.003009] initcall baz_init+0x0/0x30 returned 0 after 0 usecs
            [    0.003010] calling  clk_disable_unused+0x0/0x30 @ 1
            [    0.003011] initcall clk_disable_unused+0x0/0x30 returned 0 after 0 usecs
            """
        let boot = DmesgImport.read(log, systemMap: SystemMap(map))
        #expect(boot.calls.map { $0.id ?? "?" } == ["early", "0", "1", "6", "6", "6", "7s"])
        #expect(
            boot.calls.map { $0.object ?? "?" } == ["softirq", "net_namespace", "?", "core", "other", "core", "clk"])
        #expect(boot.notes.contains { $0.contains("object 'core'") })
    }

    @Test func hostileInputNeverTraps() {
        let inputs = [
            "", "\r\r\r", "[", "[ ]", "<", "<999999999999999999>", "[99999999999999999999.9999999999] x",
            "calling  ", "calling   @ ", "calling  a @ 99999999999", "initcall  returned",
            "initcall a returned x after y usecs",
            "initcall a returned 0 after 99999999999999999999 usecs", "initcall 0x: returned",
            "initcall 0x ran for  msecs: ",
            String(repeating: "[", count: 10_000), String(repeating: "[    1.000000] ", count: 2_000),
            "initcall a+0x0/0xffffffffffffffffffff returned 0 after 1 usecs", "Linux version ", "Linux version x (",
            "Brought up CPUs", "Run  as init process", "entering initcall level: nonsense",
        ]
        for input in inputs {
            let boot = DmesgImport.read(input + "\n" + input)
            _ = boot.bootFile(source: "hostile")
        }
    }

    /// Found by the `import` fuzz target: calls before `smp:` in a release without
    /// `early_initcall()` (before 2.6.28) were written as `early_initcall`, which that
    /// release's table does not have, so the description did not read back.
    @Test func noEarlyInitcallsBefore2628() throws {
        let log = """
            [    0.000000] Linux version 2.6.27 (a@b) (gcc) #1 SMP
            [    0.010000] calling  pre_smp_init+0x0/0x40 @ 1
            [    0.010100] initcall pre_smp_init+0x0/0x40 returned 0 after 0 usecs
            [    0.020000] Brought up 2 CPUs
            [    0.030000] calling  later_init+0x0/0x40 @ 1
            [    0.030100] initcall later_init+0x0/0x40 returned 0 after 0 usecs
            """
        let text = DmesgImport.read(log).bootFile(source: "old.dmesg")
        #expect(!text.contains("early_initcall"))
        _ = try BootFile.parse(text, file: "old.boot")
    }

    /// Found by the `import` fuzz target: a System.map's levels are written with the macros of
    /// the release the banner names, so one whose table lacks a level (`early` and the sync
    /// levels before 2.6.28 and 2.6.17) still gives a description that reads back.
    /// A log of `release` with two calls, `spawn_ksoftirqd` and `later_init`.
    static func twoCalls(release: String) -> String {
        """
        [    0.000000] Linux version \(release) (a@b) (gcc) #1 SMP
        [    0.010000] calling  spawn_ksoftirqd+0x0/0x40 @ 1
        [    0.010100] initcall spawn_ksoftirqd+0x0/0x40 returned 0 after 0 usecs
        [    0.030000] calling  later_init+0x0/0x40 @ 1
        [    0.030100] initcall later_init+0x0/0x40 returned 0 after 0 usecs
        """
    }

    @Test func systemMapLevelsTheReleaseLacksStillReadBack() throws {
        let log = Self.twoCalls(release: "2.6.16")
        let map = SystemMap(
            """
            ffffffff83000000 t __initcall_spawn_ksoftirqdearly
            ffffffff83000008 t __initcall_later_init6s
            """)
        let text = DmesgImport.read(log, systemMap: map).bootFile(source: "old.dmesg")
        #expect(text.contains("__define_initcall spawn_ksoftirqd early"))
        #expect(text.contains("__define_initcall later_init 6s"))
        _ = try BootFile.parse(text, file: "old.boot")
    }

    /// Found by the `import` fuzz target: a System.map name with a tab and NULs in it gave
    /// its `kmod_` object a name no `object` line can carry. Fields are split at tabs as well
    /// as spaces, and a name that is not a symbol's is no entry.
    @Test func systemMapNamesThatAreNoSymbolsAreSkipped() throws {
        let log = Self.twoCalls(release: "6.1.0")
        let map = SystemMap(
            """
            ffffffff83000000 T __initcall_start
            ffffffff83000000 d __initcall__kmod_softir\u{0}\u{0}\tq__301_1012_spawn_ksoftirqdearly
            ffffffff83000004\tT\t__initcall6_start
            ffffffff83000004\td\t__initcall__kmod_later__302_40_later_init6
            ffffffff83000008 T __initcall_end
            """)
        #expect(map.entries.map(\.symbol) == ["later_init6"])
        #expect(map.entries.map(\.object) == ["later"])
        #expect(map.entries.map(\.slice) == ["6"])
        let text = DmesgImport.read(log, systemMap: map).bootFile(source: "tab.dmesg")
        #expect(!text.contains("\u{0}"))
        _ = try BootFile.parse(text, file: "tab.boot")
    }

    /// Found by the `import` fuzz target: a root the reader cannot take as written must not be
    /// declared — `vda0` (partitions are numbered from 1) and `sdvda1` (a disk the reader gives
    /// no device number without `devt=`) — and the description still reads back.
    @Test(arguments: [("vda0", "partition vda0"), ("sdvda1", "disk sdvda")])
    func rootsTheReaderCannotTakeAreNotDeclared(_ root: String, _ declaration: String) throws {
        let log = """
            [    0.000000] Linux version 6.1.0 (a@b) (gcc) #1 SMP
            [    0.000000] Kernel command line: root=/dev/\(root) initcall_debug
            [    0.030000] calling  later_init+0x0/0x40 @ 1
            [    0.030100] initcall later_init+0x0/0x40 returned 0 after 0 usecs
            [    0.040000] Run /sbin/init as init process
            """
        let text = DmesgImport.read(log).bootFile(source: "\(root).dmesg")
        #expect(!text.contains(declaration))
        #expect(text.contains("# init ran from a root this import cannot describe"))
        _ = try BootFile.parse(text, file: "\(root).boot")
    }

    /// The symbol `%pS` prints for `name` (`name+0x0/0xSIZE [module]`).
    private func symbol(_ name: String, _ size: Int?, _ module: String? = nil) -> PrintedSymbol? {
        var text = name
        if let size { text += "+0x0/0x" + String(size, radix: 16) }
        if let module { text += " [\(module)]" }
        return PrintedSymbol(Substring(text))
    }
}
