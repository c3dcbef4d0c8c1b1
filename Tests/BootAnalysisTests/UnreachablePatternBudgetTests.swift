import Foundation
import InitcallSim
import LinkerScript
import Testing

@testable import BootAnalysis

/// The unreachable-pattern check on hostile scripts: 25 + 25 wildcard patterns whose
/// inclusion questions have exponentially many states (once 225 s), and 10,000 + 10,000
/// literal patterns (once 15 s, every later one compared with every earlier one). The check
/// has an overall work budget and says when it ran out; literals are looked up, not compared.
@Suite("Unreachable patterns under a budget")
struct UnreachablePatternBudgetTests {
    static func script(earlier: [String], later: [String]) throws -> LinkerScript {
        var text = "SECTIONS {\n .a : {\n"
        for pattern in earlier { text += "  *(\(pattern))\n" }
        text += " }\n .init.data : {\n"
        for pattern in later { text += "  KEEP(*(\(pattern)))\n" }
        text += LevelTable.linux6.initCallsText(indent: "  ")
        text += "  __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;\n }\n}\n"
        return try LinkerScript.parse(text, file: "p.lds")
    }

    static let anys = String(repeating: "?", count: 18)

    @Test func exponentialWildcardPairsEndWithTheCheckSayingItIsNotExhaustive() throws {
        let script = try Self.script(
            earlier: (0..<25).map { "*x\($0)*a\(Self.anys)" }, later: (0..<25).map { ".initcall\($0)*a\(Self.anys)" })
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        let incomplete = try #require(findings.first { $0.code == "unreachable-pattern-unchecked" })
        #expect(findings.map(\.code) == ["unreachable-pattern-unchecked"])
        #expect(incomplete.severity == .warning)
        #expect(incomplete.summary.hasPrefix("the unreachable-pattern check is not exhaustive"))
        #expect(incomplete.location?.line == 30)
        // Deterministic: the budget counts work, not time.
        #expect(LayoutChecks.run(script: script, levels: .linux6) == findings)
    }

    @Test func literalPatternsAreLookedUpByName() throws {
        let script = try Self.script(
            earlier: (0..<10_000).map { ".initcall_early_\($0)" },
            later: (0..<10_000).map { ".initcall_late_\($0)" } + [".initcall_early_17"])
        let findings = LayoutChecks.run(script: script, levels: .linux6)
        #expect(findings.map(\.code) == ["unreachable-pattern"])
        #expect(findings.first?.subjects == [".initcall_early_17", ".initcall_early_17"])
        #expect(findings.first?.location?.line == 2 + 10_000 + 2 + 10_000 + 1)
    }

    @Test(arguments: [
        (".initcall6.init", ".initcall[6].init", true), (".initcall6.init", ".initcall[67].init", false),
        (".initcall6.init", ".initcall[!a-z].init", false), ("*", ".initcall[z-a].init", true),
    ])
    func aLiteralCoversABracketPatternSpellingOnlyItsName(_ earlier: String, _ later: String, _ shadowed: Bool) throws {
        let script = try Self.script(earlier: [".unrelated", earlier], later: [later])
        // Line 7 holds the later pattern (the INIT_CALLS patterns after it may be shadowed too).
        let findings = LayoutChecks.run(script: script, levels: .linux6).filter {
            $0.code == "unreachable-pattern" && $0.location?.line == 7
        }
        #expect(findings.count == (shadowed ? 1 : 0))
    }

    @Test func aWildcardBeforeTheLiteralThatCoversTooIsTheOneNamed() throws {
        let script = try Self.script(earlier: [".initcall6*", ".initcall6.init"], later: [".initcall6.init"])
        let findings = LayoutChecks.run(script: script, levels: .linux6).filter {
            $0.code == "unreachable-pattern" && $0.location?.line == 7
        }
        #expect(findings.first?.subjects == [".initcall6.init", ".initcall6*"])
    }

    @Test func withNoBudgetEveryWildcardPairIsUndecidedAndSaidSo() throws {
        let script = try Self.script(earlier: [".initcall6*"], later: [".initcall6.*"])
        let probe = try InitcallProbe(script: script, levels: .linux6)
        #expect(UnreachablePatternCheck.run(probe).map(\.code).contains("unreachable-pattern"))
        let starved = UnreachablePatternCheck.run(probe, budget: 0)
        #expect(starved.map(\.code).last == "unreachable-pattern-unchecked")
        #expect(!starved.map(\.code).contains("unreachable-pattern"))
    }

    @Test(arguments: [
        ("*", ".anything", true), (".initcall*", ".initcall6*", true), (".initcall6*", ".initcall*", false),
        (".text.[a-c]*", ".text.b*", true), (".text.[a-c]*", ".text.?*", false), ("*a??", "*ab?", true),
        ("*a??", "*a?", false), (".x[!0-9]", ".x[a-z]", true),
    ])
    func inclusionIsExactForSmallPatterns(_ mine: String, _ theirs: String, _ expected: Bool) {
        #expect(Wildcard(mine).includes(Wildcard(theirs)) == expected)
        var none = 0
        #expect(Wildcard(mine).includes(Wildcard(theirs), budget: &none) == (mine == "*" ? true : nil))
    }
}
