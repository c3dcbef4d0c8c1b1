import SourceInput

/// Splits one `.boot` line into words. A word is a run of bare characters and `"…"` strings
/// with no space between them (`printk=KERN_ERR:"no chip"` is one word); `#` at the start of a
/// word begins a comment. Strings take `\"`, `\\`, `\n` and `\t`.
///
/// The lexer walks the line's UTF-8 bytes: every character it looks for (space, tab, quote,
/// backslash, `#`) is ASCII and never part of a multi-byte sequence, so a quote followed by a
/// combining mark is still a quote (as a `Character` it would be one grapheme with the mark).
/// Words are cut out of the bytes in one piece; columns count Unicode scalars, as a person
/// counts them.
struct BootFileLexer {
    /// One word of a line: its bytes, in the line (a word without quotes) or in the line's
    /// ``Scratch`` (a word with quotes, removed and escapes applied), and becomes a `String`
    /// only when a statement asks for ``text``: most words of a registration line (`time=3us`,
    /// the macro) are read as bytes and never need one. A word holds no reference, so the
    /// reader's words buffer is emptied without releasing anything; it lives only while its line
    /// is read (the file text's `withUTF8`, the scratch until the next line) and no statement
    /// keeps a word past its line.
    struct Word: Equatable {
        /// The UTF-8 of ``text``.
        private(set) var bytes: UnsafeBufferPointer<UInt8>
        /// 1-based column of the word's first character.
        var column: Int
        /// The bytes of ``text`` before the first quote (all of them without quotes): the part
        /// that can hold `key=` and a `KERN_…:` prefix.
        var prefixLength: Int
        /// The bytes of ``text`` after the last closing quote; nil without quotes.
        var tailLength: Int?

        /// A word without quotes: `bytes` of the line being read (or of the scratch).
        init(bytes: UnsafeBufferPointer<UInt8>, column: Int) {
            self.init(bytes: bytes, column: column, prefixLength: bytes.count, tailLength: nil)
        }

        /// A word with quotes: its text's bytes, and the lengths of its unquoted prefix and tail.
        init(quoted bytes: UnsafeBufferPointer<UInt8>, column: Int, prefixLength: Int, tailLength: Int) {
            self.init(bytes: bytes, column: column, prefixLength: prefixLength, tailLength: tailLength as Int?)
        }

        private init(bytes: UnsafeBufferPointer<UInt8>, column: Int, prefixLength: Int, tailLength: Int?) {
            self.bytes = bytes
            self.column = column
            self.prefixLength = prefixLength
            self.tailLength = tailLength
        }

        /// The text with quotes removed and escapes applied.
        var text: String { String(decoding: bytes, as: UTF8.self) }

        /// Calls `body` with the UTF-8 bytes of ``text``, without making it a `String`.
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            try body(bytes)
        }

        var hasQuotes: Bool { tailLength != nil }

        /// The text up to the first quote.
        var unquotedPrefix: Substring { Substring(text.utf8.prefix(prefixLength)) }

        /// The unquoted text after the last closing quote (`,age` of `printk="%d\n",age`); nil
        /// without quotes.
        var tail: Substring? { tailLength.map { Substring(text.utf8.suffix($0)) } }

        /// The word with `prefix` (no quotes in it) written before it, at the same column, in
        /// `scratch`.
        func prefixed(by prefix: String, in scratch: Scratch) -> Word {
            var prefix = prefix
            let joined = prefix.withUTF8 { head in
                scratch.store(capacity: head.count + bytes.count) { buffer in
                    _ = buffer.initialize(fromContentsOf: head)
                    _ = buffer[head.count...].initialize(fromContentsOf: bytes)
                    return head.count + bytes.count
                }
            }
            return Word(
                bytes: joined, column: column, prefixLength: prefix.utf8.count + prefixLength, tailLength: tailLength)
        }

