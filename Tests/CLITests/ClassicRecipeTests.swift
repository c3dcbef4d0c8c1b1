import InitcallSimCLI
import TestSupport
import Testing

/// The classic "add prev_device" recipe applied to a 2.6.27-era kernel exactly as it is copied
/// (Examples/classic-2.6-recipe): trailing spaces, `//` comments, backslash-space-newline.
@Suite struct ClassicRecipeTests {
    static func ex(_ name: String) -> String { CLIFixtures.example("classic-2.6-recipe/" + name) }

    @Test func beforeFailsOnLinkOrder() throws {
        let boot = CLIFixtures.run(["boot", Self.ex("before.boot")])
        #expect(boot.exitCode == 0 && boot.stderr == "")
        try CLIFixtures.checkGolden(boot.stdout, "boot-classic-2.6-before.txt")
        #expect(boot.stdout.contains("initcall wm8731_modinit+0x0/0x1d0 returned -19 after 0 msecs\n"))
        let check = CLIFixtures.run(["check", Self.ex("before.boot")])
        #expect(check.exitCode == 1)
        try CLIFixtures.checkGolden(check.stdout, "check-classic-2.6-before.txt")
    }

    @Test func afterRunsTheClockFirstAndWarnsLikeGCC() throws {
        let boot = CLIFixtures.run(["boot", Self.ex("after.boot")])
        #expect(boot.exitCode == 0)
        try CLIFixtures.checkGolden(boot.stdout, "boot-classic-2.6-after.txt")
        // GCC's warning for each of the 17 backslashes followed by a space, at the backslash.
        let warnings = boot.stderr.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(warnings.count == 17)
        #expect(
            warnings.first
                == "Examples/classic-2.6-recipe/include/asm-generic/vmlinux.lds.h:8:22: warning: backslash and newline separated by space"
        )
        let check = CLIFixtures.run(["check", Self.ex("after.boot")])
        #expect(check.exitCode == 0 && check.stdout == "no findings\n")
        let levels = CLIFixtures.run(["levels", Self.ex("after.boot")])
        try CLIFixtures.checkGolden(levels.stdout, "levels-classic-2.6-after.txt")
    }
}
