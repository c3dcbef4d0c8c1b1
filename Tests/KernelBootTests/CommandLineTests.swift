import KernelBoot
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

@testable import KernelBoot

/// `next_arg()`, `parse_args()` and the `start_kernel()` passes (reference §7).
@Suite("kernel command line")
struct CommandLineTests {
    @Test(arguments: [
        ("foo", [NextArg.Token(param: "foo", value: nil)]),
        ("foo=bar baz", [.init(param: "foo", value: "bar"), .init(param: "baz", value: nil)]),
        ("=a=b", [.init(param: "=a", value: "b")]),
        ("name=\"a b\" x", [.init(param: "name", value: "a b"), .init(param: "x", value: nil)]),
        ("\"name=a b\"", [.init(param: "name", value: "a b")]),
        ("a=\"unbalanced rest", [.init(param: "a", value: "unbalanced rest")]),
        ("  lead   trail  ", [.init(param: "lead", value: nil), .init(param: "trail", value: nil)]),
        ("x= y", [.init(param: "x", value: ""), .init(param: "y", value: nil)]),
    ])
    func nextArgSplitsAsTheKernelDoes(_ line: String, _ expected: [NextArg.Token]) {
        #expect(NextArg.tokens(line) == expected)
    }

    @Test func parameqFoldsDashesOnBothSides() {
        #expect(ParseArgs.parameq("initcall-debug", "initcall_debug"))
        #expect(ParseArgs.parameq("printk_time", "printk.time") == false)
        #expect(ParseArgs.parameq("a-b", "a-b"))
    }

    @Test func kstrtoboolLooksAtTheFirstCharacter() {
        #expect(KstrToBool.parse("yellow") == true)
        #expect(KstrToBool.parse("0x5") == false)
        #expect(KstrToBool.parse("on") == true)
        #expect(KstrToBool.parse("off") == false)
        #expect(KstrToBool.parse("o") == nil)
        #expect(KstrToBool.parse("") == nil)
        #expect(KstrToBool.parse("maybe") == nil)
    }

