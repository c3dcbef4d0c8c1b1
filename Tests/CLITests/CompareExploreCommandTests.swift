import Foundation
import InitcallSimCLI
import TestSupport
import Testing

/// Command-line behaviour of compare, explore and the dependency part of check: help, usage
/// errors, bad input with its place, notes, and exit statuses scripts can rely on.
@Suite struct CompareExploreCommandTests {
    static func ex(_ name: String) -> String { CLIFixtures.example(name) }

    /// A link-order file in a fresh temporary directory.
    static func orderFile(_ text: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "initcall-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent("test.order")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test(arguments: ["compare", "explore", "check"])
    func everyCommandHasHelp(command: String) {
        let output = CLI.run([command, "--help"])
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("USAGE: initcall-sim \(command)"))
        #expect(output.stdout.contains("EXIT STATUS"))
        #expect(CLI.run(["--help"]).stdout.contains("  \(command) "))
    }

    @Test(arguments: [
        (["compare", "x.boot"], "with one .boot file, give one or two --link-order files to compare"),
        (["compare"], "missing .boot file"),
        (
            ["compare", "a.boot", "--link-order", "a", "--link-order", "b", "--link-order", "c"],
            "expected at most two --link-order files, got 3"
        ),
        (["explore", "x.boot", "--runs", "0"], "--runs expects a number from 1 to 100000000, got '0'"),
        (["explore", "x.boot", "--runs", "9223372036854775807"], "--runs expects a number from 1 to 100000000"),
        (["explore", "x.boot", "--runs", "5", "--exhaustive"], "--runs and --exhaustive exclude each other"),
        (["explore", "x.boot", "--jobs", "zero"], "--jobs expects a number from 1 to 1024, got 'zero'"),
        (["explore", "x.boot", "--seed", "-1"], "--seed expects a number from 0 to 18446744073709551615, got '-1'"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) {
        let output = CLI.run(arguments)
        #expect(output.exitCode == 2)
        #expect(output.stdout == "")
        #expect(output.stderr.contains(message))
    }

    @Test func badLinkOrderNamesFileLineAndColumn() throws {
        let order = try Self.orderFile("drivers/spi/spi.o\n  drivers/net/enc28j6.o\ndrivers/misc/as352x_afe.o\n")
        for command in [
            ["compare", Self.ex("seed-pair-dependency.boot"), "--link-order", order],
            ["check", Self.ex("seed-pair-dependency.boot"), "--link-order", order],
            ["explore", Self.ex("seed-pair-dependency.boot"), "--link-order", order],
        ] {
            let output = CLI.run(command)
            #expect(output.exitCode == 2)
            #expect(
                output.stderr.contains(
                    "\(order):2:3: link order names 'drivers/net/enc28j6.o', which the description does not define; did you mean 'drivers/net/enc28j60.o'?"
                ))
        }
        let missing = try Self.orderFile("drivers/spi/spi.o\n")
        let output = CLI.run(["compare", Self.ex("seed-pair-dependency.boot"), "--link-order", missing])
        #expect(output.exitCode == 2)
        #expect(
            output.stderr.contains(
                "\(missing): link order leaves out objects 'drivers/misc/as352x_afe.o', 'drivers/net/enc28j60.o'"))
        let partial = CLI.run([
            "compare", Self.ex("seed-pair-dependency.boot"), "--link-order", missing, "--allow-partial",
        ])
        #expect(partial.exitCode == 0)
    }

    @Test func repeatedPathsAreNotesOnStderr() throws {
        let order = try Self.orderFile(
            "drivers/spi/spi.o\ndrivers/net/enc28j60.o\ndrivers/misc/as352x_afe.o\ndrivers/spi/spi.o\n")
        let output = CLI.run(["compare", Self.ex("seed-pair-dependency.boot"), "--link-order", order])
        #expect(output.exitCode == 1)
        let note =
            "\(order):4:1: note: 'drivers/spi/spi.o' is listed again (first at line 1); kbuild links it once, at its first position\n"
        #expect(output.stderr == note)
        let boot = CLI.run(["boot", Self.ex("seed-pair-dependency.boot"), "--link-order", order])
        #expect(boot.stderr == note)
        #expect(boot.exitCode == 0)
    }

    /// Comparing two link orders of one file, and the first against itself.
    @Test func compareWithTwoOrdersAndWithItself() {
        let same = CLI.run(["compare", Self.ex("seed-pair-dependency.boot"), Self.ex("seed-pair-dependency.boot")])
        #expect(same.exitCode == 0)
        #expect(same.stdout.hasSuffix("Result: identical: same order, same outcome.\n"))
        let reversed = Self.ex("seed-pair-dependency.reversed.order")
        let two = CLI.run([
            "compare", Self.ex("seed-pair-dependency.boot"), "--link-order", reversed, "--link-order", reversed,
            "--format", "json",
        ])
        #expect(two.exitCode == 0)
        #expect(two.stdout.contains("\"outcomes_equal\": true"))
    }

    @Test func exploreOutputIsTheSameForAnyJobs() {
        let arguments = ["explore", Self.ex("board.boot"), "--runs", "120", "--seed", "0x2a"]
        let one = CLI.run(arguments + ["--jobs", "1"])
        for jobs in ["2", "7"] {
            #expect(CLI.run(arguments + ["--jobs", jobs]) == one)
        }
        #expect(one.stdout.contains("random with seed 42"))
    }

    @Test func exploreRefusesHugeExhaustiveRunsAndUnknownLevels() {
        let huge = CLI.run(["explore", Self.ex("board.boot"), "--exhaustive"])
        #expect(huge.exitCode == 2)
        #expect(huge.stderr.contains("--exhaustive: more orders than fit in 64 bits"))
        #expect(huge.stderr.contains("exceeds the limit of 100000"))
        let level = CLI.run(["explore", Self.ex("board.boot"), "--level", "devce"])
        #expect(level.exitCode == 2)
        #expect(
            level.stderr.contains(
                "unknown level 'devce'; expected one of: console, early, pure, core, postcore, arch, subsys, fs, device, late"
            ))
        let device = CLI.run(["explore", Self.ex("board.boot"), "--level", "device", "--runs", "50"])
        #expect(device.exitCode == 0)
        #expect(device.stdout.contains("movable: 10 objects in 1 link-order-dependent group"))
    }
}

/// Every example this issue adds boots to init in description order (the failing orders are
/// reached only through their `.order` files).
@Suite struct LinkOrderExampleBootTests {
    @Test(arguments: [
        "seed-pair-dependency.boot", "pci-cma-keyring.boot", "pci-cma-keyring-fixed.boot", "tpm-ima.boot",
        "tpm-ima-fixed.boot",
    ])
    func bootsToInit(example: String) {
        let output = CLI.run(["boot", CLIFixtures.example(example)])
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("Run /sbin/init as init process"))
    }
}
