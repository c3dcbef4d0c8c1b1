import SourceInput

/// Splits one file's text into preprocessing tokens: joins backslash-continued lines, turns
/// comments into white space, and emits a `.newline` token at every end of a logical line.
/// Runs in one pass over the bytes, so its cost is linear in the input.
struct PreprocessingLexer {
    private var bytes: [UInt8] = []
    /// Physical line and column of each byte of `bytes` (after line splicing).
    private var lines: [Int32] = []
    private var columns: [Int32] = []
    private let file: Int
    private let fileName: String
    private let physicalLines: [Substring]
    /// Where a backslash was separated from its newline by white space: GCC still joins the
    /// lines, and warns (see ``warnings``).
    private(set) var spacedSplices: [(line: Int32, column: Int32)] = []

    init(text: String, file: Int, fileName: String) {
        self.file = file
        self.fileName = fileName
        self.physicalLines = SourceText.lines(text)
        splice(Array(text.utf8))
    }

    /// Translation phase 2: a backslash at the end of a line joins it with the next. Like GCC
    /// (libcpp's `_cpp_clean_line`), a backslash followed by spaces or tabs and then the end of
    /// the line joins it too, with a warning — kernel headers copied from articles often carry
    /// such trailing spaces.
    private mutating func splice(_ raw: [UInt8]) {
        bytes.reserveCapacity(raw.count)
        var line: Int32 = 1
        var column: Int32 = 1
        var i = 0
        while i < raw.count {
            let c = raw[i]
            if c == UInt8(ascii: "\\") {
                var j = i + 1
                while j < raw.count,
                    raw[j] == UInt8(ascii: " ") || raw[j] == UInt8(ascii: "\t")
                        || raw[j] == UInt8(ascii: "\r")
                {
                    j += 1
                }
                if j < raw.count, raw[j] == UInt8(ascii: "\n") {
                    if j > i + 1 { spacedSplices.append((line, column)) }
                    i = j + 1
                    line += 1
                    column = 1
                    continue
                }
            }
            if c == UInt8(ascii: "\r"), i + 1 < raw.count, raw[i + 1] == UInt8(ascii: "\n") {
                i += 1
                continue
            }
            bytes.append(c)
            lines.append(line)
            columns.append(column)
            if c == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else {
                column += 1
            }
            i += 1
        }
    }

    /// GCC's warning for each backslash separated from its newline by white space.
    var warnings: [Diagnostic] {
        spacedSplices.map { splice in
            Diagnostic(
                .warning,
                at: SourceLocation(file: fileName, line: Int(splice.line), column: Int(splice.column)),
                "backslash and newline separated by space",
                sourceLine: lineText(Int(splice.line)))
        }
    }

    /// The source text of a physical line, for caret displays.
    func lineText(_ line: Int) -> String? {
        guard line >= 1, line - 1 < physicalLines.count else { return nil }
        return String(physicalLines[line - 1])
    }

    private func location(_ index: Int) -> TokenLocation {
        if index < bytes.count {
            return TokenLocation(file: file, line: Int(lines[index]), column: Int(columns[index]))
        }
        let lastLine = lines.last.map { Int($0) } ?? 1
        return TokenLocation(file: file, line: lastLine, column: (columns.last.map { Int($0) } ?? 0) + 1)
    }

