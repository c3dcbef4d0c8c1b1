import KernelBoot
import KernelLink
import KernelModel
import TestSupport
import Testing

/// What `initcall_debug` and the sanity check print in each era of init/main.c, against the
/// kernel's own format strings (see KernelVersion+Eras.swift for the releases and commits).
@Suite("initcall_debug by release")
struct EraFormatTests {
    struct Era: Sendable, CustomTestStringConvertible {
        var release: String
        var lines: [String]
        var level: LogLevel
        var testDescription: String { release }
    }

    /// `pci_init`, 0x2c bytes, the first function of `.init.text`, runs 1.5 ms and returns 0.
    static let address = "0xffffffff81800000"
    static let eras: [Era] = [
        Era(release: "2.6.16", lines: ["Calling initcall \(address): pci_init+0x0/0x2c()"], level: .KERN_DEBUG),
        Era(release: "2.6.20", lines: ["Calling initcall \(address): pci_init+0x0/0x2c()"], level: .KERN_DEBUG),
        Era(
            release: "2.6.24",
            lines: [
                "Calling initcall \(address): pci_init+0x0/0x2c()",
                "initcall \(address): pci_init+0x0/0x2c() returned 0.",
                // delta.tv64 >> 20: 1_500_000 ns is 1 "msec".
                "initcall \(address) ran for 1 msecs: pci_init+0x0/0x2c()",
            ], level: .KERN_DEFAULT),
        Era(
            release: "2.6.27",
            lines: ["calling  pci_init+0x0/0x2c", "initcall pci_init+0x0/0x2c returned 0 after 1 msecs"],
            level: .KERN_DEFAULT),
        Era(
            release: "2.6.28",
            // delta >> 10: 1_500_000 ns is 1464 "usecs".
            lines: ["calling  pci_init+0x0/0x2c @ 1", "initcall pci_init+0x0/0x2c returned 0 after 1464 usecs"],
            level: .KERN_DEFAULT),
        Era(
            release: "2.6.36",
            lines: ["calling  pci_init+0x0/0x2c @ 1", "initcall pci_init+0x0/0x2c returned 0 after 1464 usecs"],
            level: .KERN_DEBUG),
        Era(
            release: "5.17",
            lines: ["calling  pci_init+0x0/0x2c @ 1", "initcall pci_init+0x0/0x2c returned 0 after 1464 usecs"],
            level: .KERN_DEBUG),
        Era(
            release: "5.18",
            // ktime_us_delta(): true microseconds.
            lines: ["calling  pci_init+0x0/0x2c @ 1", "initcall pci_init+0x0/0x2c returned 0 after 1500 usecs"],
            level: .KERN_DEBUG),
    ]

    static func boot(_ release: String, _ cmdline: String = "initcall_debug", _ body: @escaping InitcallBody)
        throws -> BootResult
    {
        try TestKernel.boot(cmdline, version: release) { k in
            k.object("drivers/pci/pci.o") { tu in tu.device_initcall(TestKernel.fn("pci_init", size: 0x2c, body)) }
        }
    }

    @Test(arguments: eras)
    func callAndReturnLines(_ era: Era) throws {
        let result = try Self.boot(era.release) { k in
            k.udelay(1500)
            return 0
        }
        let records = result.records.filter { $0.text.contains("pci_init") }
        #expect(records.map(\.text) == era.lines)
        // What the import counts on (KernelVersion's record counts) is what the engine prints.
        let version = KernelVersion(era.release)
        #expect(records.count == version.initcallDebugStyle.recordsPerCall)
        let smp = result.records.filter {
            $0.text.contains("Brought up") || $0.text.contains("Booted up") || $0.text.contains("Bringing up")
        }
        #expect(smp.count == version.smpAnnouncement.records)
        #expect(records.allSatisfy { $0.level == era.level })
        #expect(TestKernel.called(result) == ["pci_init"])
    }

