import KernelBoot
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

/// What changed between releases in the reports a boot prints: the `dump_stack_print_info()`
/// header, the WARN banner and register block, `panic()`'s tail and `panic_on_warn`, and
/// sleeping in atomic context. One golden log per release, plus the exact lines.
@Suite("report formats by release")
struct ReleaseFormatTests {
    let golden = Golden("KernelBootTests")

    /// A board whose initcalls leak a preempt count (WARN), leave IRQs off (a second WARN, now
    /// tainted), reach `might_sleep()` under a spinlock, and `msleep()` with preemption
    /// disabled; it has no disk, so the boot ends in the root-mount panic.
    static func board(_ version: String, _ cmdline: String = "initcall_debug", arch: Architecture = .x86_64) throws
        -> BootResult
    {
        try TestKernel.boot(cmdline, version: version, arch: arch, root: false) { k in
            k.object("drivers/misc/leaky.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("leaky_init") { k in
                        k.preempt_disable()
                        return 0
                    })
            }
            k.object("drivers/misc/irq.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("irq_init") { k in
                        k.local_irq_disable()
                        return 0
                    })
            }
            k.object("drivers/misc/atomic.o") { tu in
                tu.late_initcall(
                    TestKernel.fn("atomic_init") { k in
                        let lock = SpinLock("atomic_lock")
                        k.spin_lock(lock)
                        k.might_sleep(line: 120)
                        k.spin_unlock(lock)
                        return 0
                    })
            }
            k.object("drivers/misc/sleepy.o") { tu in
                tu.late_initcall_sync(
                    TestKernel.fn("sleepy_init") { k in
                        k.preempt_disable()
                        k.msleep(2)
                        k.pr_info("sleepy: awake")
                        return 0
                    })
            }
        }
    }

    @Test(arguments: ["6.1.0", "6.8.0", "6.12.0", "6.16.0", "6.19.0"])
    func eachReleasesLogMatchesItsGolden(_ version: String) throws {
        let result = try Self.board(version)
        try golden.check(DmesgRenderer.render(result), against: "reports-\(version).dmesg")
    }

    // MARK: dump_stack_print_info()

    @Test func theHeaderFollowsTheRelease() throws {
        func headers(_ version: String) throws -> [String] {
            TestKernel.lines(try Self.board(version)).filter { $0.hasPrefix("CPU: ") || $0.hasPrefix("Tainted: [") }
        }
        #expect(
            try headers("6.8.0").prefix(2) == [
                "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.8.0 #1",
                "CPU: 0 PID: 1 Comm: swapper/0 Tainted: G        W          6.8.0 #1",
            ])
        // 6.11: the UID, and once tainted the verbose taint line.
        #expect(
            try headers("6.12.0").prefix(3) == [
                "CPU: 0 UID: 0 PID: 1 Comm: swapper/0 Not tainted 6.12.0 #1",
                "CPU: 0 UID: 0 PID: 1 Comm: swapper/0 Tainted: G        W          6.12.0 #1",
                "Tainted: [W]=WARN",
            ])
        #expect(try headers("6.10.0").first == "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.10.0 #1")
        // 6.15: the preemption model, and a space after it; 20 taint columns.
        #expect(
            try headers("6.16.0").prefix(2) == [
                "CPU: 0 UID: 0 PID: 1 Comm: swapper/0 Not tainted 6.16.0 #1 PREEMPT(voluntary) ",
                "CPU: 0 UID: 0 PID: 1 Comm: swapper/0 Tainted: G        W           6.16.0 #1 PREEMPT(voluntary) ",
            ])
        // Before 3.10: "Pid: %d, comm: %.20s".
        #expect(
            TestKernel.lines(try Self.board("3.9.0")).contains { $0 == "Pid: 1, comm: swapper/0 Not tainted 3.9.0 #1" })
    }

    @Test func thePreemptModelComesFromTheBuild() throws {
        var build = KernelBuild()
        #expect(build.preemptModelString == "PREEMPT(voluntary)")
        build.version = "#1 SMP PREEMPT Tue Mar 4 12:00:00 UTC 2025"
        #expect(build.preemptModelString == "PREEMPT")
        build.version = "#2 SMP PREEMPT_RT Tue Mar 4 12:00:00 UTC 2025"
        #expect(build.preemptModelString == "PREEMPT_RT")
        build.version = "#1 SMP Tue Mar 4 12:00:00 UTC 2025"
        #expect(build.preemptModelString == "NONE")
        build.preemptModel = "PREEMPT(lazy)"
        #expect(build.preemptModelString == "PREEMPT(lazy)")
        #expect(build.buildNumber == "#1")
    }

    // MARK: WARN

    @Test func theWarnCarriesTheX86RegisterBlock() throws {
        let lines = TestKernel.lines(try Self.board("6.8.0"))
        let rip = try #require(lines.firstIndex(of: "RIP: 0010:do_one_initcall+0x2a1/0x320"))
        #expect(lines[rip - 1] == "Hardware name: initcall-sim virtual machine, BIOS 0.0 01/01/2026")
        let code = lines[rip + 1]
        #expect(code.hasPrefix("Code: "))
        let bytes = code.dropFirst(6).split(separator: " ")
        let trap = try #require(bytes.firstIndex(of: "<0f>"))
        // show_opcodes(): 42 bytes before the trapping byte, 21 after it.
        #expect(trap == 42)
        #expect(bytes.count - trap - 1 == 21)
        #expect(bytes[trap + 1] == "0b")
        #expect(lines[rip + 2].hasPrefix("RSP: 0000:") && lines[rip + 2].contains(" EFLAGS: "))
        #expect(
            lines[rip + 3].hasPrefix("RAX: ") && lines[rip + 3].contains(" RBX: ") && lines[rip + 3].contains(" RCX: "))
        #expect(lines[rip + 8].hasPrefix("FS:  "))
        #expect(lines[rip + 9].hasPrefix("CS:  0010 DS: 0000 ES: 0000 CR0: "))
        #expect(lines[rip + 10].hasPrefix("CR2: "))
        #expect(lines[rip + 11] == "Call Trace:")
        // arm64 prints its own registers; only the pc line is modelled.
        let arm = TestKernel.lines(try Self.board("6.8.0", arch: .arm64))
        #expect(arm.contains("pc : do_one_initcall+0x2a1/0x320"))
        #expect(!arm.contains { $0.hasPrefix("RIP: ") })
    }

    @Test func from619TheBannerNamesTheFileFirst() throws {
        let lines = TestKernel.lines(try Self.board("6.19.0"))
        #expect(lines.contains("WARNING: init/main.c:1257 at do_one_initcall+0x2a1/0x320, CPU#0: swapper/0/1"))
        #expect(
            TestKernel.lines(try Self.board("6.18.0")).contains(
                "WARNING: CPU: 0 PID: 1 at init/main.c:1257 do_one_initcall+0x2a1/0x320"))
    }

    @Test func pid1TracesEndAsTheReleasesDid() throws {
        let modern = TestKernel.lines(try Self.board("6.8.0"))
        let asm = try #require(modern.firstIndex(of: " ret_from_fork_asm+0x1a/0x30"))
        #expect(modern[asm - 1] == " ret_from_fork+0x34/0x50")
        let old = TestKernel.lines(try Self.board("6.1.0"))
        #expect(!old.contains { $0.contains("ret_from_fork_asm") })
        let fork = try #require(old.firstIndex(of: " ret_from_fork+0x22/0x30"))
        #expect(old[fork - 2] == " ? rest_init+0xd0/0xd0")
        #expect(old[fork - 1] == " kernel_init+0x16/0x130")
    }

    // MARK: panic()

    @Test func panicTimeoutDecidesHowTheLogEnds() throws {
        func tail(_ cmdline: String) throws -> [String] {
            Array(TestKernel.lines(try Self.board("6.8.0", cmdline)).suffix(2))
        }
        // panic=0 (the default): the end marker, then the endless loop.
        #expect(
            try tail("initcall_debug") == [
                "Kernel Offset: disabled",
                "---[ end Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0) ]---",
            ])
        // panic=N: "Rebooting in N seconds.." (two dots), then the reboot; no end marker.
        #expect(try tail("initcall_debug panic=10") == ["Kernel Offset: disabled", "Rebooting in 10 seconds.."])
        // panic=-1: an immediate reboot; the log ends after the panic notifiers.
        #expect(try tail("initcall_debug panic=-1").last == "Kernel Offset: disabled")
        #expect(try tail("initcall_debug panic=-1 nokaslr").last == "Kernel Offset: disabled")
    }

    @Test func aKaslrOffsetIsPrintedUnlessNokaslr() throws {
        func offsetLine(_ cmdline: String) throws -> String? {
            var kernel = KernelDescription()
            kernel.version = KernelVersion("6.1.0")
            kernel.commandLine = cmdline
            kernel.kaslrOffset = 0x3a000000
            return TestKernel.lines(try Linker.link(kernel).boot()).first { $0.hasPrefix("Kernel Offset:") }
        }
        #expect(
            try offsetLine("")
                == "Kernel Offset: 0x3a000000 from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)"
        )
        #expect(try offsetLine("nokaslr") == "Kernel Offset: disabled")
    }

    /// `check_panic_on_warn()` inside `__warn()`: after the registers and trace, before the
    /// end-of-trace marker and before `add_taint()`, so the panic's own dump is untainted.
    @Test func panicOnWarnPanicsInsideWarn() throws {
        let result = try Self.board("6.8.0", "initcall_debug panic_on_warn=1")
        let lines = TestKernel.lines(result)
        let panic = try #require(lines.firstIndex(of: "Kernel panic - not syncing: kernel: panic_on_warn set ..."))
        #expect(lines[panic - 1] == " </TASK>")
        #expect(!lines.contains { $0.hasPrefix("---[ end trace") })
        #expect(lines[panic + 1] == "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.8.0 #1")
        #expect(
            Array(lines[(panic + 5)...(panic + 13)]) == [
                " dump_stack_lvl+0x4a/0x80",
                " panic+0x33e/0x3a0",
                " check_panic_on_warn+0x44/0x60",
                " __warn+0x8e/0x1a0",
                " report_bug+0x171/0x1a0",
                " handle_bug+0x3c/0x70",
                " exc_invalid_op+0x17/0x70",
                " asm_exc_invalid_op+0x1a/0x20",
                "RIP: 0010:do_one_initcall+0x2a1/0x320",
            ])
        // The short register set in a trace: no segment or control registers.
        #expect(lines[panic + 20].hasPrefix("R13: "))
        #expect(lines[panic + 21] == " kernel_init_freeable+0x1f2/0x330")
        #expect(result.outcome == .panicked("kernel: panic_on_warn set ..."))
        #expect(result.taint == "")
        #expect(TestKernel.called(result) == ["leaky_init"])
        #expect(result.runs[0].flags.contains(.warnPanicked))
        // Before the consolidation (6.2, backported to 6.1.7) the message names no origin and
        // the trace has no check_panic_on_warn().
        let old = try Self.board("6.1.0", "initcall_debug panic_on_warn=1")
        #expect(old.outcome == .panicked("panic_on_warn set ..."))
        #expect(!TestKernel.lines(old).contains { $0.contains("check_panic_on_warn") })
        #expect(
            try Self.board("6.1.7", "initcall_debug panic_on_warn=1").outcome
                == .panicked("kernel: panic_on_warn set ..."))
    }

    // MARK: Sleeping in atomic context

    /// `msleep()` under `preempt_disable()` never passes a `might_sleep()`: `schedule()` finds the
    /// count held and `__schedule_bug()` reports it — the count it sees includes schedule's own
    /// `preempt_disable()` — then resets it, so returning without `preempt_enable()` is no
    /// imbalance.
    @Test func msleepUnderAPreemptCountIsSchedulingWhileAtomic() throws {
        let result = try Self.board("6.8.0")
        let lines = TestKernel.lines(result)
        let bug = try #require(lines.firstIndex(of: "BUG: scheduling while atomic: swapper/0/1/0x00000002"))
        #expect(result.records[bug].level == .KERN_ERR)
        #expect(lines[bug + 1] == "Modules linked in:")
        #expect(lines[bug + 2].hasPrefix("CPU: 0 PID: 1 Comm: swapper/0 Tainted: "))
        let trace = Array(lines[(bug + 4)...(bug + 12)])
        #expect(
            trace == [
                "Call Trace:", " <TASK>", " dump_stack_lvl+0x4a/0x80", " __schedule_bug+0x5b/0x80",
                " __schedule+0x8a4/0x1b50", " schedule+0x2e/0xe0", " schedule_timeout+0x9b/0x160",
                " msleep+0x2d/0x50", " sleepy_init+0x20/0x40",
            ])
        #expect(!lines.contains { $0.contains("cut here") && $0.contains("sleepy") })
        #expect(!lines.contains("initcall sleepy_init+0x0/0x40 returned with preemption imbalance "))
        let sleepy = try #require(result.runs.first { result.entry(of: $0).function == "sleepy_init" })
        #expect(sleepy.flags == [.scheduledWhileAtomic])
        // might_sleep() keeps its own report.
        #expect(lines.contains("BUG: sleeping function called from invalid context at drivers/misc/atomic.c:120"))
    }

    @Test func mightSleepReportsFollowTheRelease() throws {
        func report(_ version: String) throws -> [String] {
            let lines = TestKernel.lines(try Self.board(version))
            guard let bug = lines.firstIndex(where: { $0.hasPrefix("BUG: sleeping function") }) else { return [] }
            return Array(lines[bug..<(bug + 4)])
        }
        #expect(
            try report("6.8.0") == [
                "BUG: sleeping function called from invalid context at drivers/misc/atomic.c:120",
                "in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: swapper/0",
                "preempt_count: 1, expected: 0", "RCU nest depth: 0, expected: 0",
            ])
        // Before 5.16: no counts; before 5.4: no non_block; before 4.13 initcalls ran in
        // SYSTEM_BOOTING and might_sleep() said nothing.
        #expect(try report("5.15.0")[1] == "in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: swapper/0")
        #expect(try report("5.15.0")[2].hasPrefix("CPU: 0 PID: 1"))
        #expect(try report("5.3.0")[1] == "in_atomic(): 1, irqs_disabled(): 0, pid: 1, name: swapper/0")
        #expect(try report("4.12.0").isEmpty)
    }

    @Test func preemptEnableAfterTheResetIsAnImbalance() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("a_init") { k in
                        k.preempt_disable()
                        k.msleep(1)
                        k.preempt_enable()
                        return 0
                    })
            }
        }
        #expect(result.runs[0].flags == [.preemptionImbalance, .scheduledWhileAtomic])
    }

    @Test func sleepingWithOnlyInterruptsOffIsSilentAndTurnsThemBackOn() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("a_init") { k in
                        k.local_irq_disable()
                        k.usleep_range(100, 200)
                        return 0
                    })
            }
        }
        #expect(result.runs[0].flags.isEmpty)
        #expect(!TestKernel.lines(result).contains { $0.hasPrefix("BUG:") || $0.contains("returned with") })
    }

    @Test func panicOnWarnPanicsInScheduleBugBeforeTheStackDump() throws {
        let result = try Self.board("6.8.0", "initcall_debug panic_on_warn=1")
        // The WARN of leaky_init panics first; a board without WARNs shows the schedule bug.
        #expect(result.outcome == .panicked("kernel: panic_on_warn set ..."))
        let sleepy = try TestKernel.boot("initcall_debug panic_on_warn=1") { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("sleepy_init") { k in
                        k.preempt_disable()
                        k.msleep(2)
                        k.pr_info("sleepy: awake")
                        return 0
                    })
                tu.device_initcall(TestKernel.fn("never_init"))
            }
        }
        let lines = TestKernel.lines(sleepy)
        let bug = try #require(lines.firstIndex(of: "BUG: scheduling while atomic: swapper/0/1/0x00000002"))
        #expect(lines[bug + 1] == "Modules linked in:")
        #expect(lines[bug + 2] == "Kernel panic - not syncing: scheduling while atomic: panic_on_warn set ...")
        #expect(lines.contains(" check_panic_on_warn+0x44/0x60"))
        #expect(!lines.contains("sleepy: awake"))
        #expect(lines.last?.hasPrefix("---[ end Kernel panic") == true)
        #expect(sleepy.outcome == .panicked("scheduling while atomic: panic_on_warn set ..."))
        #expect(TestKernel.called(sleepy) == ["sleepy_init"])
        #expect(sleepy.runs[0].flags.contains(.warnPanicked))
    }

    // MARK: linux_banner

    @Test func theBannerIsTheBuildsAndNamesTheLinkerFrom58() throws {
        var build = KernelBuild()
        build.compiler = "gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0"
        build.linker = "GNU ld (GNU Binutils for Debian) 2.40"
        build.version = "#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2025-05-20)"
        build.user = "debian-kernel@lists.debian.org"
        build.host = nil
        #expect(
            build.banner(release: KernelVersion("6.1.0-56-cloud-amd64"))
                == "Linux version 6.1.0-56-cloud-amd64 (debian-kernel@lists.debian.org) (gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2025-05-20)"
        )
        build.compiler = "gcc version 4.7.2 (Debian 4.7.2-5) "
        build.user = "host"
        build.host = "debian"
        build.version = "#1 SMP Fri Jun 20 10:02:51 CST 2014"
        #expect(
            build.banner(release: KernelVersion("3.2.57"))
                == "Linux version 3.2.57 (host@debian) (gcc version 4.7.2 (Debian 4.7.2-5) ) #1 SMP Fri Jun 20 10:02:51 CST 2014"
        )
    }
}
