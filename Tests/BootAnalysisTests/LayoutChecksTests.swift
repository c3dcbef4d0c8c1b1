import BootAnalysis
import Foundation
import KernelModel
import LinkerScript
import Reports
import TestSupport
import Testing

/// One test per finding code of `LayoutChecks`, plus the clean cases.
@Suite("Layout checks")
struct LayoutChecksTests {
    /// A script with `INIT_CALLS` written by the given text inside `.init.data`.
    static func script(_ initCalls: String, extra: String = "") throws -> LinkerScript {
        try LinkerScript.parse(
            """
            SECTIONS {
              .text : { *(.text) }
              .init.data : {
            \(initCalls)
                __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;
              }
            \(extra)
            }
            """, file: "v.lds")
    }

    static let linux6InitCalls = LevelTable.linux6.initCallsText()

    func codes(_ findings: [Finding]) -> [String] { findings.map(\.code) }

    @Test(arguments: ["vmlinux-6.x-x86_64.lds", "vmlinux-6.x-x86_64.lds.S", "vmlinux-lto-clang.lds.S"])
    func shippedScriptsAreClean(_ name: String) throws {
        #expect(LayoutChecks.run(script: try Fixtures.script(name), levels: .linux6).isEmpty)
    }

    @Test func historicScriptsAreCleanWithTheirTables() throws {
        #expect(
            LayoutChecks.run(script: try Fixtures.script("vmlinux-2.6.2x-initcalls.lds.S"), levels: .linux2_6_27)
                .isEmpty)
        #expect(LayoutChecks.run(script: try Fixtures.script("vmlinux-2.6.28-3.3.lds"), levels: .linux2_6_28).isEmpty)
    }

    @Test func levelNeverRuns() throws {
        let levels = try Fixtures.levels("Examples/custom-level/init.h", "Examples/custom-level/main.c")
        // The 8-level INIT_CALLS of Linux with the recipe's 9-level tables: level 8 has no pattern.
        let findings = LayoutChecks.run(script: try Fixtures.script("vmlinux-6.x-x86_64.lds"), levels: levels)
        #expect(codes(findings) == ["level-never-runs", "undefined-boundary"])
        let never = try #require(findings.first { $0.code == "level-never-runs" })
        #expect(
            never.summary == "no pattern of the linker script collects .initcall8.init: late_initcall() calls never run"
        )
        #expect(never.location?.description == "Examples/custom-level/init.h:27:9")
        #expect(never.fix?.contains("INIT_CALLS_LEVEL(8)") == true)
        let undefined = try #require(findings.last)
        #expect(
            undefined.summary
                == "initcall_levels[8] names __initcall8_start, which the linker script never defines: the link fails")
        #expect(undefined.location?.description == "Examples/custom-level/main.c:16:2")
    }

    /// ld warns about orphan sections from 5.10 (CONFIG_LD_ORPHAN_WARN); before, silence.
    @Test func orphanWordingFollowsTheRelease() throws {
        let levels = try Fixtures.levels("Examples/custom-level/init.h", "Examples/custom-level/main.c")
        let script = try Fixtures.script("vmlinux-6.x-x86_64.lds")
        func explanation(_ release: String) -> [String] {
            LayoutChecks.run(script: script, levels: levels, version: KernelVersion(release))
                .first { $0.code == "level-never-runs" }?.explanation ?? []
        }
        #expect(
            explanation("5.10").last
                == "with CONFIG_LD_ORPHAN_WARN (5.10+: x86, arm, arm64, powerpc) ld says so for each object: \"ld: warning: orphan section `.initcall8.init' from `<object>' being placed in section `.initcall8.init'\" (an error with CONFIG_WERROR from 6.2); without it the kernel boots without a word and the calls are simply missing"
        )
        #expect(
            explanation("5.9").last == "ld places it without a word and the kernel boots; the calls are simply missing")
    }

    /// A typo in a pattern: the finding points at it and names the section it meant.
    @Test func misspeltPatternIsNamed() throws {
        let script = try LinkerScript.parse(
            "SECTIONS { .init.data : {\n"
                + Self.linux6InitCalls.replacingOccurrences(
                    of: "KEEP(*(.initcall6.init))", with: "KEEP(*(.intcall6.init))")
                + "__con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .; } }", file: "v.lds")
        let finding = try #require(LayoutChecks.run(script: script, levels: .linux6).first)
        #expect(finding.code == "level-never-runs")
        #expect(
            finding.fix == "did you mean .initcall6.init? This pattern collects .intcall6.init, which no level uses")
        #expect(finding.location?.file == "v.lds")
    }

    @Test func consoleNeverRuns() throws {
        let script = try LinkerScript.parse(
            "SECTIONS { .init.data : {\n" + Self.linux6InitCalls
                + "__con_initcall_start = .; __con_initcall_end = .; } }", file: "v.lds")
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        #expect(codes(findings) == ["level-never-runs"])
        #expect(findings.first?.fix?.contains("__con_initcall_start and __con_initcall_end") == true)
    }

    @Test func levelDiscarded() throws {
        let script = try Self.script(
            Self.linux6InitCalls.replacingOccurrences(of: "KEEP(*(.initcall7.init))", with: ""),
            extra: "  /DISCARD/ : { *(.initcall7.init) }")
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        #expect(codes(findings) == ["level-discarded"])
        #expect(
            findings.first?.summary
                == "*(.initcall7.init) in /DISCARD/ throws away .initcall7.init: late_initcall() calls never run")
        #expect(findings.first?.location?.file == "v.lds")
    }

    @Test func undefinedBoundary() throws {
        let script = try Self.script(Self.linux6InitCalls.replacingOccurrences(of: "__initcall3_start = .;", with: ""))
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        #expect(codes(findings) == ["undefined-boundary"])
        #expect(findings.first?.explanation == ["ld: undefined reference to `__initcall3_start'"])
        #expect(findings.first?.fix?.hasPrefix("add INIT_CALLS_LEVEL(3)") == true)
    }

    @Test func undefinedConsoleBoundary() throws {
        let script = try LinkerScript.parse(
            "SECTIONS { .init.data : {\n" + Self.linux6InitCalls
                + "KEEP(*(.con_initcall.init)) __con_initcall_end = .; } }", file: "v.lds")
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        #expect(
            findings.map(\.summary) == [
                "console_init() names __con_initcall_start, which the linker script never defines: the link fails"
            ])
    }

    @Test func outsideInitcallRange() throws {
        let script = try Self.script(
            Self.linux6InitCalls.replacingOccurrences(of: "KEEP(*(.initcall4.init))", with: ""),
            extra: "  .data : { *(.data) KEEP(*(.initcall4.init)) }")
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        #expect(codes(findings) == ["outside-initcall-range"])
        #expect(
            findings.first?.summary.hasPrefix(
                "KEEP(*(.initcall4.init)) in .data collects .initcall4.init outside [__initcall_start, __initcall_end)")
                == true)
        #expect(findings.first?.location?.file == "v.lds")
    }

    @Test func levelMissingFromTheForgottenTable() throws {
        let description = try Fixtures.boot("Examples/custom-level/forgotten-table.boot")
        let script = try #require(description.linkerScript)
        let findings = LayoutChecks.run(script: script, levels: description.levels)
        #expect(codes(findings) == ["level-missing-from-table"])
        #expect(
            findings.first?.summary
                == "level 8 (late_initcall) is missing from initcall_levels[]: its calls run inside level 7's slice, as 'late'"
        )
        #expect(findings.first?.severity == .warning)
        let after = try Fixtures.boot("Examples/custom-level/after.boot")
        #expect(LayoutChecks.run(script: try #require(after.linkerScript), levels: after.levels).isEmpty)
    }

    @Test func levelWithoutOwnBoundaryRunsInThePreviousLevel() throws {
        var levels = LevelTable.linux6
        levels.ids.insert(InitcallID(id: "8", macros: ["very_late_initcall"]), at: levels.ids.count - 1)
        let script = try Self.script(
            Self.linux6InitCalls.replacingOccurrences(
                of: "__initcall_end = .;", with: "KEEP(*(.initcall8.init)) __initcall_end = .;"))
        let findings = LayoutChecks.run(script: script, levels: levels)
        #expect(codes(findings) == ["level-missing-from-table"])
        #expect(findings.first?.subjects == ["__initcall8_start", "very_late_initcall"])
    }

    @Test func unreachablePattern() throws {
        let script = try Self.script(
            Self.linux6InitCalls.replacingOccurrences(
                of: "KEEP(*(.initcall6.init))", with: "KEEP(*(.initcall6*))"))
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        #expect(codes(findings) == ["unreachable-pattern"])
        #expect(
            findings.first?.summary.hasPrefix(
                "KEEP(*(.initcall6s.init)) in .init.data can never collect .initcall6s.init: KEEP(*(.initcall6*)) at v.lds:"
            ) == true)
    }

    @Test func unreachableBehindAnEarlierOutputSection() throws {
        let script = try LinkerScript.parse(
            "SECTIONS { .data : { *(.data .init*) }\n .init.data : {\n" + Self.linux6InitCalls
                + "__con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .; } }", file: "v.lds")
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        // Every initcall pattern is dead, and every level's calls land in .data, outside the walks.
        #expect(findings.filter { $0.code == "unreachable-pattern" }.count == 19)
        #expect(findings.filter { $0.code == "outside-initcall-range" }.count == 17)
    }

    @Test func boundariesOutOfOrder() throws {
        let text = Self.linux6InitCalls
            .replacingOccurrences(of: "__initcall6_start = .;", with: "__initcall6_tmp = .;")
            .replacingOccurrences(of: "__initcall7_start = .;", with: "__initcall6_start = .;")
            .replacingOccurrences(of: "__initcall6_tmp = .;", with: "__initcall7_start = .;")
        let findings = LayoutChecks.run(script: try Self.script(text), levels: .linux6)
        #expect(codes(findings).contains("boundaries-out-of-order"))
        let finding = try #require(findings.first { $0.code == "boundaries-out-of-order" })
        #expect(
            finding.summary
                == "initcall_levels[6] = __initcall6_start comes after initcall_levels[7] = __initcall7_start in the layout: level 6 (device) runs nothing"
        )
    }

    @Test func earlySliceOutOfOrder() throws {
        var levels = LevelTable.linux6
        levels.earlySlice = ("__initcall1_start", "__initcall0_start")
        let findings = LayoutChecks.run(script: try Self.script(Self.linux6InitCalls), levels: levels)
        #expect(
            findings.contains {
                $0.summary
                    == "__initcall1_start comes after __initcall0_start in the layout: do_pre_smp_initcalls() runs nothing"
            })
    }

    @Test func levelNamesCount() throws {
        var short = LevelTable.linux6
        short.initcallLevelNames.removeLast()
        var long = LevelTable.linux6
        long.initcallLevelNames.append("extra")
        let script = try Self.script(Self.linux6InitCalls)
        #expect(LayoutChecks.run(script: script, levels: short).map(\.severity) == [.error])
        #expect(
            LayoutChecks.run(script: script, levels: short).first?.summary
                == "initcall_level_names[] has 7 names for 8 levels: do_initcall_level(7) reads past its end")
        #expect(LayoutChecks.run(script: script, levels: long).map(\.severity) == [.warning])
    }

    @Test func layoutError() throws {
        let script = try LinkerScript.parse("SECTIONS { .a : { . = 0x100; . = 0x10; } }", file: "v.lds")
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        #expect(codes(findings) == ["layout-error"])
        #expect(
            findings.first?.summary.hasPrefix(
                "the linker script cannot be laid out: cannot move location counter backwards") == true)
    }

    @Test func findingsRenderDeterministically() throws {
        let levels = try Fixtures.levels("Examples/custom-level/init.h", "Examples/custom-level/main.c")
        let script = try Fixtures.script("vmlinux-6.x-x86_64.lds")
        let a = FindingsRenderer.text(LayoutChecks.run(script: script, levels: levels))
        let b = FindingsRenderer.text(LayoutChecks.run(script: script, levels: levels))
        #expect(a == b)
        #expect(a.hasSuffix("2 findings (2 errors, 0 warnings)\n"))
    }
}

@Suite("Wildcard inclusion")
struct WildcardInclusionTests {
    @Test(arguments: [
        ("*", ".initcall6.init", true), (".initcall6*", ".initcall6s.init", true),
        (".initcall6.init", ".initcall6*", false),
        (".initcall*.init", ".initcall6.init", true), (".initcall?.init", ".initcall6.init", true),
        (".initcall?.init", ".initcallrootfs.init", false), (".initcall[0-7].init", ".initcall6.init", true),
        (".initcall[0-7].init", ".initcall[5-6].init", true), (".initcall[!8].init", ".initcall[0-7].init", true),
        (".initcall6.init*", ".initcall6.init..*", true), (".initcall6.init..*", ".initcall6.init*", false),
        ("*.init", ".initcall*.init", true), ("*.init", ".initcall*", false), (".a*b*c", ".a*bXc", true),
        ("*", "\\*", true), ("\\*", "*", false), (".init*", ".initcall6.init", true),
    ])
    func includes(_ outer: String, _ inner: String, _ expected: Bool) {
        #expect(Wildcard(outer).includes(Wildcard(inner)) == expected)
    }
}
