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

    @Test func editDistances() {
        #expect(Suggestions.distance("kitten", "sitting") == 3)
        #expect(Suggestions.distance("", "abc") == 3)
        #expect(Suggestions.distance("abc", "") == 3)
        #expect(Suggestions.distance(".initcall6.init", ".initcal6.init") == 1)
        #expect(Suggestions.distance("µs", "us") == 2)  // bytes: µ is two
        #expect(Suggestions.distance(String(repeating: "a", count: 100), String(repeating: "b", count: 100)) == 64)
    }

    /// The early stop of `isWithin` never changes an answer: it agrees with the whole table on
    /// every pair of a seeded set of short words.
    @Test func isWithinAgreesWithTheWholeTable() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let letters = Array("ab.c_6s".utf8)
        let words = (0..<60).map { _ in
            String(
                decoding: (0..<Int(next() % 9)).map { _ in letters[Int(next() % UInt64(letters.count))] }, as: UTF8.self
            )
        }
        for a in words {
            for b in words {
                for edits in 0...3 {
                    #expect(Suggestions.isWithin(a, b, edits: edits) == (Suggestions.distance(a, b) <= edits))
                }
            }
        }
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
