import BootAnalysis
import InitcallSim
import KernelModel
import LinkerScript

/// Hostile linker-script input: each class that once crashed, hung or took minutes, timed in
/// release mode (best of three; the input text is made before the clock starts). Every row
/// must stay well under its goal; the tests check the results, this checks the time.
///
///     hostile: 100000 symbol assignments: 85.2 ms (goal < 1000 ms)
enum HostileInputBench {
    static func rows() -> [String] {
        let chainText = chainScript()
        let nestedText = nestedMacroScript()
        let symbolsText = symbolScript()
        let wildcardsText = wildcardPatternScript()
        let literalsText = literalPatternScript()
        return [
            row("12000-term operator chain", goal: 1_000) { layOut(chainText, file: "chain.lds", symbol: "x") },
            row("50000-deep nested macro arguments (refused)", goal: 1_000) { preprocess(nestedText) },
            row("100000 symbol assignments", goal: 1_000) {
                layOut(symbolsText, file: "symbols.lds", symbol: "s99999")
            },
            row("25+25 wildcard patterns, layout checks", goal: 1_000) { checks(wildcardsText, file: "wildcards.lds") },
            row("10000+10000 literal patterns, layout checks", goal: 1_000) {
                checks(literalsText, file: "literals.lds")
            },
        ]
    }

    private static func row(_ name: String, goal: Int, _ work: () -> String) -> String {
        let (outcome, seconds) = BenchTimer.best(of: 3, work)
        return "hostile: \(name): \(BenchTimer.ms(seconds)) ms (goal < \(goal) ms) [\(outcome)]"
    }

    private static func describe(_ error: LinkerScriptError) -> String {
        "error: " + error.diagnostic.message.prefix(60)
    }

    /// `. = 1+1+…+1;` with 12,000 terms.
    static func chainScript() -> String {
        "SECTIONS { . = " + Array(repeating: "1", count: 12_000).joined(separator: "+") + "; x = .; }"
    }

    /// `#define I(x) x` and `I(I(I(…)))` 50,000 deep: a fast error, not gigabytes.
    static func nestedMacroScript() -> String {
        let depth = 50_000
        return "#define I(x) x\nSECTIONS { x = " + String(repeating: "I(", count: depth) + "1"
            + String(repeating: ")", count: depth) + "; }\n"
    }

    /// `s0 = 0; s1 = s0 + 1; …` 100,000 times.
    static func symbolScript() -> String {
        var lines = ["SECTIONS {", " s0 = 0;"]
        for i in 1..<100_000 { lines.append(" s\(i) = s\(i - 1) + 1;") }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    /// Parses and lays out `text`; the value of `symbol`.
    private static func layOut(_ text: String, file: String, symbol: String) -> String {
        do throws(LinkerScriptError) {
            let map = try LinkMap(script: try LinkerScript.parse(text, file: file), inputs: [])
            return "\(symbol) = \(map.address(of: symbol).map(String.init) ?? "?")"
        } catch {
            return describe(error)
        }
    }

    private static func preprocess(_ text: String) -> String {
        do throws(LinkerScriptError) {
            _ = try Preprocessor.preprocess(text, file: "nested.lds.S")
            return "accepted"
        } catch {
            return describe(error)
        }
    }

    /// Twenty-five wildcard patterns whose inclusion questions have exponentially many
    /// states, then twenty-five initcall patterns of the same shape: about 3 KB.
    static func wildcardPatternScript() -> String {
        let anys = String(repeating: "?", count: 18)
        var text = "SECTIONS {\n .a : {\n"
        for i in 0..<25 { text += "  *(*x\(i)*a\(anys))\n" }
        text += " }\n .init.data : {\n"
        for j in 0..<25 { text += "  KEEP(*(.initcall\(j)*a\(anys)))\n" }
        text += LevelTable.linux6.initCallsText(indent: "  ") + "\n"
        text += "  __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;\n }\n}\n"
        return text
    }

    /// Ten thousand literal patterns, then ten thousand literal initcall patterns, one of
    /// which repeats an earlier one.
    static func literalPatternScript() -> String {
        var text = "SECTIONS {\n .a : {\n"
        for i in 0..<10_000 { text += "  *(.initcall_early_\(i))\n" }
        text += " }\n .init.data : {\n"
        for j in 0..<10_000 { text += "  KEEP(*(.initcall_late_\(j)))\n" }
        text += "  KEEP(*(.initcall_early_17))\n"
        text += LevelTable.linux6.initCallsText(indent: "  ") + "\n"
        text += "  __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;\n }\n}\n"
        return text
    }

    private static func checks(_ text: String, file: String) -> String {
        do throws(LinkerScriptError) {
            let findings = LayoutChecks.run(script: try LinkerScript.parse(text, file: file), levels: .linux6)
            var counts: [String: Int] = [:]
            for finding in findings { counts[finding.code, default: 0] += 1 }
            return counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        } catch {
            return describe(error)
        }
    }
}
