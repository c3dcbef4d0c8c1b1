import Foundation
import InitcallSimCLI
import TestSupport
import Testing

/// `boot --format perfetto|ftrace|svg` and `check --format dot` from the command line.
@Suite struct TimelineCommandTests {
    static func ex(_ name: String) -> String { CLIFixtures.example(name) }

    @Test(arguments: [
        ("boot-board.svg", ["boot", ex("board.boot"), "--format", "svg"], Int32(0)),
        ("boot-do-one-initcall.trace", ["boot", ex("do-one-initcall.boot"), "--format", "ftrace"], 0),
        ("boot-panic.perfetto.json", ["boot", ex("panic.boot"), "--format", "perfetto"], 1),
        ("check-board.dot", ["check", ex("board.boot"), "--format", "dot"], 1),
        ("check-tpm-ima.dot", ["check", ex("tpm-ima.boot"), "--format", "dot"], 1),
        ("check-pci-cma-keyring-fixed.dot", ["check", ex("pci-cma-keyring-fixed.boot"), "--format", "dot"], 0),
    ])
    func matchesGolden(_ golden: String, _ arguments: [String], _ exitCode: Int32) throws {
        let output = CLIFixtures.run(arguments)
        #expect(output.exitCode == exitCode)
        #expect(output.stderr == "")
        try CLIFixtures.checkGolden(output.stdout, golden)
    }

    @Test func ftraceOfAKernelWithoutTheEventsSaysSo() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("initcall-sim-ftrace-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("old.boot")
        try "kernel \"4.14.0\"\ncmdline \"initcall_debug\"\ninitramfs /init\nobject a.o\n  device_initcall a_init\n"
            .write(
                to: file, atomically: true, encoding: .utf8)
        let output = CLI.run(["boot", file.path, "--format", "ftrace"])
        #expect(output.exitCode == 0)
        #expect(output.stdout.contains("initcall_start: func=a_init+0x0/"))
        #expect(output.stderr.contains("Linux 4.14.0 has no initcall trace events (added in 4.17)"))
    }

    @Test func dotNeedsABootFile() {
        let output = CLIFixtures.run([
            "check", "--linker-script", CLIFixtures.path("LinkerScripts/vmlinux-6.x-x86_64.lds"), "--format", "dot",
        ])
        #expect(output.exitCode == 2)
        #expect(output.stderr.contains("--format dot draws the dependency graph of a .boot description"))
    }

    @Test func helpNamesTheNewFormats() {
        let boot = CLI.run(["boot", "--help"]).stdout
        for word in ["perfetto", "ftrace", "svg"] { #expect(boot.contains(word)) }
        #expect(CLI.run(["check", "--help"]).stdout.contains("dot (the declared dependency"))
    }
}
