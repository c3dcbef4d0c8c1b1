import Foundation
import InitcallSimCLI
import TestSupport
import Testing

@Suite("lds and check commands", .serialized)
struct LdsAndCheckTests {
    static let include = ["-I", "LinkerScripts/include"]

    @Test func ldsText() throws {
        let out = CLIFixtures.runFromRoot(["lds", "LinkerScripts/vmlinux-6.x-x86_64.lds.S"] + Self.include)
        #expect(out.exitCode == 0)
        #expect(out.stderr == "")
        try CLIFixtures.checkGolden(out.stdout, "lds-6.x.txt")
    }

    @Test func ldsJSON() throws {
        let out = CLIFixtures.runFromRoot(["lds", "LinkerScripts/vmlinux-6.x-x86_64.lds", "--format", "json"])
        #expect(out.exitCode == 0)
        try CLIFixtures.checkGolden(out.stdout, "lds-6.x.json")
    }

    @Test func ldsWithLevelsAndDefines() throws {
        let out = CLIFixtures.runFromRoot([
            "lds", "LinkerScripts/vmlinux-custom-9-levels.lds.S", "-DCONFIG_X", "-I", "LinkerScripts/include",
            "--levels", "Examples/custom-level/init.h", "--levels", "Examples/custom-level/main.c",
        ])
        #expect(out.exitCode == 0)
        try CLIFixtures.checkGolden(out.stdout, "lds-custom-9-levels.txt")
    }