    @Test func unknownParametersGoToInitInArgvThenEnvpOrder() throws {
        let result = try TestKernel.boot("z=1 single foo.bar=1 BOOT_IMAGE=/vmlinuz x=a.b y=2 z=3") { _ in }
        #expect(result.options.argvInit == ["init", "single"])
        #expect(result.options.envpInit == ["HOME=/", "TERM=linux", "z=3", "x=a.b", "y=2"])
        #expect(
            TestKernel.lines(result).contains(
                "Unknown kernel command line parameters \"single z=3 x=a.b y=2\", will be passed to user space."))
    }

    /// `print_unknown_bootoptions()` came in 5.14 and changed its text in 5.16 (and 5.15.3);
    /// before 5.14 the same parameters go to init without a word.
    @Test(arguments: [
        ("2.6.25", nil), ("5.13", nil), ("5.14", "Unknown command line parameters: single x=a.b"),
        ("5.15.2", "Unknown command line parameters: single x=a.b"),
        ("5.15.3", "Unknown kernel command line parameters \"single x=a.b\", will be passed to user space."),
        ("6.1", "Unknown kernel command line parameters \"single x=a.b\", will be passed to user space."),
    ])
    func unknownParametersAreNamedFrom514(release: String, notice: String?) throws {
        let result = try TestKernel.boot("single x=a.b", version: release) { _ in }
        #expect(result.options.argvInit == ["init", "single"])
        #expect(result.options.envpInit == ["HOME=/", "TERM=linux", "x=a.b"])
        #expect(TestKernel.lines(result).filter { $0.hasPrefix("Unknown ") } == (notice.map { [$0] } ?? []))
    }

    @Test func knownParametersAreConsumed() throws {
        let result = try TestKernel.boot("console=ttyS0 root=/dev/vda1 ro rootwait loglevel=8 quiet initcall_debug") {
            _ in
        }
        #expect(result.options.argvInit == ["init"])
        #expect(result.options.envpInit == ["HOME=/", "TERM=linux"])
        #expect(!TestKernel.lines(result).contains { $0.hasPrefix("Unknown kernel command line") })
    }

    @Test func prefixMatchingOfSetupHandlersIsFaithful() throws {
        // __setup("ro") matches "rocket" by prefix but refuses a suffix, so it goes to init;
        // __setup("reset_devices") takes any suffix.
        let result = try TestKernel.boot("rocket reset_devicesXYZ") { _ in }
        #expect(result.options.argvInit == ["init", "rocket"])
    }

    @Test func doubleDashEndsKernelParsing() throws {
        let result = try TestKernel.boot("initcall_debug -- initcall_blacklist=x single") { k in
            k.object("a.o") { tu in tu.device_initcall(TestKernel.fn("x")) }
        }
        #expect(result.options.initcallBlacklist.isEmpty)
        #expect(result.options.argvInit == ["init", "initcall_blacklist=x", "single"])
        #expect(TestKernel.called(result) == ["x"])
        #expect(TestKernel.lines(result).contains("    initcall_blacklist=x"))
    }

    /// `initcall_blacklist=` arrived in 3.16 (commit 7b0b73d76651): before it the option is
    /// unknown, so it is passed to init's environment and the named initcall runs.
    @Test func initcallBlacklistIsUnknownBefore3Point16() throws {
        let old = try TestKernel.boot("initcall_debug initcall_blacklist=x", version: "3.15.0") { k in
            k.object("a.o") { tu in tu.device_initcall(TestKernel.fn("x")) }
        }
        #expect(old.options.initcallBlacklist.isEmpty)
        #expect(old.options.envpInit.contains("initcall_blacklist=x"))
        #expect(TestKernel.called(old) == ["x"])
        #expect(!TestKernel.lines(old).contains("blacklisting initcall x"))
        let new = try TestKernel.boot("initcall_debug initcall_blacklist=x", version: "3.16.0") { k in
            k.object("a.o") { tu in tu.device_initcall(TestKernel.fn("x")) }
        }
        #expect(new.options.initcallBlacklist == ["x"])
        #expect(TestKernel.called(new).isEmpty)
    }

    /// `rootwait=N` arrived in 6.6 (commit 45071e1c2897): before it `rootwait=5` is no option of
    /// the kernel's (`rootwait_setup()` refuses a value) and goes to init's environment.
    @Test func rootwaitTimeoutIsUnknownBefore6Point6() throws {
        let old = try TestKernel.boot("rootwait=5", version: "6.5.0") { _ in }
        #expect(old.options.envpInit.contains("rootwait=5"))
        let new = try TestKernel.boot("rootwait=5", version: "6.6.0") { _ in }
        #expect(new.options.rootWait == 5000)
        #expect(!new.options.envpInit.contains("rootwait=5"))
    }

    @Test func aBadParameterBeforeDoubleDashDropsInitArguments() throws {
        let result = try TestKernel.boot("initcall_debug=maybe -- single") { _ in }
        #expect(TestKernel.lines(result).contains("Booting kernel: `maybe' invalid for parameter `initcall_debug'"))
        #expect(result.records.first { $0.text.hasPrefix("Booting kernel:") }?.level == .KERN_ERR)
        #expect(result.options.argvInit == ["init"])
    }

    @Test func initcallDebugAcceptsKstrtoboolValuesAndDashes() throws {
        #expect(try TestKernel.boot("initcall-debug=on") { _ in }.options.initcallDebug)
        #expect(try TestKernel.boot("initcall_debug=0") { _ in }.options.initcallDebug == false)
    }

    @Test func ignoreLoglevelAnnouncesItselfBeforeTheKernelCommandLineOnX86() throws {
        let result = try TestKernel.boot("ignore_loglevel") { _ in }
        let lines = TestKernel.lines(result)
        let message = try #require(lines.firstIndex(of: "debug: ignoring loglevel setting."))
        let commandLine = try #require(lines.firstIndex(of: "Kernel command line: ignore_loglevel root=/dev/vda1"))
        #expect(message < commandLine)
        let arm = try TestKernel.boot("ignore_loglevel", arch: .arm64) { _ in }
        let armLines = TestKernel.lines(arm)
        #expect(
            try #require(armLines.firstIndex(of: "debug: ignoring loglevel setting."))
                > (armLines.firstIndex(of: "Kernel command line: ignore_loglevel root=/dev/vda1") ?? 0))
    }

    @Test func malformedEarlyOptionIsReported() throws {
        let result = try TestKernel.boot("loglevel=high") { _ in }
        #expect(TestKernel.lines(result).contains("Malformed early option 'loglevel'"))
        #expect(result.options.consoleLoglevel == 7)
    }

    @Test func consoleShowsOnlyRecordsBelowTheLoglevel() throws {
        let build: (inout KernelDescription) -> Void = { k in
            k.object("a.o") { tu in tu.device_initcall(TestKernel.fn("a_init")) }
        }
        let quiet = DmesgRenderer.render(try TestKernel.boot("initcall_debug quiet", build), style: .console)
        #expect(!quiet.contains("calling"))
        #expect(!quiet.contains("Run /sbin/init"))
        let verbose = DmesgRenderer.render(try TestKernel.boot("initcall_debug loglevel=8", build), style: .console)
        #expect(verbose.contains("calling  a_init+0x0/0x40 @ 1"))
        let ignoring = DmesgRenderer.render(
            try TestKernel.boot("initcall_debug quiet ignore_loglevel", build), style: .console)
        #expect(ignoring.contains("calling  a_init"))
        let untimed = DmesgRenderer.render(try TestKernel.boot("printk.time=0", build), style: .console)
        #expect(untimed.hasPrefix("Linux version"))
    }

    @Test func initEqualsRunsThatProgramOrPanics() throws {
        let shell = try TestKernel.boot("single init=/bin/sh") { _ in }
        #expect(shell.outcome == .reachedInit("/bin/sh"))
        // Arguments before init= are dropped (init_setup()).
        #expect(shell.options.argvInit == ["init"])
        let missing = try TestKernel.boot("init=/sbin/nothere") { _ in }
        #expect(missing.outcome == .panicked("Requested init /sbin/nothere failed (error -2)."))
        #expect(TestKernel.lines(missing).contains("Run /sbin/nothere as init process"))
    }

    @Test func noInitAnywherePanicsWithTheKernelsMessage() throws {
        var kernel = KernelDescription()
        kernel.commandLine = "root=/dev/vda1"
        kernel.disks = [Disk.virtioRoot(holds: [])]
        let result = try Linker.link(kernel).boot()
        #expect(
            result.outcome
                == .panicked(
                    "No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance."
                ))
        #expect(TestKernel.lines(result).filter { $0.hasPrefix("Run ") }.count == 4)
    }

    @Test func initramfsRunsSlashInit() throws {
        var kernel = KernelDescription()
        kernel.initramfs = ["/init"]
        #expect(try Linker.link(kernel).boot().outcome == .reachedInit("/init"))
    }

    @Test func tooManyInitArgumentsPanicsAfterConsoleInit() throws {
        let words = (0..<40).map { "w\($0)" }.joined(separator: " ")
        let result = try TestKernel.boot(words) { k in
            k.object("a.o") { tu in tu.console_initcall(TestKernel.fn("con_init")) }
        }
        #expect(result.outcome == .panicked("Too many boot init vars at `w32'"))
        #expect(TestKernel.called(result) == ["con_init"])
    }

    @Test func nosmpAndMaxcpusLimitTheCpusBroughtUp() throws {
        #expect(TestKernel.lines(try TestKernel.boot("nosmp") { _ in }).contains("smp: Brought up 1 node, 1 CPU"))
        #expect(TestKernel.lines(try TestKernel.boot("maxcpus=2") { _ in }).contains("smp: Brought up 1 node, 2 CPUs"))
        #expect(TestKernel.lines(try TestKernel.boot("") { _ in }).contains("smp: Brought up 1 node, 4 CPUs"))
    }
}