    /// Every token of the file, ending with a newline token.
    func tokenize() throws(LinkerScriptError) -> [PreprocessingToken] {
        var tokens: [PreprocessingToken] = []
        var i = 0
        var space = false
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\n") {
                tokens.append(PreprocessingToken(kind: .newline, text: "\n", spaceBefore: space, location: location(i)))
                space = false
                i += 1
                continue
            }
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == 0x0B || c == 0x0C || c == UInt8(ascii: "\r") {
                space = true
                i += 1
                continue
            }
            if c == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "*") {
                i = try skipBlockComment(from: i)
                space = true
                continue
            }
            if c == UInt8(ascii: "/"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "/") {
                while i < bytes.count, bytes[i] != UInt8(ascii: "\n") { i += 1 }
                space = true
                continue
            }
            let (kind, end) = try scanToken(at: i)
            let text = String(decoding: bytes[i..<end], as: UTF8.self)
            tokens.append(PreprocessingToken(kind: kind, text: text, spaceBefore: space, location: location(i)))
            space = false
            i = end
        }
        if tokens.last?.isNewline != true {
            tokens.append(
                PreprocessingToken(kind: .newline, text: "\n", spaceBefore: false, location: location(bytes.count)))
        }
        return tokens
    }

    private func skipBlockComment(from start: Int) throws(LinkerScriptError) -> Int {
        var i = start + 2
        while i + 1 < bytes.count {
            if bytes[i] == UInt8(ascii: "*"), bytes[i + 1] == UInt8(ascii: "/") { return i + 2 }
            i += 1
        }
        throw error("unterminated comment", at: start, notes: ["a comment that opens with '/*' must close with '*/'"])
    }

    /// The kind and end of the token starting at `i` (not white space, not a comment).
    private func scanToken(at i: Int) throws(LinkerScriptError) -> (PreprocessingToken.Kind, Int) {
        let c = bytes[i]
        if Self.isIdentifierStart(c) {
            var j = i + 1
            while j < bytes.count, Self.isIdentifierByte(bytes[j]) { j += 1 }
            return (.identifier, j)
        }
        if Self.isDigit(c) || (c == UInt8(ascii: ".") && i + 1 < bytes.count && Self.isDigit(bytes[i + 1])) {
            return (.number, scanNumber(from: i))
        }
        if c == UInt8(ascii: "\""), let end = closingQuote(from: i, quote: c) {
            return (.string, end)
        }
        if c == UInt8(ascii: "'"), let end = closingQuote(from: i, quote: c) {
            return (.character, end)
        }
        if c == UInt8(ascii: "#"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "#") {
            return (.punctuator, i + 2)
        }
        if c == UInt8(ascii: "."), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "."),
            bytes[i + 2] == UInt8(ascii: ".")
        {
            return (.punctuator, i + 3)
        }
        // Everything else is one punctuator byte (a UTF-8 sequence stays whole). Multi-byte
        // operators are written back without the space, so `<<=` survives as it was.
        var j = i + 1
        if c >= 0xC0 {
            while j < bytes.count, bytes[j] & 0xC0 == 0x80 { j += 1 }
        }
        return (.punctuator, j)
    }

    /// C's pp-number: a digit (or `.digit`) followed by digits, letters, `_`, `.` and signed
    /// exponents.
    private func scanNumber(from start: Int) -> Int {
        var j = start + 1
        while j < bytes.count {
            let d = bytes[j]
            if d == UInt8(ascii: "+") || d == UInt8(ascii: "-"),
                [UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "p"), UInt8(ascii: "P")].contains(bytes[j - 1])
            {
                j += 1
            } else if Self.isIdentifierByte(d) || d == UInt8(ascii: ".") {
                j += 1
            } else {
                break
            }
        }
        return j
    }

    /// In assembler-with-cpp mode, as kbuild preprocesses linker scripts, a quote without its
    /// closing partner on the same line is an ordinary character (ld's own scanner then says
    /// what is wrong); a closed one is a string or character literal.
    private func closingQuote(from start: Int, quote: UInt8) -> Int? {
        var j = start + 1
        while j < bytes.count, bytes[j] != UInt8(ascii: "\n") {
            if bytes[j] == UInt8(ascii: "\\"), j + 1 < bytes.count, bytes[j + 1] != UInt8(ascii: "\n") {
                j += 2
                continue
            }
            if bytes[j] == quote { return quote == UInt8(ascii: "'") && j == start + 1 ? nil : j + 1 }
            j += 1
        }
        return nil
    }

    private func error(_ message: String, at index: Int, notes: [String] = []) -> LinkerScriptError {
        let loc = location(index)
        return .preprocessor(
            Diagnostic(
                .error, at: SourceLocation(file: fileName, line: loc.line, column: loc.column), message, notes: notes,
                sourceLine: lineText(loc.line)))
    }

    static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || c == UInt8(ascii: "_") || c == UInt8(ascii: "$")
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    static func isIdentifierByte(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }

    /// Lexes a short text (a pasted token, a `-D` value) without locations that matter.
    static func lex(_ text: String, file: Int, at location: TokenLocation) -> [PreprocessingToken]? {
        let lexer = PreprocessingLexer(text: text, file: file, fileName: "")
        guard var tokens = try? lexer.tokenize() else { return nil }
        tokens.removeAll { $0.isNewline }
        for i in tokens.indices { tokens[i].location = location }
        return tokens
    }
}
