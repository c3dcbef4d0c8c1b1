import SourceInput
import Testing

/// The one line reader: CR, LF and CRLF alike, columns kept, nothing else changed.
@Suite("Line endings")
struct SourceTextTests {
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndEndsALine(_ lineEnd: String) {
        let text = ["object a.o", "  core_initcall a_init", "", "# done"].joined(separator: lineEnd) + lineEnd
        #expect(SourceText.lines(text) == ["object a.o", "  core_initcall a_init", "", "# done", ""])
        #expect(SourceText.normalized(text) == "object a.o\n  core_initcall a_init\n\n# done\n")
    }

    @Test func mixedEndsAndAByteOrderMark() {
        #expect(SourceText.lines("\u{FEFF}a\r\nb\rc\nd") == ["a", "b", "c", "d"])
        // "\r\r\n" is two line ends, as GCC reads it.
        #expect(SourceText.lines("a\r\r\nb") == ["a", "", "b"])
    }

    @Test func textWithoutCarriageReturnsIsUnchanged() {
        let text = "SECTIONS { .x : { *(.y) } }\n"
        #expect(SourceText.normalized(text) == text)
    }

    /// Lines are cut on bytes: multi-byte text, combining marks after a line end, and lines
    /// that are not small strings all come back whole.
    @Test func multiByteTextKeepsItsLines() {
        let long = String(repeating: "µs ", count: 20)
        let text = "é\n\u{301}x\n\(long)\n\n"
        #expect(SourceText.lines(text) == ["é", "\u{301}x", Substring(long), "", ""])
        #expect(SourceText.lines("") == [""])
        #expect(SourceText.lines("\n") == ["", ""])
    }
}
