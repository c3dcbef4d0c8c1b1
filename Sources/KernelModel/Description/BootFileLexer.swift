import SourceInput

/// Splits one `.boot` line into words. A word is a run of bare characters and `"…"` strings
/// with no space between them (`printk=KERN_ERR:"no chip"` is one word); `#` at the start of a
/// word begins a comment. Strings take `\"`, `\\`, `\n` and `\t`.
///
/// The lexer walks Unicode scalars, not `Character`s: a quote followed by a combining mark is
/// still a quote (as a `Character` it would be one grapheme with the mark), and columns count
/// scalars.
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

    static func words(in line: String, file: String, lineNumber: Int) throws(BootDescriptionError) -> [Word] {
        let characters = Array(line.unicodeScalars)
        var words: [Word] = []
        var index = 0
        while index < characters.count {
            let c = characters[index]
            if c == " " || c == "\t" || c == "\r" {
                index += 1
                continue
            }
            if c == "#" { break }
            let start = index
            var text = String.UnicodeScalarView()
            var prefix = String.UnicodeScalarView()
            var tail = String.UnicodeScalarView()
            var quoted = false
            while index < characters.count {
                let d = characters[index]
                if d == " " || d == "\t" || d == "\r" { break }
                if d == "\"" {
                    quoted = true
                    tail = String.UnicodeScalarView()
                    index = try readString(
                        characters, from: index, into: &text, file: file, line: lineNumber, source: line)
                    continue
                }
                text.append(d)
                if quoted { tail.append(d) } else { prefix.append(d) }
                index += 1
            }
            words.append(
                Word(
                    text: String(text), column: start + 1, unquotedPrefix: String(prefix), hasQuotes: quoted,
                    tail: quoted ? String(tail) : nil))
        }
        return words
    }

    /// Reads `"…"` starting at the opening quote; returns the index after the closing quote.
    private static func readString(
        _ characters: [Unicode.Scalar], from start: Int, into text: inout String.UnicodeScalarView, file: String,
        line: Int,
        source: String
    ) throws(BootDescriptionError) -> Int {
        var index = start + 1
        while index < characters.count {
            let c = characters[index]
            if c == "\"" { return index + 1 }
            if c == "\\" {
                guard index + 1 < characters.count else { break }
                let escaped = characters[index + 1]
                switch escaped {
                case "\"": text.append("\"")
                case "\\": text.append("\\")
                case "n": text.append("\n")
                case "t": text.append("\t")
                default:
                    throw .syntax(
                        Diagnostic(
                            .error, at: SourceLocation(file: file, line: line, column: index + 1),
                            "unknown escape '\\\(escaped)' in string", notes: ["strings take \\\", \\\\, \\n and \\t"],
                            sourceLine: source))
                }
                index += 2
                continue
            }
            text.append(c)
            index += 1
        }
        throw .syntax(
            Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: start + 1), "unterminated string",
                notes: ["close the string with '\"' on the same line"], sourceLine: source))
    }
}