    /// `address=` (an imported 2.6.22–2.6.25 log's `%p`) is what the three lines print; a
    /// function without one keeps its place in the laid-out `.init.text`.
    @Test func declaredAddressesArePrinted() throws {
        let description = try BootFile.parse(
            """
            kernel "2.6.25"
            cmdline "initcall_debug"
            object net/core/net_namespace.o
              core_initcall net_ns_init size=0x15e address=0xffffffff81a50e82
            object kernel/sysctl.o
              core_initcall sysctl_init size=0x37
            """, file: "old.boot")
        let lines = try Linker.link(description).boot().records.map(\.text).filter { $0.contains("initcall 0x") }
        #expect(
            lines == [
                "Calling initcall 0xffffffff81a50e82: net_ns_init+0x0/0x15e()",
                "initcall 0xffffffff81a50e82: net_ns_init+0x0/0x15e() returned 0.",
                "initcall 0xffffffff81a50e82 ran for 0 msecs: net_ns_init+0x0/0x15e()",
                // Laid out after the first function's 0x15e bytes.
                "Calling initcall 0xffffffff8180015e: sysctl_init+0x0/0x37()",
                "initcall 0xffffffff8180015e: sysctl_init+0x0/0x37() returned 0.",
                "initcall 0xffffffff8180015e ran for 0 msecs: sysctl_init+0x0/0x37()",
            ])
    }

    struct Report: Sendable, CustomTestStringConvertible {
        var release: String
        var ret: Int32
        var preempt: Bool
        var line: String?
        var testDescription: String { "\(release) ret=\(ret) preempt=\(preempt)" }
    }

    static let reports: [Report] = [
        // Up to 2.6.16 the return value is ignored; only the last clause is printed.
        Report(
            release: "2.6.16", ret: -22, preempt: true,
            line: "error in initcall at \(address): returned with preemption imbalance"),
        Report(release: "2.6.16", ret: -22, preempt: false, line: nil),
        Report(
            release: "2.6.20", ret: -22, preempt: false,
            line: "initcall at \(address): pci_init+0x0/0x2c(): returned with error code -22"),
        Report(
            release: "2.6.24", ret: -22, preempt: true,
            line: "initcall at \(address): pci_init+0x0/0x2c(): returned with preemption imbalance"),
        Report(release: "2.6.24", ret: -19, preempt: false, line: nil),
        // 2.6.26 on: every clause, each ending in a space.
        Report(
            release: "2.6.27", ret: -22, preempt: true,
            line: "initcall pci_init+0x0/0x2c returned with error code -22 preemption imbalance "),
        Report(release: "3.8", ret: -19, preempt: false, line: nil),
        Report(
            release: "3.8", ret: -12, preempt: false, line: "initcall pci_init+0x0/0x2c returned with error code -12 "),
    ]

    @Test(arguments: reports)
    func sanityReportBefore39(_ report: Report) throws {
        let result = try Self.boot(report.release) { k in
            if report.preempt { k.preempt_disable() }
            return report.ret
        }
        let lines = TestKernel.lines(result).filter { $0.contains("returned with") }
        #expect(lines == (report.line.map { [$0] } ?? []))
        // A printk, not a WARN: no backtrace, no taint.
        #expect(!TestKernel.lines(result).contains { $0.hasPrefix("WARNING:") })
        #expect(result.runs[0].flags.contains(.preemptionImbalance) == report.preempt)
    }

    @Test func errorCodeNeedsInitcallDebug() throws {
        let result = try Self.boot("2.6.27", "") { _ in -22 }
        #expect(!TestKernel.lines(result).contains { $0.contains("returned with") })
    }

    @Test func consoleInitcallsAreTracedFrom417() throws {
        for (release, traced) in [("4.16", false), ("4.17", true)] {
            let result = try TestKernel.boot(version: release) { k in
                k.object("kernel/printk/con.o") { tu in tu.console_initcall(TestKernel.fn("con_init")) }
            }
            let lines = TestKernel.lines(result)
            #expect(lines.contains("calling  con_init+0x0/0x40 @ 0") == traced, "\(release)")
            #expect(TestKernel.called(result) == ["con_init"])
        }
    }
}

