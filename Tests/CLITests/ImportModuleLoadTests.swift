import Foundation
import InitcallSim
import InitcallSimCLI
import TestSupport
import Testing

/// Module inits in an imported log: after the last built-in call they are user space's loads
/// (a module block and a `load` at the log's time and pid), replayed side by side.
@Suite struct ImportModuleLoadTests {
    static let description = """
        kernel "6.1.0-13-amd64"
        cmdline "initcall_debug"
        initramfs /init
        object drivers/base/firmware_loader/main.o
          device_initcall firmware_class_init size=0x40 time=3us
        module crc32c_intel
          MODULE_LICENSE "GPL"
          MODULE_INFO intree "Y"
          module_init crc32c_intel_mod_init size=0x1000 time=12us printk=KERN_INFO:"crc32c: hello"
        module serio_raw
          MODULE_LICENSE "GPL"
          MODULE_INFO intree "Y"
          module_init serio_raw_init size=0x2000 time=3ms returns=-19
        module psmouse
          MODULE_LICENSE "GPL"
          MODULE_INFO intree "Y"
          module_init psmouse_init size=0x100 time=40us
        load serio_raw at=2.5s pid=181
        load crc32c_intel at=2.5001s pid=180
        load psmouse at=3s pid=1

        """

    static func log() throws -> String {
        let image = try Linker.link(try BootFile.parse(Self.description, file: "loads.boot"))
        return DmesgRenderer.render(image.bootLoadingModules())
    }

    @Test func ourOwnLoadsComeBackByteForByte() throws {
        let log = try Self.log()
        let text = DmesgImport.read(log).bootFile(source: "loads.dmesg")
        #expect(text.contains("load serio_raw at=2.500000s pid=181\n"))
        #expect(text.contains("load crc32c_intel at=2.500100s pid=180\n"))
        #expect(text.contains("load psmouse at=3.000000s pid=1\n"))
        #expect(text.contains("  module_init serio_raw_init time=3000000ns returns=-19 size=0x2000\n"))
        #expect(text.contains("# note: 1 module load started before the previous one returned"))
        let replay = DmesgRenderer.render(
            try Linker.link(try BootFile.parse(text, file: "imported.boot")).bootLoadingModules())
        let lines = ImportCommandTests.initcallLines
        #expect(lines(replay) == lines(log))
        #expect(lines(log).count == 8)
    }

    @Test func modulesThatCannotBeLoadsStayComments() {
        let log = """
            [    0.100000] smp: Brought up 1 node, 2 CPUs
            [    0.200000] calling  early_mod_init+0x0/0x20 [early_mod] @ 90
            [    0.200010] initcall early_mod_init+0x0/0x20 [early_mod] returned 0 after 9 usecs
            [    0.300000] calling  foo_init+0x0/0x20 @ 1
            [    0.300010] initcall foo_init+0x0/0x20 returned 0 after 9 usecs
            [    0.400000] Run /init as init process
            [    1.000000] calling  mod_init+0x0/0x20 [mod] @ 300
            [    1.000010] initcall mod_init+0x0/0x20 [mod] returned 0 after 8 usecs
            [    2.000000] calling  mod_init+0x0/0x20 [mod] @ 301
            [    2.000010] initcall mod_init+0x0/0x20 [mod] returned 0 after 8 usecs
            [    2.100000] calling  mod-x_init+0x0/0x20 [mod] @ 302
            [    2.200000] calling  12_async_port_probe+0x0/0x50 @ 7
            [    2.300000] calling  unknown_init+0x0/0x20 [unknown] @ 303
            """
        let text = DmesgImport.read(log).bootFile(source: "test.dmesg")
        // Before the last built-in call: a request_module() helper beside the initcalls.
        #expect(text.contains("# [    0.200000] (not built in) calling  early_mod_init [early_mod] @ 90\n"))
        #expect(text.contains("load mod at=1.000000s pid=300\n"))
        // The replay never unloads: a second init of the module is a comment.
        #expect(text.contains("# [    2.000000] (not built in) calling  mod_init [mod] @ 301\n"))
        #expect(text.contains("# [    2.200000] calling  12_async_port_probe+0x0/0x50 @ 7\n"))
        // A module whose object the built-in calls' `unknown.o` already is.
        #expect(text.contains("# [    2.300000] (not built in) calling  unknown_init [unknown] @ 303\n"))
        #expect(text.components(separatedBy: "\nload ").count == 2)
        #expect((try? BootFile.parse(text, file: "imported.boot")) != nil)
        #expect(text.contains("# 1 module init after the initcalls"))
    }

    /// `boot` prints the loads; `shell` runs them before its script, so the modules are live.
    @Test func bootAndShellRunTheLoads() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("initcall-sim-loads-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let boot = directory.appendingPathComponent("loads.boot")
        try Self.description.write(to: boot, atomically: true, encoding: .utf8)
        let script = directory.appendingPathComponent("lsmod.sh")
        try "lsmod\ncat /sys/module/psmouse/initstate\n".write(to: script, atomically: true, encoding: .utf8)
        let booted = CLIFixtures.run(["boot", boot.path])
        #expect(booted.exitCode == 0)
        #expect(booted.stdout.contains("] calling  psmouse_init+0x0/0x100 [psmouse] @ 1\n"))
        let shell = CLIFixtures.run(["shell", boot.path, "--script", script.path])
        #expect(shell.exitCode == 0, "\(shell.stderr)")
        #expect(shell.stdout.contains("psmouse "))
        #expect(shell.stdout.contains("crc32c_intel "))
        #expect(!shell.stdout.contains("serio_raw "))
        #expect(shell.stdout.contains("live"))
    }
}
