import Foundation
import LinkerScript
import TestSupport
import Testing

/// Every error path of the preprocessor: message, place, and never a crash or a hang.
@Suite("Preprocessor: errors")
struct PreprocessorErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var message: String
        var location: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "unterminated comment", text: "x = 1;\n  /* open", message: "unterminated comment",
            location: "t.lds.S:2:3"),
        Case(name: "unterminated #if", text: "#if 1\nx\n", message: "unterminated #if", location: "t.lds.S:1:2"),
        Case(name: "#else without #if", text: "#else\n", message: "#else without #if", location: "t.lds.S:1:2"),
        Case(name: "#endif without #if", text: "\n#endif\n", message: "#endif without #if", location: "t.lds.S:2:2"),
        Case(name: "#elif without #if", text: "#elif 1\n", message: "#elif without #if", location: "t.lds.S:1:2"),
        Case(
            name: "#else after #else", text: "#if 0\n#else\n#else\n#endif\n", message: "#else after #else",
            location: "t.lds.S:3:2"),
        Case(
            name: "#elif after #else", text: "#if 0\n#else\n#elif 1\n#endif\n", message: "#elif after #else",
            location: "t.lds.S:3:2"),
        Case(
            name: "#error", text: "#error INIT_CALLS needs CONFIG_X\n", message: "#error INIT_CALLS needs CONFIG_X",
            location: "t.lds.S:1:2"),
        Case(
            name: "invalid directive", text: "#defne X 1\n", message: "invalid preprocessing directive #defne",
            location: "t.lds.S:1:2"),
        Case(
            name: "macro name not an identifier", text: "#define 6 x\n", message: "macro names must be identifiers",
            location: "t.lds.S:1:9"),
        Case(
            name: "#undef without a name", text: "#undef\n", message: "macro names must be identifiers",
            location: "t.lds.S:1:2"),
        Case(
            name: "defined as a macro name", text: "#define defined 1\n",
            message: "'defined' cannot be used as a macro name", location: "t.lds.S:1:9"),
        Case(
            name: "duplicate parameter", text: "#define F(a, a) a\n", message: "duplicate macro parameter 'a'",
            location: "t.lds.S:1:14"),
        Case(
            name: "bad parameter", text: "#define F(a, 1) a\n", message: "expected a parameter name, found '1'",
            location: "t.lds.S:1:14"),
        Case(
            name: "missing parameter comma", text: "#define F(a b) a\n",
            message: "expected ',' or ')' in the parameters of 'F', found 'b'", location: "t.lds.S:1:13"),
        Case(
            name: "unclosed parameters", text: "#define F(a,\n", message: "missing ')' in macro parameter list",
            location: "t.lds.S:1:9"),
        Case(
            name: "variadic not last", text: "#define F(a..., b) a\n",
            message: "expected ')' after '...' in the parameters of 'F'", location: "t.lds.S:1:15"),
        Case(
            name: "## at the start", text: "#define F(a) ## a\n",
            message: "'##' cannot appear at either end of a macro expansion", location: "t.lds.S:1:14"),
        Case(
            name: "## at the end", text: "#define F(a) a ##\n",
            message: "'##' cannot appear at either end of a macro expansion", location: "t.lds.S:1:16"),
        Case(
            name: "# without parameter", text: "#define F(a) #b\n", message: "'#' is not followed by a macro parameter",
            location: "t.lds.S:1:14"),
        Case(
            name: "too few arguments", text: "#define F(a, b) a b\nF(1)\n",
            message: "macro 'F' requires 2 arguments, but only 1 given", location: "t.lds.S:2:1"),
        Case(
            name: "too many arguments", text: "#define F(a) a\nF(1, 2)\n",
            message: "macro 'F' passed 2 arguments, but takes just 1", location: "t.lds.S:2:1"),
        Case(
            name: "unterminated invocation", text: "#define F(a) a\nF(1\n#define G\n",
            message: "unterminated argument list invoking macro 'F'", location: "t.lds.S:2:1"),
        Case(
            name: "self-referential object macro", text: "#define INIT_CALLS INIT_CALLS\nINIT_CALLS\n",
            message: "macro 'INIT_CALLS' expands to itself", location: "t.lds.S:2:1"),
        Case(
            name: "mutually recursive macros", text: "#define A B\n#define B A\nx A\n",
            message: "macro 'A' expands to itself", location: "t.lds.S:3:3"),
        Case(
            name: "self-referential function macro", text: "#define KEEP(x) KEEP(x)\nKEEP(*(.a))\n",
            message: "macro 'KEEP' expands to itself", location: "t.lds.S:2:1"),
        Case(
            name: "#if without expression", text: "#if\n#endif\n", message: "#if with no expression",
            location: "t.lds.S:1:2"),
        Case(
            name: "#if division by zero", text: "#if 1 / 0\n#endif\n", message: "division by zero in #if",
            location: "t.lds.S:1:7"),
        Case(
            name: "#if missing paren", text: "#if (1\n#endif\n", message: "missing ')' in expression",
            location: "t.lds.S:1:5"),
        Case(
            name: "#if missing operator", text: "#if 1 2\n#endif\n",
            message: "missing binary operator before token '2'", location: "t.lds.S:1:7"),
        Case(
            name: "#if bad token", text: "#if \"s\"\n#endif\n",
            message: "token '\"s\"' is not valid in preprocessor expressions", location: "t.lds.S:1:5"),
        Case(
            name: "#if dangling operator", text: "#if 1 +\n#endif\n",
            message: "#if expression ends where a value was expected", location: "t.lds.S:1:7"),
        Case(
            name: "#if bad number", text: "#if 12abc\n#endif\n", message: "invalid integer '12abc' in #if",
            location: "t.lds.S:1:5"),
        Case(
            name: "#if ? without :", text: "#if 1 ? 2\n#endif\n", message: "'?' without following ':' in #if",
            location: "t.lds.S:1:9"),
        Case(
            name: "defined without name", text: "#if defined(1)\n#endif\n",
            message: "operator 'defined' requires an identifier", location: "t.lds.S:1:5"),
        Case(
            name: "defined without paren", text: "#if defined(A\n#endif\n", message: "missing ')' after 'defined'",
            location: "t.lds.S:1:5"),
        Case(
            name: "#ifdef without name", text: "#ifdef\n#endif\n", message: "no macro name given in #ifdef directive",
            location: "t.lds.S:1:2"),
        Case(
            name: "#include without name", text: "#include foo\n",
            message: "#include expects \"FILENAME\" or <FILENAME>", location: "t.lds.S:1:10"),
        Case(
            name: "#include missing", text: "#include \"nope.h\"\n", message: "'nope.h' file not found",
            location: "t.lds.S:1:2"),
        Case(
            name: "#include outside roots", text: "#include \"../secret.h\"\n",
            message: "'../secret.h' resolves outside the allowed directories", location: "t.lds.S:1:2"),
        Case(
            name: "#include loop", text: "#include \"t.lds.S\"\n",
            message: "#include nested depth 41 exceeds maximum of 40", location: "t.lds.S:1:2"),
    ]

    @Test(arguments: cases)
    func reportsError(_ c: Case) throws {
        let files = ["t.lds.S": c.text, "../secret.h": "x"]
        do {
            _ = try Preprocessor.preprocess(c.text, file: "t.lds.S", loader: memoryLoader(files))
            Issue.record("expected an error")
        } catch {
            guard case .preprocessor(let diagnostic) = error else {
                Issue.record("expected a preprocessor error, got \(error)")
                return
            }
            #expect(diagnostic.message == c.message)
            #expect(diagnostic.location.description == c.location)
            #expect(diagnostic.sourceLine != nil)
        }
    }

    @Test func exponentialMacroHitsTheBudgetAndNamesTheMacro() throws {
        var text = "#define M0 x x\n"
        for i in 1...40 { text += "#define M\(i) M\(i - 1) M\(i - 1)\n" }
        text += "M40\n"
        #expect {
            _ = try Preprocessor.preprocess(text, file: "t.lds.S")
        } throws: { error in
            guard case .preprocessor(let d) = error as? LinkerScriptError else { return false }
            return d.message == "expanding macro 'M40' produces more than 1000000 tokens" && d.location.line == 42
        }
    }

    @Test func deeplyNestedArgumentsAreBounded() throws {
        let text =
            "#define F(x) x\n" + String(repeating: "F(", count: 300) + "1" + String(repeating: ")", count: 300) + "\n"
        #expect {
            _ = try Preprocessor.preprocess(text, file: "t.lds.S")
        } throws: { error in
            guard case .preprocessor(let d) = error as? LinkerScriptError else { return false }
            return d.message.hasPrefix("macro arguments nested more than 200 deep while expanding 'F'")
        }
    }

    @Test func deeplyNestedConditionIsBounded() throws {
        let text = "#if " + String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500) + "\n#endif\n"
        #expect(throws: LinkerScriptError.self) { _ = try Preprocessor.preprocess(text, file: "t.lds.S") }
    }

    @Test func exponentialIncludesHitTheInputBudget() throws {
        // Each file includes the next twice: 2^30 copies without a budget.
        var files: [String: String] = [:]
        for i in 0..<30 { files["f\(i).h"] = "#include \"f\(i + 1).h\"\n#include \"f\(i + 1).h\"\n" }
        files["f30.h"] = String(repeating: "a b c d e f g h\n", count: 100)
        #expect {
            _ = try Preprocessor.preprocess("#include \"f0.h\"\n", file: "main.S", loader: memoryLoader(files))
        } throws: { error in
            guard case .preprocessor(let d) = error as? LinkerScriptError else { return false }
            return d.message.contains("reads more than 1000000 tokens")
        }
    }

    @Test func warningDirectiveIsAWarning() throws {
        let result = try Preprocessor.preprocess("#warning careful\nx = 1;\n", file: "t.lds.S")
        #expect(result.warnings.map(\.message) == ["#warning careful"])
    }

    @Test func syntaxErrorsAfterExpansionPointAtTheUsersLine() throws {
        let text = """
            #define LEVEL(n) __initcall##n##_start = . KEEP(*(.initcall##n.init))
            SECTIONS {
              .init.data : {
                LEVEL(6)
              }
            }
            """
        #expect {
            _ = try LinkerScript.parse(text, file: "v.lds.S", options: .init(), loader: Preprocessor.noFiles)
        } throws: { error in
            guard case .syntax(let d) = error as? LinkerScriptError else { return false }
            return d.location.description == "v.lds.S:4:5" && d.sourceLine == "    LEVEL(6)"
                && d.notes.contains { $0.hasPrefix("after macro expansion the line reads: __initcall6_start = . KEEP") }
        }
    }

    @Test func syntaxErrorColumnOnAnUnexpandedLine() throws {
        let text = "#define X 1\nSECTIONS {\n  .a : { *(.a) }\n  .b : { *(.b) \n"
        #expect {
            _ = try LinkerScript.parse(text, file: "v.lds.S", options: .init(), loader: Preprocessor.noFiles)
        } throws: { error in
            guard case .syntax(let d) = error as? LinkerScriptError else { return false }
            return d.location.file == "v.lds.S" && d.message.contains("end of file")
        }
    }
}