    @Test func ldsErrorHasCaretAndExitsTwo() throws {
        let out = CLIFixtures.runFromRoot(["lds", "LinkerScripts/vmlinux-6.x-x86_64.lds.S"])
        #expect(out.exitCode == 2)
        #expect(out.stdout == "")
        #expect(
            out.stderr == """
                LinkerScripts/vmlinux-6.x-x86_64.lds.S:29:2: error: 'asm-generic/vmlinux.lds.h' file not found
                  #include <asm-generic/vmlinux.lds.h>
                   ^
                note: no include directory given: add one with -I

                """)
    }

    @Test func ldsUsageErrors() {
        #expect(CLIFixtures.runFromRoot(["lds"]).exitCode == 2)
        #expect(CLIFixtures.runFromRoot(["lds", "a", "b"]).exitCode == 2)
        #expect(CLIFixtures.runFromRoot(["lds", "LinkerScripts/tinyk.lds", "--format", "xml"]).exitCode == 2)
        #expect(
            CLIFixtures.runFromRoot(["lds", "no-such.lds"]).stderr.hasPrefix(
                "initcall-sim lds: error: cannot read linker script 'no-such.lds'"))
        #expect(CLIFixtures.runFromRoot(["lds", "--help"]).stdout.contains("USAGE: initcall-sim lds <file> [options]"))
        #expect(CLIFixtures.runFromRoot(["--help"]).stdout.contains("  lds "))
    }

    @Test func ldsBadLevelsFile() {
        let out = CLIFixtures.runFromRoot(["lds", "LinkerScripts/tinyk.lds", "--levels", "LinkerScripts/tinyk.lds"])
        // A linker script is no levels file: it defines no level, which is an error at that
        // file, never a silent fallback to Linux's table.
        #expect(out.exitCode == 2)
        #expect(
            out.stderr.hasPrefix(
                "LinkerScripts/tinyk.lds:1:1: error: 'LinkerScripts/tinyk.lds' defines no initcall level"))
        let missing = CLIFixtures.runFromRoot(["lds", "LinkerScripts/tinyk.lds", "--levels", "nope.h"])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.hasPrefix("nope.h:1:1: error: cannot read 'nope.h'"))
    }

    @Test func checkForgottenTable() throws {
        let out = CLIFixtures.runFromRoot(["check", "Examples/custom-level/forgotten-table.boot"])
        #expect(out.exitCode == 1)
        try CLIFixtures.checkGolden(out.stdout, "check-forgotten-table.txt")
        let json = CLIFixtures.runFromRoot(["check", "Examples/custom-level/forgotten-table.boot", "--format", "json"])
        #expect(json.exitCode == 1)
        try CLIFixtures.checkGolden(json.stdout, "check-forgotten-table.json")
    }

    /// A board that does not link still gets every layout finding, exit status 1 — not one
    /// ld error with exit status 2.
    @Test func checkBoardThatDoesNotLink() throws {
        let out = CLIFixtures.runFromRoot([
            "check", "Examples/custom-level/after.boot", "--linker-script", "LinkerScripts/vmlinux-6.x-x86_64.lds",
        ])
        #expect(out.exitCode == 1)
        #expect(
            out.stdout.contains("error: [level-never-runs] no pattern of the linker script collects .initcall8.init"))
        #expect(
            out.stdout.contains(
                "Examples/custom-level/main.c:16:2: error: [undefined-boundary] initcall_levels[8] names __initcall8_start"
            ))
        #expect(out.stdout.hasSuffix("2 findings (2 errors, 0 warnings)\n"))
        // A macro the table lacks is still bad input.
        let boot = CLIFixtures.runFromRoot([
            "boot", "Examples/custom-level/after.boot", "--linker-script", "LinkerScripts/vmlinux-6.x-x86_64.lds",
        ])
        #expect(boot.exitCode == 2)
    }

    @Test func checkLinkerScriptWithLevels() throws {
        let out = CLIFixtures.runFromRoot([
            "check", "--linker-script", "LinkerScripts/vmlinux-6.x-x86_64.lds", "--levels",
            "Examples/custom-level/init.h",
            "--levels", "Examples/custom-level/main.c",
        ])
        #expect(out.exitCode == 1)
        try CLIFixtures.checkGolden(out.stdout, "check-9-levels-on-8-level-script.txt")
    }

    @Test func checkCleanAndBadInput() {
        #expect(CLIFixtures.runFromRoot(["check", "Examples/custom-level/after.boot"]).stdout == "no findings\n")
        #expect(
            CLIFixtures.runFromRoot([
                "check", "--linker-script", "LinkerScripts/vmlinux-6.x-x86_64.lds.S", "-I", "LinkerScripts/include",
            ]).exitCode == 0)
        let bad = CLIFixtures.runFromRoot([
            "check", "--linker-script", "LinkerScripts/vmlinux-6.x-x86_64.lds.S", "-DINIT_DATA_SECTION(x)=oops {",
        ])
        #expect(bad.exitCode == 2)
        #expect(CLIFixtures.runFromRoot(["check"]).exitCode == 2)
    }

    @Test func everyExampleBootFileBoots() throws {
        let examples = CLIFixtures.packageRoot.appendingPathComponent("Examples")
        let files = (FileManager.default.enumerator(atPath: examples.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".boot") }.sorted()
        #expect(files.count >= 7)
        for file in files {
            let out = CLIFixtures.runFromRoot(["boot", "Examples/" + file])
            // panic.boot and debian-6.1-no-root.boot panic on purpose (their comments say so).
            let panics = ["panic.boot", "debian-6.1-no-root.boot"].contains(file)
            #expect(out.exitCode == (panics ? 1 : 0), "\(file): \(out.stderr)")
        }
    }

    /// (function, level name) of every initcall the boot ran, from `boot --format json`.
    static func ran(_ boot: String) throws -> [String] {
        let out = CLIFixtures.runFromRoot(["boot", boot, "--format", "json"])
        #expect(out.exitCode == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let calls = try #require(document["initcalls"] as? [[String: Any]])
        return calls.map { "\($0["function"] ?? "?") \($0["level"] ?? "?")" }
    }

    @Test func customLevelBeforeAfterAndForgottenTable() throws {
        #expect(
            try Self.ran("Examples/custom-level/before.boot") == [
                "wm8960_i2c_driver_init device", "wm8960_mclk_init device", "printk_late_init late",
            ])
        #expect(
            try Self.ran("Examples/custom-level/after.boot") == [
                "wm8960_mclk_init prev_device", "wm8960_i2c_driver_init device", "printk_late_init late",
            ])
        // initcall_levels[] not edited: level 8 runs inside level 7's slice, under its name.
        #expect(
            try Self.ran("Examples/custom-level/forgotten-table.boot") == [
                "wm8960_mclk_init device", "wm8960_i2c_driver_init late", "printk_late_init late",
            ])
        try CLIFixtures.checkGolden(
            CLIFixtures.runFromRoot(["boot", "Examples/custom-level/before.boot"]).stdout,
            "boot-custom-level-before.txt")
        try CLIFixtures.checkGolden(
            CLIFixtures.runFromRoot(["boot", "Examples/custom-level/after.boot"]).stdout, "boot-custom-level-after.txt")
        try CLIFixtures.checkGolden(
            CLIFixtures.runFromRoot(["boot", "Examples/custom-level/forgotten-table.boot"]).stdout,
            "boot-custom-level-forgotten-table.txt")
    }
}
