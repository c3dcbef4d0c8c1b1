import Foundation
import InitcallSimCLI
import TestSupport
import Testing

@Suite("initcall-sim CLI")
struct CLITests {
    @Test func bootPrintsDmesgAndExitsZero() throws {
        let output = CLIFixtures.run(["boot", CLIFixtures.path("Examples/same-level-pair.boot")])
        #expect(output.exitCode == 0)
        #expect(output.stderr == "")
        try CLIFixtures.checkGolden(output.stdout, "boot-same-level-pair.txt")
    }

    @Test func bootWithLinkOrderAndCmdlineOverride() throws {
        let output = CLIFixtures.run([
            "boot", CLIFixtures.path("Examples/same-level-pair.boot"), "--link-order",
            CLIFixtures.path("Examples/same-level-pair.reversed.order"), "--cmdline",
            "root=/dev/vda1 initcall_debug quiet",
            "--format",
            "console",
        ])
        #expect(output.exitCode == 0)
        // quiet: console_loglevel 4, so only KERN_ERR and worse reach the console.
        #expect(!output.stdout.contains("Kernel command line"))
        #expect(!output.stdout.contains("calling"))
        #expect(output.stdout.contains("enc28j60: no chip"))
    }

    @Test func panicExitsOne() {
        let output = CLIFixtures.run(["boot", CLIFixtures.path("Examples/panic.boot")])
        #expect(output.exitCode == 1)
        #expect(output.stdout.contains("Kernel panic - not syncing:"))
    }

