import InitcallSimCLI
import TestSupport
import Testing

/// `initcall-sim shell`: the module examples' scripts and their transcripts.
@Suite struct ShellCommandTests {
    struct Case: Sendable, CustomStringConvertible {
        var boot: String
        var script: String
        var userland = "kmod"
        var golden: String
        var description: String { golden }
    }

    static let cases: [Case] = [
        Case(boot: "par.boot", script: "par.sh", golden: "shell-par.txt"),
        Case(boot: "par-builtin.boot", script: "par-builtin.sh", golden: "shell-par-builtin.txt"),
        Case(boot: "par-3.5.boot", script: "par-3.5.sh", userland: "busybox", golden: "shell-par-3.5-busybox.txt"),
        Case(boot: "dep-user.boot", script: "dep-user.sh", golden: "shell-dep-user.txt"),
        Case(boot: "gpl-only.boot", script: "gpl-only.sh", golden: "shell-gpl-only.txt"),
        Case(boot: "init-fails.boot", script: "init-fails.sh", golden: "shell-init-fails.txt"),
    ]

    @Test(arguments: cases)
    func transcriptMatchesGolden(_ test: Case) throws {
        let output = CLIFixtures.run([
            "shell", CLIFixtures.example("modules/\(test.boot)"), "--script",
            CLIFixtures.example("modules/\(test.script)"),
            "--userland", test.userland,
        ])
        #expect(output.exitCode == 0, "\(output.stderr)")
        try CLIFixtures.checkGolden(output.stdout, test.golden)
    }

    @Test func helpAndUsage() {
        #expect(CLI.run(["shell", "--help"]).stdout.contains("USAGE: initcall-sim shell <file.boot>"))
        let bad = CLI.run(["shell", CLIFixtures.example("modules/par.boot"), "--userland", "toybox"])
        #expect(bad.exitCode == 2)
        #expect(bad.stderr.contains("unknown userland 'toybox'"))
    }
}
