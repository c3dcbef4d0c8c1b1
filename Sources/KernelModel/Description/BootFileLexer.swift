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
    struct Word: Equatable {
        /// The text with quotes removed and escapes applied.
        var text: String
        /// 1-based column of the word's first character.
        var column: Int
        /// The text up to the first quote: the part that can hold `key=` and a `KERN_…:` prefix.
        var unquotedPrefix: String
        var hasQuotes: Bool
        /// The unquoted text after the last closing quote (`,age` of `printk="%d\n",age`); nil
        /// without quotes.
        var tail: String? = nil
    }

    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let carriageReturn = UInt8(ascii: "\r")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let hash = UInt8(ascii: "#")

    static func isBlank(_ byte: UInt8) -> Bool { byte == space || byte == tab || byte == carriageReturn }

    static func words(in line: Substring, file: String, lineNumber: Int) throws(BootDescriptionError) -> [Word] {
        // Over the line's own contiguous UTF-8 storage (a `.boot` line is a slice of the file's
        // native string); a copy only for the strings that have none.
        let context = Context(file: file, line: lineNumber, source: line)
        let read = { (bytes: UnsafeBufferPointer<UInt8>) -> Result<[Word], BootDescriptionError> in
            do throws(BootDescriptionError) {
                return .success(try words(in: bytes, context))
            } catch {
                return .failure(error)
            }
        }
        return try line.withUTF8Bytes(read).get()
    }

    private static func words(in bytes: UnsafeBufferPointer<UInt8>, _ context: Context) throws(BootDescriptionError)
        -> [Word]
    {
        var columns = ColumnCounter()
        var words: [Word] = []
        // A registration line has a handful of words: one allocation instead of a regrowth
        // for the first, second and fourth.
        words.reserveCapacity(8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isBlank(byte) {
                index += 1
                continue
            }
            if byte == hash { break }
            let start = index
            var end = index
            while end < bytes.count, !isBlank(bytes[end]), bytes[end] != quote { end += 1 }
            let column = columns.column(of: start, in: bytes)
            if end == bytes.count || bytes[end] != quote {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                words.append(Word(text: text, column: column, unquotedPrefix: text, hasQuotes: false))
                index = end
                continue
            }
            let (word, next) = try quotedWord(
                bytes, start: start, firstQuote: end, column: column, columns: &columns, context)
            words.append(word)
            index = next
        }
        return words
    }

    /// Where a diagnostic points.
    struct Context {
        var file: String
        var line: Int
        var source: Substring
    }

    /// A word with at least one string in it, from `start` (its first byte) to the next blank
    /// outside a string; returns the word and the index after it.
    private static func quotedWord(
        _ bytes: UnsafeBufferPointer<UInt8>, start: Int, firstQuote: Int, column: Int, columns: inout ColumnCounter,
        _ context: Context
    ) throws(BootDescriptionError) -> (Word, Int) {
        var text = Array(UnsafeBufferPointer(rebasing: bytes[start..<firstQuote]))
        let prefix = String(decoding: text, as: UTF8.self)
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
        let word = Word(
            text: String(decoding: text, as: UTF8.self), column: column, unquotedPrefix: prefix, hasQuotes: true,
            tail: String(decoding: UnsafeBufferPointer(rebasing: bytes[tailStart..<index]), as: UTF8.self))
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
                            sourceLine: String(context.source)))
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
                sourceLine: String(context.source)))
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