        static func == (lhs: Word, rhs: Word) -> Bool {
            ByteScan.equal(lhs.bytes, rhs.bytes) && lhs.column == rhs.column && lhs.prefixLength == rhs.prefixLength
                && lhs.tailLength == rhs.tailLength
        }
    }

    /// The bytes of a line's words that are not the line's own — strings with their escapes
    /// applied, words a statement makes — kept until the next line is read. Memory is taken in
    /// chunks that never move, so a word's bytes stay where they are while later words are
    /// stored; a line longer than a chunk gets a chunk of its own size.
    final class Scratch {
        private var chunks: [UnsafeMutableBufferPointer<UInt8>] = []
        /// Bytes used in the last chunk.
        private var used = 0
        static let chunkSize = 4096

        init() {}

        deinit { chunks.forEach { $0.deallocate() } }

        /// Forgets every stored word (the words of the line before). Past one chunk, the chunks
        /// become one chunk of their total size, so a file of long lines settles on one.
        func reset() {
            used = 0
            guard chunks.count > 1 else { return }
            let total = chunks.reduce(0) { $0 + $1.count }
            chunks.forEach { $0.deallocate() }
            chunks = [UnsafeMutableBufferPointer<UInt8>.allocate(capacity: total)]
        }

        /// Room for up to `capacity` bytes, which `fill` writes from the start and returns how
        /// many it wrote (at most `capacity`); the bytes written.
        func store<E: Error>(
            capacity: Int, _ fill: (UnsafeMutableBufferPointer<UInt8>) throws(E) -> Int
        ) throws(E) -> UnsafeBufferPointer<UInt8> {
            if chunks.isEmpty || chunks[chunks.count - 1].count - used < capacity {
                chunks.append(.allocate(capacity: max(capacity, Self.chunkSize)))
                used = 0
            }
            let chunk = chunks[chunks.count - 1]
            let room = UnsafeMutableBufferPointer(rebasing: chunk[used..<(used + capacity)])
            let written = min(try fill(room), capacity)
            used += written
            return UnsafeBufferPointer(rebasing: room[..<written])
        }

        /// A word without quotes whose text is `text`, copied here.
        func word(copying text: String, column: Int) -> Word {
            var text = text
            let bytes = text.withUTF8 { source in
                store(capacity: source.count) { buffer in buffer.initialize(fromContentsOf: source) }
            }
            return Word(bytes: bytes, column: column)
        }
    }

    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let hash = UInt8(ascii: "#")

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == carriageReturn }

    /// The words of the line `bytes` (its UTF-8, without the line end) in `words`, emptied
    /// first with its capacity kept: the reader passes one buffer for every line, and the
    /// line's bytes in place in the file's. The text of words with quotes goes to `scratch`,
    /// whose words of the line before are forgotten.
    static func words(
        in bytes: UnsafeBufferPointer<UInt8>, file: String, lineNumber: Int, into words: inout [Word],
        scratch: Scratch
    ) throws(BootDescriptionError) {
        words.removeAll(keepingCapacity: true)
        scratch.reset()
        let context = Context(file: file, line: lineNumber)
        var columns = ColumnCounter()
        // On an ASCII line (most are) a column is the byte offset plus one.
        let isASCII = ByteScan.isASCII(bytes)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isBlank(byte) {
                index += 1
                continue
            }
            if byte == hash { break }
            let start = index
            let end = wordEnd(bytes, from: index)
            let column = isASCII ? start + 1 : columns.column(of: start, in: bytes)
            if end == bytes.count || bytes[end] != quote {
                words.append(Word(bytes: UnsafeBufferPointer(rebasing: bytes[start..<end]), column: column))
                index = end
                continue
            }
            let (word, next) = try quotedWord(
                bytes, start: start, firstQuote: end, column: column, columns: &columns, scratch: scratch, context)
            words.append(word)
            index = next
        }
    }

    /// The offset of the first blank or quote at or after `start` (or the end): every byte
    /// above `"` goes on with one comparison, which is most of them. (Eight bytes at a time
    /// cost more: a word is about ten bytes long.)
    private static func wordEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        while end < bytes.count {
            let byte = bytes[end]
            if byte <= quote, isBlank(byte) || byte == quote { break }
            end += 1
        }
        return end
    }

    /// Where a diagnostic points (its source line is the bytes the lexer reads).
    struct Context {
        var file: String
        var line: Int
    }

    /// A word with at least one string in it, from `start` (its first byte) to the next blank
    /// outside a string; returns the word and the index after it. Its text goes to `scratch`:
    /// removing quotes and applying escapes only shortens it, so the rest of the line is room
    /// enough.
    private static func quotedWord(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, firstQuote: Int, column: Int, columns: inout ColumnCounter,
        scratch: Scratch, _ context: Context
    ) throws(BootDescriptionError) -> (Word, Int) {
        var index = firstQuote
        var tailStart = firstQuote
        let text = try scratch.store(capacity: bytes.count - start) { (text) throws(BootDescriptionError) -> Int in
            // The prefix and the tail are copied into the text as they are, so they are its
            // first and last bytes.
            var length = firstQuote - start
            _ = text.initialize(fromContentsOf: UnsafeBufferPointer(rebasing: bytes[start..<firstQuote]))
            while index < bytes.count, !isBlank(bytes[index]) {
                if bytes[index] == quote {
                    index = try readString(bytes, from: index, into: text, length: &length, columns: &columns, context)
                    tailStart = index
                    continue
                }
                text[length] = bytes[index]
                length += 1
                index += 1
            }
            return length
        }
        let word = Word(
            quoted: text, column: column, prefixLength: firstQuote - start, tailLength: index - tailStart)
        return (word, index)
    }

    /// Reads `"…"` starting at the opening quote into `text` from `length` on; returns the
    /// index after the closing quote. Each byte read writes at most one, so `text` (as long as
    /// the rest of the line) has room.
    private static func readString(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into text: UnsafeMutableBufferPointer<UInt8>,
        length: inout Int, columns: inout ColumnCounter, _ context: Context
    ) throws(BootDescriptionError) -> Int {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { return index + 1 }
            if byte == backslash {
                guard index + 1 < bytes.count else { break }
                switch bytes[index + 1] {
                case quote: text[length] = quote
                case backslash: text[length] = backslash
                case UInt8(ascii: "n"): text[length] = UInt8(ascii: "\n")
                case UInt8(ascii: "t"): text[length] = tab
                default:
                    let escaped = String(
                        decoding: bytes[(index + 1)...].prefix(scalarLength(bytes[index + 1])), as: UTF8.self)
                    throw .syntax(
                        Diagnostic(
                            .error,
                            at: SourceLocation(
                                file: context.file, line: context.line, column: columns.column(of: index, in: bytes)),
                            "unknown escape '\\\(escaped)' in string", notes: ["strings take \\\", \\\\, \\n and \\t"],
                            sourceLine: String(decoding: bytes, as: UTF8.self)))
                }
                length += 1
                index += 2
                continue
            }
            text[length] = byte
            length += 1
            index += 1
        }
        throw .syntax(
            Diagnostic(
                .error,
                at: SourceLocation(
                    file: context.file, line: context.line, column: columns.column(of: start, in: bytes)),
                "unterminated string", notes: ["close the string with '\"' on the same line"],
                sourceLine: String(decoding: bytes, as: UTF8.self)))
    }

    /// The bytes of the UTF-8 sequence a lead byte starts.
    static func scalarLength(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        return 2
    }

    /// Byte offsets to 1-based scalar columns, counting forward only once over a line (the
    /// lexer asks for columns in increasing order; an earlier offset is counted afresh).
    struct ColumnCounter {
        var counted = 0
        var scalars = 0

        mutating func column(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
            if offset < counted {
                counted = 0
                scalars = 0
            }
            while counted < offset {
                // Continuation bytes (10xxxxxx) do not start a scalar.
                if bytes[counted] & 0xC0 != 0x80 { scalars += 1 }
                counted += 1
            }
            return scalars + 1
        }
    }
}
