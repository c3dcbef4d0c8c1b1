import SourceInput
import Testing

@Suite("Diagnostics and suggestions")
struct DiagnosticTests {
    @Test func rendersTheLineWithACaretUnderTheColumn() {
        let diagnostic = Diagnostic(
            .error, at: SourceLocation(file: "a.lds", line: 3, column: 5), "expected ';'",
            notes: ["an assignment ends with ';'"],
            sourceLine: "\tx = .")
        #expect(
            diagnostic.rendered() == """
                a.lds:3:5: error: expected ';'
                   x = .
                      ^
                note: an assignment ends with ';'
                """)
    }

    @Test func suggestsOnlyTheClosestNames() {
        #expect(Suggestions.closest(to: "-ENODEVV", in: ["-ENODEV", "-ENOENT", "-EINVAL"]) == ["-ENODEV"])
        #expect(Suggestions.closest(to: "zzzzzz", in: ["-ENODEV"]).isEmpty)
    }
}

/// A huge bad token or a long foreign line never makes megabytes of standard error.
@Suite("Diagnostic size")
struct DiagnosticSizeTests {
    @Test func aMegabyteTokenRendersInAFewHundredBytes() {
        let token = String(repeating: "x", count: 1_000_000)
        let diagnostic = Diagnostic(
            .error, at: SourceLocation(file: "big.boot", line: 1, column: 500_000), "unknown statement '\(token)'",
            notes: Array(repeating: "note", count: 50), sourceLine: token)
        let rendered = diagnostic.rendered()
        #expect(rendered.utf8.count < 2_000)
        #expect(rendered.hasPrefix("big.boot:1:500000: error: unknown statement 'xxx"))
        #expect(rendered.contains("note: 42 more notes not shown"))
        // The caret still points at its column inside the excerpt.
        let lines = rendered.split(separator: "\n")
        #expect(lines.count >= 3)
        if lines.count >= 3 {
            let excerpt = Array(lines[1])
            let caret = lines[2].count - 1
            #expect(excerpt.indices.contains(caret) && excerpt[caret] == "x")
        }
    }
}
