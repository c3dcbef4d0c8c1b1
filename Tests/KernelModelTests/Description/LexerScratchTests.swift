import Testing

@testable import KernelModel

/// ``BootFileLexer/Scratch`` keeps the bytes of a line's words that are not in the line; a
/// word's bytes must stay where they are while later words are stored, across chunks.
@Suite("the .boot lexer's scratch")
struct LexerScratchTests {
    @Test(arguments: [1, 100, 4095, 4096, 4097, 20_000])
    func storedWordsStayPutAcrossChunks(length: Int) {
        let scratch = BootFileLexer.Scratch()
        for round in 0..<3 {
            scratch.reset()
            let texts = (0..<40).map {
                String(repeating: String(UnicodeScalar(UInt8(65 + ($0 + round) % 26))), count: length)
            }
            let words = texts.enumerated().map { scratch.word(copying: $1, column: $0 + 1) }
            #expect(words.map(\.text) == texts)
            #expect(words.map(\.column) == Array(1...40))
        }
    }

    @Test func aStoreWritesNoMoreThanItsCapacity() {
        let scratch = BootFileLexer.Scratch()
        let first = scratch.store(capacity: 3) { buffer in
            buffer.initialize(repeating: UInt8(ascii: "a"))
            return 99
        }
        let second = scratch.word(copying: "bc", column: 1)
        #expect(String(decoding: first, as: UTF8.self) == "aaa")
        #expect(second.text == "bc")
    }

    @Test func prefixedWordsKeepTheirColumnsAndParts() {
        let scratch = BootFileLexer.Scratch()
        let word = scratch.word(copying: "SMP=y", column: 8)
        let prefixed = word.prefixed(by: "CONFIG_", in: scratch)
        #expect(prefixed.text == "CONFIG_SMP=y")
        #expect(prefixed.column == 8)
        #expect(prefixed.prefixLength == "CONFIG_SMP=y".utf8.count)
        #expect(word.text == "SMP=y")
    }
}