/// The single `do_initcalls()` loop of 2.6.x–3.3 and the early walk of 2.6.28–3.3.
@Suite("do_initcalls() by release")
struct DoInitcallsEraTests {
    static func objects(_ k: inout KernelDescription, early: Bool) {
        k.object("fs/a.o") { tu in tu.rootfs_initcall(TestKernel.fn("populate_rootfs")) }
        k.object("drivers/b.o") { tu in
            tu.late_initcall(TestKernel.fn("late_fn"))
            tu.device_initcall(TestKernel.fn("dev_fn"))
            tu.core_initcall(TestKernel.fn("core_fn"))
        }
        if early { k.object("kernel/c.o") { tu in tu.early_initcall(TestKernel.fn("early_fn")) } }
    }

    @Test func oneLoopInSectionOrder() throws {
        let result = try TestKernel.boot(version: "2.6.27") { Self.objects(&$0, early: false) }
        #expect(TestKernel.called(result) == ["core_fn", "populate_rootfs", "dev_fn", "late_fn"])
        let lines = TestKernel.lines(result)
        #expect(!lines.contains { $0.hasPrefix("entering initcall level") })
        #expect(result.image.levels.loop == .single)
    }

    @Test func earlyInitcallsDoNotExistIn2627() {
        #expect(throws: LinkError.self) {
            _ = try TestKernel.boot(version: "2.6.27") { Self.objects(&$0, early: true) }
        }
    }

    @Test func earlyWalkBeforeSmpFrom2628() throws {
        let result = try TestKernel.boot(version: "3.3") { Self.objects(&$0, early: true) }
        #expect(TestKernel.called(result) == ["early_fn", "core_fn", "populate_rootfs", "dev_fn", "late_fn"])
        let lines = TestKernel.lines(result)
        let early = try #require(lines.firstIndex(of: "calling  early_fn+0x0/0x40 @ 1"))
        let core = try #require(lines.firstIndex(of: "calling  core_fn+0x0/0x40 @ 1"))
        let smp = try #require(lines.firstIndex { $0.hasPrefix("Brought up") })
        #expect(early < smp && smp < core)
    }
}

/// A kernel that is not Linux: its level file says which walks exist.
@Suite("Non-Linux kernels")
struct NonLinuxKernelTests {
    @Test func tinykBootsWithoutConsoleOrEarlyTables() throws {
        let result = try Linker.link(try Fixtures.boot("Examples/tinyk/tinyk.boot")).boot()
        #expect(TestKernel.called(result) == ["clock_init", "i2c_init", "uart_init", "uart_probe", "shell_init"])
        #expect(result.image.levels.consoleSlice == nil && result.image.levels.earlySlice == nil)
        #expect(
            result.image.runOrder.map { result.image.name(of: $0.slice) } == [
                "board", "bus", "driver", "driver", "app",
            ])
        #expect(TestKernel.lines(result).contains("Run /init as init process"))
    }
}

/// What ld itself says while linking, by release.
@Suite("Linker messages")
struct LinkerMessageTests {
    @Test func orphanSectionsWarnFrom510() throws {
        for (release, warns) in [("5.9", false), ("5.10", true)] {
            var kernel = KernelDescription(release: KernelVersion(release))
            kernel.object("drivers/misc/x.o") { tu in
                tu.__define_initcall(TestKernel.fn("x_init"), "8")
                tu.__define_initcall(TestKernel.fn("y_init"), "8")
            }
            let image = try Linker.link(kernel)
            #expect(
                image.linkerMessages
                    == (warns
                        ? [
                            "ld: warning: orphan section `.initcall8.init' from `drivers/misc/x.o' being placed in section `.initcall8.init'"
                        ] : []),
                "\(release)")
        }
    }
}
