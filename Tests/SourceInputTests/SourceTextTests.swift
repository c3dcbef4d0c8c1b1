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

/// The byte scans under the line reader, against the plain loops they replace: every length
/// and start up to a few words (the eight-byte steps and the tail), bytes above 0x80 included.
@Suite("Byte scans")
struct ByteScanTests {
    /// A deterministic mix of the searched byte, ASCII and bytes above 0x80.
    static func bytes(_ count: Int, seed: Int) -> [UInt8] {
        (0..<count).map { index in
            let value = (index &* 2_654_435_761 &+ seed &* 40_503) >> 7
            return [UInt8(ascii: "\n"), UInt8(ascii: "a"), 0x80, 0xFF, 0x0A ^ 0x80, 0x00, UInt8(ascii: "\r")][
                value % 7]
        }
    }

    @Test func firstIndexAgreesWithALoop() {
        for seed in 0..<8 {
            for count in 0..<40 {
                let bytes = Self.bytes(count, seed: seed)
                bytes.withUnsafeBufferPointer { buffer in
                    for byte: UInt8 in [UInt8(ascii: "\n"), 0x00, 0x80, UInt8(ascii: "\r"), UInt8(ascii: "z")] {
                        for start in 0...count + 1 {
                            let expected = start < count ? bytes[start...].firstIndex(of: byte) : nil
                            #expect(ByteScan.firstIndex(of: byte, in: buffer, from: start) == expected)
                        }
                    }
                }
            }
        }
    }

    @Test func isASCIIAgreesWithALoop() {
        for count in 0..<40 {
            for position in 0..<max(count, 1) {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: count)
                #expect(bytes.withUnsafeBufferPointer(ByteScan.isASCII))
                guard position < count else { continue }
                bytes[position] = 0x80 | UInt8(position % 0x7f)
                #expect(!bytes.withUnsafeBufferPointer(ByteScan.isASCII))
            }
        }
    }

    /// ``SourceLines`` cuts what ``SourceText/lines(_:)`` always cut, and its ranges are the
    /// lines' bytes.
    @Test(arguments: ["", "\n", "a", "a\n", "a\r\nb\rc\nd", "\u{FEFF}é\n\u{301}x\n\n", "x\r\r\ny"])
    func sourceLinesAreTheLines(_ text: String) {
        var lines = SourceLines(text)
        #expect((0..<lines.count).map { lines[$0] } == SourceText.lines(text))
        let ranges = lines.ranges
        let fromBytes = lines.withUTF8 { bytes in
            ranges.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        }
        #expect(fromBytes == SourceText.lines(text).map(String.init))
    }
}

extension ByteScanTests {
    @Test func equalAgreesWithElementsEqual() {
        for count in 0..<30 {
            let bytes = Self.bytes(count, seed: count)
            for position in 0..<max(count, 1) {
                var other = bytes
                if position < count { other[position] ^= 0x01 }
                bytes.withUnsafeBufferPointer { a in
                    other.withUnsafeBufferPointer { b in
                        #expect(ByteScan.equal(a, b) == bytes.elementsEqual(other))
                        #expect(!ByteScan.equal(a, UnsafeBufferPointer(rebasing: b.dropLast())) || count == 0)
                    }
                }
            }
        }
    }
}
