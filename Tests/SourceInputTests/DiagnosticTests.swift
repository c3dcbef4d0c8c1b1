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
