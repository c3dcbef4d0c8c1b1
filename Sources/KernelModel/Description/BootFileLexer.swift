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
    /// One word of a line. A word without quotes is its bytes in the line, in place, and
    /// becomes a `String` only when a statement asks for ``text``: most words of a
    /// registration line (`time=3us`, the macro) are read as bytes and never need one. Such a
    /// word lives only while its line is read — the reader's words buffer, inside the file
    /// text's `withUTF8` — and no statement keeps a word past its line.
    struct Word: Equatable {
        private enum Storage {
            /// The line's bytes of a word without quotes.
            case bytes(UnsafeBufferPointer<UInt8>)
            /// The text of a word with quotes (removed, escapes applied), or one a statement made.
            case string(String)
        }

        private var storage: Storage
        /// 1-based column of the word's first character.
        var column: Int
        /// The bytes of ``text`` before the first quote (all of them without quotes): the part
        /// that can hold `key=` and a `KERN_…:` prefix.
        var prefixLength: Int
        /// The bytes of ``text`` after the last closing quote; nil without quotes.
        var tailLength: Int?

        /// A word without quotes made from `text` (not read from a line).
        init(text: String, column: Int) {
            self.init(storage: .string(text), column: column, prefixLength: text.utf8.count, tailLength: nil)
        }

        /// A word without quotes: `bytes` of the line being read.
        init(bytes: UnsafeBufferPointer<UInt8>, column: Int) {
            self.init(storage: .bytes(bytes), column: column, prefixLength: bytes.count, tailLength: nil)
        }

        /// A word with quotes: its text, and the lengths of its unquoted prefix and tail.
        init(quoted text: String, column: Int, prefixLength: Int, tailLength: Int) {
            self.init(storage: .string(text), column: column, prefixLength: prefixLength, tailLength: tailLength)
        }

        private init(storage: Storage, column: Int, prefixLength: Int, tailLength: Int?) {
            self.storage = storage
            self.column = column
            self.prefixLength = prefixLength
            self.tailLength = tailLength
        }

        /// The text with quotes removed and escapes applied.
        var text: String {
            switch storage {
            case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
            case .string(let text): text
            }
        }

        /// Calls `body` with the UTF-8 bytes of ``text``, without making it a `String`.
        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
            switch storage {
            case .bytes(let bytes): try body(bytes)
            case .string(let text): try text.withUTF8Bytes(body)
            }
        }

        var hasQuotes: Bool { tailLength != nil }

        /// The text up to the first quote.
        var unquotedPrefix: Substring { Substring(text.utf8.prefix(prefixLength)) }

        /// The unquoted text after the last closing quote (`,age` of `printk="%d\n",age`); nil
        /// without quotes.
        var tail: Substring? { tailLength.map { Substring(text.utf8.suffix($0)) } }

        /// The word with `prefix` (no quotes in it) written before it, at the same column.
        func prefixed(by prefix: String) -> Word {
            Word(
                storage: .string(prefix + text), column: column, prefixLength: prefix.utf8.count + prefixLength,
                tailLength: tailLength)
        }

        static func == (lhs: Word, rhs: Word) -> Bool {
            lhs.text == rhs.text && lhs.column == rhs.column && lhs.prefixLength == rhs.prefixLength
                && lhs.tailLength == rhs.tailLength
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
    /// line's bytes in place in the file's.
    static func words(
        in bytes: UnsafeBufferPointer<UInt8>, file: String, lineNumber: Int, into words: inout [Word]
    ) throws(BootDescriptionError) {
        words.removeAll(keepingCapacity: true)
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
                bytes, start: start, firstQuote: end, column: column, columns: &columns, context)
            words.append(word)
            index = next
        }
    }

    /// The offset of the first blank or quote at or after `start` (or the end): every byte
    /// above `"` goes on with one comparison, which is most of them.
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
    /// outside a string; returns the word and the index after it.
    private static func quotedWord(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, firstQuote: Int, column: Int, columns: inout ColumnCounter,
        _ context: Context
    ) throws(BootDescriptionError) -> (Word, Int) {
        var text = Array(UnsafeBufferPointer(rebasing: bytes[start..<firstQuote]))
        var tailStart = firstQuote
        var index = firstQuote
        while index < bytes.count, !isBlank(bytes[index]) {
            if bytes[index] == quote {
                index = try readString(bytes, from: index, into: &text, columns: &columns, context)
                tailStart = index
                continue
            }
            text.append(bytes[index])
            index += 1
        }
        // The prefix and the tail are copied into the text as they are, so they are its first
        // and last bytes.
        let word = Word(
            quoted: String(decoding: text, as: UTF8.self), column: column, prefixLength: firstQuote - start,
            tailLength: index - tailStart)
        return (word, index)
    }

    /// Reads `"…"` starting at the opening quote; returns the index after the closing quote.
    private static func readString(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into text: inout [UInt8], columns: inout ColumnCounter,
        _ context: Context
    ) throws(BootDescriptionError) -> Int {
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == quote { return index + 1 }
            if byte == backslash {
                guard index + 1 < bytes.count else { break }
                switch bytes[index + 1] {
                case quote: text.append(quote)
                case backslash: text.append(backslash)
                case UInt8(ascii: "n"): text.append(UInt8(ascii: "\n"))
                case UInt8(ascii: "t"): text.append(tab)
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
                index += 2
                continue
            }
            text.append(byte)
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