    @Test func jsonFormatIsTheBootDocument() throws {
        let output = CLIFixtures.run(["boot", CLIFixtures.path("Examples/same-level-pair.boot"), "--format", "json"])
        #expect(output.exitCode == 0)
        try CLIFixtures.checkGolden(output.stdout, "boot-same-level-pair.json")
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "initcall-sim/boot/1")
    }

    @Test func rawFormatCarriesLevels() {
        let output = CLIFixtures.run(["boot", CLIFixtures.path("Examples/same-level-pair.boot"), "--format=raw"])
        #expect(output.stdout.hasPrefix("<5>[    0.000000] Linux version"))
        #expect(output.stdout.contains("<7>[    0.067002] calling  spi_init+0x0/0x140 @ 1"))
    }

    @Test func badInputExitsTwoWithTheCaretDisplay() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("initcall-sim-cli-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("bad.boot")
        try "object a.o\n  device_initcall a_init returns=-ENODEVV\n".write(to: file, atomically: true, encoding: .utf8)
        let output = CLI.run(["boot", file.path])
        #expect(output.exitCode == 2)
        #expect(output.stdout == "")
        #expect(
            output.stderr == """
                \(file.path):2:34: error: invalid return value '-ENODEVV'
                    device_initcall a_init returns=-ENODEVV
                                                   ^
                note: a number (-2147483648 to 2147483647) or a negated errno name such as -ENODEV
                note: did you mean '-ENODEV'?

                """)
    }

    @Test(arguments: [
        (["boot"], "missing .boot file"),
        (["boot", "a.boot", "b.boot"], "expected one .boot file, got 2"),
        (["boot", "x.boot", "--format", "xml"], "unknown format 'xml'"),
        (["boot", "x.boot", "--bogus"], "unknown option '--bogus'"),
        (["boot", "x.boot", "--cmdline"], "option '--cmdline' needs a value"),
        (["boot", "x.boot", "--cmdline", "a", "--cmdline", "b"], "option '--cmdline' given more than once"),
        (["boot", "x.boot", "--allow-partial=yes"], "option '--allow-partial' takes no value"),
        (["frobnicate"], "unknown command 'frobnicate'"),
    ])
    func usageErrorsExitTwo(_ arguments: [String], _ message: String) {
        let output = CLI.run(arguments)
        #expect(output.exitCode == 2)
        #expect(output.stderr.contains(message), "\(output.stderr)")
    }

    @Test func missingFilesAreReportedPlainly() {
        let output = CLI.run(["boot", "/nonexistent/x.boot"])
        #expect(output.exitCode == 2)
        #expect(output.stderr.hasPrefix("/nonexistent/x.boot:1:1: error: cannot read '/nonexistent/x.boot'"))
        let order = CLI.run(["boot", CLIFixtures.path("Examples/panic.boot"), "--link-order", "/nonexistent/order"])
        #expect(order.stderr.contains("cannot read link order '/nonexistent/order'"))
    }

    @Test func unknownObjectInLinkOrderIsBadInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("initcall-sim-order-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let order = directory.appendingPathComponent("x.order")
        try "drivers/spi/spi.o\ndrivers/net/enc28j60.o\ndrivers/misc/as352x_afe.o\ndrivers/misc/typo.o\n".write(
            to: order, atomically: true, encoding: .utf8)
        let output = CLI.run(["boot", CLIFixtures.path("Examples/same-level-pair.boot"), "--link-order", order.path])
        #expect(output.exitCode == 2)
        #expect(output.stderr.contains("\(order.path):4:1: link order names 'drivers/misc/typo.o'"))
        let partial = CLI.run([
            "boot", CLIFixtures.path("Examples/same-level-pair.boot"), "--link-order", order.path, "--allow-partial",
        ])
        #expect(partial.exitCode == 0)
    }

    @Test func everyCommandHasHelp() {
        let top = CLI.run(["--help"])
        #expect(top.exitCode == 0)
        #expect(top.stdout.contains("USAGE: initcall-sim <command>"))
        for command in ["boot", "levels", "check"] {
            let help = CLI.run([command, "--help"])
            #expect(help.exitCode == 0)
            #expect(help.stdout.contains("USAGE: initcall-sim \(command)"))
            #expect(CLI.run(["help", command]).stdout == help.stdout)
        }
        #expect(CLI.run([]).exitCode == 2)
        #expect(CLI.run(["--version"]).stdout.hasPrefix("initcall-sim "))
    }

    @Test func bootHelpListsTheBootStatements() {
        let help = CLI.run(["boot", "--help"]).stdout
        for statement in [
            "kernel", "arch", "cpus", "hardware", "cmdline", "linker-script", "levels", "initramfs", "disk",
            "partition", "filesystems", "build", "timeline", "config", "kaslr", "object",
        ] {
            #expect(help.contains("\n  \(statement) "), "boot --help does not list '\(statement)'")
        }
        #expect(help.contains("pr_debug=\"text\""))
    }

    @Test func aBootWithoutARootPanicsAsDebian61Did() throws {
        let output = CLIFixtures.run(["boot", CLIFixtures.path("Examples/debian-6.1-no-root.boot")])
        #expect(output.exitCode == 1)
        try CLIFixtures.checkGolden(output.stdout, "boot-debian-6.1-no-root.txt")
        #expect(output.stdout.hasSuffix("(relocation range: 0xffffffff80000000-0xffffffffbfffffff)\n"))
    }

    @Test func aBootThatWaitsForEverForItsRootExitsOneAndSaysSo() throws {
        let arguments = [
            "boot", CLIFixtures.path("Examples/same-level-pair.boot"), "--cmdline", "root=/dev/sdb1 rootwait",
        ]
        let text = CLIFixtures.run(arguments)
        #expect(text.exitCode == 1)
        #expect(text.stdout.hasSuffix("] Waiting for root device /dev/sdb1...\n"))
        let json = CLIFixtures.run(arguments + ["--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let outcome = object?["outcome"] as? [String: Any]
        #expect(outcome?["reached_init"] as? Bool == false)
        #expect(outcome?["hang"] as? String == "waits for ever for root device /dev/sdb1 (rootwait)")
    }

    @Test func levelsPrintsTheTable() throws {
        let plain = CLIFixtures.run(["levels"])
        #expect(plain.exitCode == 0)
        try CLIFixtures.checkGolden(plain.stdout, "levels.txt")
        let counted = CLIFixtures.run(["levels", CLIFixtures.path("Examples/board.boot")])
        try CLIFixtures.checkGolden(counted.stdout, "levels-board.txt")
        let json = CLIFixtures.run(["levels", "--format", "json"])
        try CLIFixtures.checkGolden(json.stdout, "levels.json")
        // A release picks its era's table: 2.6.27 has one loop, no early level, no pure sync.
        let old = CLIFixtures.run(["levels", "--kernel", "2.6.27"])
        #expect(old.exitCode == 0)
        try CLIFixtures.checkGolden(old.stdout, "levels-2.6.27.txt")
        let oldJSON = CLIFixtures.run(["levels", "--kernel", "2.6.27", "--format", "json"])
        try CLIFixtures.checkGolden(oldJSON.stdout, "levels-2.6.27.json")
    }

    @Test func theRealBinaryRunsAnExample() throws {
        let result = try CLIFixtures.execute("initcall-sim", ["boot", "Examples/same-level-pair.boot"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("calling  as352x_afe_init+0x0/0x30 @ 1"))
        let panic = try CLIFixtures.execute("initcall-sim", ["boot", "Examples/panic.boot"])
        #expect(panic.status == 1)
    }

    @Test func theSwiftBoardExampleRuns() throws {
        let result = try CLIFixtures.execute("swift-board", [])
        #expect(result.status == 0)
        #expect(result.stdout.contains("-> enc28j60_init returned 0"))
        #expect(result.stdout.contains("-> enc28j60_init returned -ENODEV"))
    }
}
