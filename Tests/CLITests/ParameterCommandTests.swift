import Foundation
import InitcallSimCLI
import TestSupport
import Testing

/// `boot --parameters`, the parameters of `boot --format json`, and `initcall-sim cmdline`.
@Suite("parameters and the cmdline command")
struct ParameterCommandTests {
    static let example = CLIFixtures.path("Examples/params.boot")

    @Test func bootListsParameters() throws {
        let output = CLIFixtures.run(["boot", Self.example, "--parameters"])
        #expect(output.exitCode == 0)
        #expect(output.stderr == "")
        try CLIFixtures.checkGolden(output.stdout, "boot-params-parameters.txt")
    }

    @Test func bootJSONCarriesParameters() throws {
        let output = CLIFixtures.run(["boot", Self.example, "--format", "json"])
        #expect(output.exitCode == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let parameters = try #require(object["parameters"] as? [[String: Any]])
        let age = try #require(parameters.first { $0["module"] as? String == "par" && $0["name"] as? String == "age" })
        #expect(age["type"] as? String == "int")
        #expect(age["perm"] as? String == "0644")
        #expect(age["value"] as? String == "78")
        #expect(age["sysfs"] as? String == "/sys/module/par/parameters/age")
        let core = try #require(parameters.first { $0["name"] as? String == "sensor_debug" })
        #expect(core["module"] as? String == "kernel")
    }

    @Test func cmdlineShowsEveryPassOfEveryToken() throws {
        let line =
            "mydbg=3 par.age=0x1f par.arr=1,2,x par.name=waytoolongforthebuffer clk.rate=48000000 clk-sim.rate=1 loglevel=8 console=ttyS0 BOOT_IMAGE=/vmlinuz foo.bar=1 single rw sensor_mode=slow -- extra a=b"
        let output = CLIFixtures.run(["cmdline", line, Self.example])
        #expect(output.exitCode == 1, "a parameter could not be set")
        try CLIFixtures.checkGolden(output.stdout, "cmdline-params.txt")
        let json = CLIFixtures.run(["cmdline", line, Self.example, "--format", "json"])
        #expect(json.exitCode == 1)
        try CLIFixtures.checkGolden(json.stdout, "cmdline-params.json")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["schema"] as? String == "initcall-sim/cmdline/1")
    }

    @Test func cmdlineWithoutADescriptionKnowsTheKernelsOwn() throws {
        let output = CLIFixtures.run(["cmdline", "initcall_debug panic=10 quiet init=/bin/sh x=y -- single"])
        #expect(output.exitCode == 0)
        try CLIFixtures.checkGolden(output.stdout, "cmdline-kernel.txt")
    }

    @Test func kernelReleaseSwitchesKstrtobool() {
        let current = CLIFixtures.run(["cmdline", "par.verbose=true", Self.example])
        #expect(current.exitCode == 0)
        #expect(current.stdout.contains("set par.verbose = Y"))
        let old = CLIFixtures.run(["cmdline", "par.verbose=true", Self.example, "--kernel", "5.18.0"])
        #expect(old.exitCode == 1)
        #expect(old.stdout.contains("Booting kernel: `true' invalid for parameter `par.verbose'"))
    }

    @Test(arguments: [
        (["cmdline"], "missing command line"),
        (["cmdline", "a", "b.boot", "c.boot"], "expected a command line and at most one .boot file, got 3 arguments"),
        (["cmdline", "a", "--format", "dmesg"], "unknown format 'dmesg'"),
    ])
    func cmdlineUsageErrorsExitTwo(_ arguments: [String], _ message: String) {
        let output = CLI.run(arguments)
        #expect(output.exitCode == 2)
        #expect(output.stderr.contains(message))
    }

    @Test func aPermissionTheCompilerRejectsIsALinkDiagnostic() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("initcall-sim-params-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("bad.boot")
        try "object drivers/misc/par.o\n  module_param age int 0666\n".write(
            to: file, atomically: true, encoding: .utf8)
        let output = CLI.run(["boot", file.path])
        #expect(output.exitCode == 2)
        #expect(
            output.stderr == """
                \(file.path):2:24: error: permission '0666' of parameter 'par.age' makes its sysfs file world-writable (VERIFY_OCTAL_PERMISSIONS(): OTHER_WRITABLE?  Generally considered a bad idea.)
                    module_param age int 0666
                                         ^
                note: sysfs files are never writable by others: use 0644 (root may write) or 0664

                """)
    }
}
