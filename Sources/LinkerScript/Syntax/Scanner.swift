import SourceInput

/// A byte cursor over script text with ld's two lexical modes: names and wildcards (section
/// and file patterns, output section names) and expressions (symbols, numbers, operators).
/// ld's own lexer switches states the same way (ldlex.l: SCRIPT/WILD vs EXPRESSION).
struct Scanner {
    let bytes: [UInt8]
    let source: ScriptSource
    private(set) var pos = 0
    private(set) var line = 1
    private var lineStart = 0
    /// `# 12 "file"` line markers from a preprocessor re-base the reported locations.
    private var markerFile: String?
    private var markerDelta = 0
    /// Every line marker read: from the line after `line` on, locations are in `file`, `delta`
    /// lines on.
    private var markers: [(line: Int, file: String, delta: Int)] = []
    private var lineTexts: [Substring]

    init(source: ScriptSource) {
        self.source = source
        self.bytes = Array(source.text.utf8)
        self.lineTexts = SourceText.lines(source.text)
    }

    var isAtEnd: Bool { pos >= bytes.count }

    func peek(_ offset: Int = 0) -> UInt8? {
        let index = pos + offset
        return index < bytes.count ? bytes[index] : nil
    }

    mutating func advance() {
        guard pos < bytes.count else { return }
        if bytes[pos] == UInt8(ascii: "\n") {
            line += 1
            lineStart = pos + 1
        }
        pos += 1
    }

    // MARK: Locations and diagnostics

    var location: SourceLocation { location(line: line, column: pos - lineStart + 1) }

    func location(line: Int, column: Int) -> SourceLocation {
        if let origins = source.origins, line - 1 < origins.count, line >= 1 {
            let origin = origins[line - 1]
            return SourceLocation(file: origin.file, line: origin.line, column: origin.sourceColumn(column))
        }
        if let markerFile {
            return SourceLocation(file: markerFile, line: line + markerDelta, column: column)
        }
        return SourceLocation(file: source.file, line: line, column: column)
    }

    /// The text of the current line, for the caret display.
    func sourceLine(_ line: Int) -> String? {
        if let origins = source.origins, line >= 1, line - 1 < origins.count,
            let text = origins[line - 1].text
        {
            return text
        }
        guard line >= 1, line - 1 < lineTexts.count else { return nil }
        return String(lineTexts[line - 1])
    }

    func diagnostic(
        _ message: String, at location: SourceLocation? = nil, notes: [String] = [],
        severity: Diagnostic.Severity = .error
    ) -> Diagnostic {
        let loc = location ?? self.location
        // The caret line is always the line of the scanner's text that holds the location.
        let textLine = location == nil ? line : lineNumber(of: loc)
        var allNotes = notes
        if let origins = source.origins, textLine >= 1, textLine - 1 < origins.count,
            let expanded = origins[textLine - 1].expandedText
        {
            allNotes.append("after macro expansion the line reads: \(Scanner.excerpt(expanded))")
        }
        return Diagnostic(severity, at: loc, message, notes: allNotes, sourceLine: sourceLine(textLine))
    }

    /// At most 240 characters of an expanded line, for a note.
    static func excerpt(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: " \t")
        return trimmed.count <= 240 ? trimmed : String(trimmed.prefix(240)) + " …"
    }

    /// Recovers the text line of a location produced by this scanner.
    private func lineNumber(of location: SourceLocation) -> Int {
        if let origins = source.origins {
            return origins.firstIndex { $0.file == location.file && $0.line == location.line }
                .map { $0 + 1 } ?? location.line
        }
        if markerFile != nil { return location.line - markerDelta }
        return location.line
    }

    func syntaxError(_ message: String, at location: SourceLocation? = nil, notes: [String] = [])
        -> LinkerScriptError
    {
        .syntax(diagnostic(message, at: location, notes: notes))
    }

    // MARK: Trivia

    /// Skips white space, `/* */` and `//` comments, and preprocessor line markers.
    mutating func skipTrivia() throws(LinkerScriptError) {
        while let c = peek() {
            if c == UInt8(ascii: " ") || c == UInt8(ascii: "\t") || c == UInt8(ascii: "\n")
                || c == UInt8(ascii: "\r") || c == 0x0B || c == 0x0C
            {
                advance()
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                let start = location
                advance()
                advance()
                var closed = false
                while let d = peek() {
                    if d == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                        advance()
                        advance()
                        closed = true
                        break
                    }
                    advance()
                }
                if !closed {
                    throw syntaxError(
                        "unterminated comment", at: start,
                        notes: ["a comment that opens with '/*' must close with '*/'"])
                }
            } else if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") {
                while let d = peek(), d != UInt8(ascii: "\n") { advance() }
            } else if c == UInt8(ascii: "#"), pos == lineStart {
                skipLineMarker()
            } else {
                return
            }
        }
    }

    /// `# 12 "arch/x86/kernel/vmlinux.lds.S"` (cpp without -P) re-bases later locations; other
    /// `#` lines at the start of a line are skipped.
    private mutating func skipLineMarker() {
        let start = pos
        while let d = peek(), d != UInt8(ascii: "\n") { advance() }
        let text = String(decoding: bytes[start..<pos], as: UTF8.self)
        let parts = text.dropFirst().split(separator: " ", omittingEmptySubsequences: true)
        guard source.origins == nil, parts.count >= 2, let number = Int(parts[0]),
            parts[1].hasPrefix("\""), parts[1].hasSuffix("\""), parts[1].count >= 2
        else { return }
        markerFile = String(parts[1].dropFirst().dropLast())
        // The next line (line + 1) is `number` in that file.
        markerDelta = number - (line + 1)
        if markers.last.map({ $0.line < line }) ?? true {
            markers.append((line, String(parts[1].dropFirst().dropLast()), markerDelta))
        }
    }

    /// The text of every line, by the file and line number locations name (after line
    /// markers and preprocessor origins), for diagnostics found after parsing.
    func sourceLines() -> SourceLines {
        var result = SourceLines()
        if let origins = source.origins {
            for (index, origin) in origins.enumerated() {
                let text = origin.text.map { Substring($0) } ?? (index < lineTexts.count ? lineTexts[index] : "")
                result.record(text, file: origin.file, line: origin.line)
            }
            return result
        }
        var marker = 0
        var file = source.file
        var delta = 0
        for (index, text) in lineTexts.enumerated() {
            let number = index + 1
            while marker < markers.count, markers[marker].line < number {
                file = markers[marker].file
                delta = markers[marker].delta
                marker += 1
            }
            result.record(text, file: file, line: number + delta)
        }
        return result
    }

    // MARK: Tokens

    static func isNameByte(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "\\"),
            UInt8(ascii: "$"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "-"),
            UInt8(ascii: "*"), UInt8(ascii: "?"), UInt8(ascii: "["), UInt8(ascii: "]"),
            UInt8(ascii: "!"), UInt8(ascii: "^"):
            return true
        default:
            return false
        }
    }

    static func isSymbolStart(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "$"):
            return true
        default:
            return false
        }
    }

    static func isSymbolByte(_ c: UInt8) -> Bool {
        isSymbolStart(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    /// A word in name/wildcard mode (`.initcall6.init`, `*`, `/DISCARD/`, `KEEP`), or a quoted
    /// name. Returns nil when the next byte cannot start one.
    mutating func scanWord() throws(LinkerScriptError) -> (String, SourceLocation)? {
        try skipTrivia()
        let start = location
        if peek() == UInt8(ascii: "\"") { return (try scanQuoted(), start) }
        let begin = pos
        while let c = peek(), Scanner.isNameByte(c) {
            // `sym+=1`: an operator-assignment glued to the name belongs to the operator.
            if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: "*")
                || c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "="), pos > begin
            {
                break
            }
            advance()
        }
        guard pos > begin else { return nil }
        return (String(decoding: bytes[begin..<pos], as: UTF8.self), start)
    }

    /// A symbol name in expression mode (`__initcall6_start`, `.`), or nil.
    mutating func scanSymbol() throws(LinkerScriptError) -> (String, SourceLocation)? {
        try skipTrivia()
        guard let first = peek(), Scanner.isSymbolStart(first) else { return nil }
        let start = location
        let begin = pos
        while let c = peek(), Scanner.isSymbolByte(c) { advance() }
        return (String(decoding: bytes[begin..<pos], as: UTF8.self), start)
    }

    /// `"…"`: ld strings have no escapes; a newline before the closing quote is an error.
    mutating func scanQuoted() throws(LinkerScriptError) -> String {
        let start = location
        advance()
        let begin = pos
        while let c = peek(), c != UInt8(ascii: "\"") {
            if c == UInt8(ascii: "\n") { break }
            advance()
        }
        guard peek() == UInt8(ascii: "\"") else {
            throw syntaxError("unterminated string", at: start, notes: ["close the string with '\"' on the same line"])
        }
        let text = String(decoding: bytes[begin..<pos], as: UTF8.self)
        advance()
        return text
    }

    /// A number: decimal, `0x` hex, leading-`0` octal, with an optional `K` or `M` suffix
    /// (×1024, ×1024²), as ld reads them. Overflow is an error, never a trap.
    mutating func scanNumber() throws(LinkerScriptError) -> UInt64? {
        try skipTrivia()
        guard let first = peek(), first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        let start = location
        let begin = pos
        var decimal: UInt64? = 0
        while let c = peek(), Scanner.isSymbolByte(c) {
            // Plain decimal numbers, by far the most common, need no string.
            if let value = decimal, c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9"), pos == begin || bytes[begin] != 0x30
            {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(UInt64(c - UInt8(ascii: "0")))
                decimal = o1 || o2 ? nil : sum
            } else {
                decimal = nil
            }
            advance()
        }
        if let decimal, pos > begin { return decimal }
        let text = String(decoding: bytes[begin..<pos], as: UTF8.self)
        guard let value = Scanner.parseNumber(text) else {
            throw syntaxError(
                "invalid number '\(text)'", at: start,
                notes: ["numbers are decimal, 0x-prefixed hex or 0-prefixed octal, optionally followed by K or M"])
        }
        return value
    }

    static func parseNumber(_ text: String) -> UInt64? {
        var body = Substring(text)
        var multiplier: UInt64 = 1
        if body.hasSuffix("K") || body.hasSuffix("k") {
            multiplier = 1024
            body = body.dropLast()
        } else if body.hasSuffix("M") || body.hasSuffix("m") {
            multiplier = 1024 * 1024
            body = body.dropLast()
        }
        let value: UInt64?
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            value = UInt64(body.dropFirst(2), radix: 16)
        } else if body.count > 1, body.hasPrefix("0") {
            value = UInt64(body.dropFirst(), radix: 8)
        } else {
            value = UInt64(body, radix: 10)
        }
        guard let value else { return nil }
        let (product, overflow) = value.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }

    /// The text up to (not including) `terminator` on the current line, trimmed.
    mutating func scanRaw(until terminator: UInt8) throws(LinkerScriptError) -> String {
        try skipTrivia()
        let begin = pos
        while let c = peek(), c != terminator, c != UInt8(ascii: "\n") { advance() }
        return String(decoding: bytes[begin..<pos], as: UTF8.self).trimmingCharacters(in: " \t")
    }

    /// Consumes `text` if it comes next (after trivia).
    mutating func consume(_ text: String) throws(LinkerScriptError) -> Bool {
        try skipTrivia()
        guard lookingAt(text) else { return false }
        skip(text.utf8.count)
        return true
    }

    /// True when `utf8` comes next (no trivia skipped).
    func lookingAt(_ utf8: [UInt8]) -> Bool {
        guard pos + utf8.count <= bytes.count else { return false }
        for (i, b) in utf8.enumerated() where bytes[pos + i] != b { return false }
        return true
    }

    /// Steps over `count` bytes of the current line (an operator just matched).
    mutating func skip(_ count: Int) {
        for _ in 0..<max(0, count) { advance() }
    }

    func lookingAt(_ text: String) -> Bool {
        var i = pos
        for b in text.utf8 {
            guard i < bytes.count, bytes[i] == b else { return false }
            i += 1
        }
        return true
    }

    mutating func expect(_ text: String, _ context: String) throws(LinkerScriptError) {
        if try consume(text) { return }
        let found = peek().map { "'\(String(decoding: [$0], as: UTF8.self))'" } ?? "end of file"
        throw syntaxError("expected '\(text)' \(context), found \(found)")
    }

    /// Skips a statement the parser does not model: up to and including the next `;` at
    /// nesting depth 0, or a balanced `{ … }` / `( … )` group. Always makes progress.
    mutating func skipStatement() throws(LinkerScriptError) {
        var depth = 0
        let start = pos
        while let c = peek() {
            if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                try skipTrivia()
                continue
            }
            if c == UInt8(ascii: "\"") {
                _ = try scanQuoted()
                continue
            }
            advance()
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "("):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: ")"):
                depth -= 1
                if depth == 0, c == UInt8(ascii: "}") {
                    _ = try consume(";")
                    return
                }
                if depth < 0 { return }
            case UInt8(ascii: ";") where depth == 0:
                return
            case UInt8(ascii: "\n") where depth == 0 && pos - start > 1:
                // A statement without ';' (e.g. INSERT AFTER .data) ends at the line's end.
                if !lookingAtContinuation() { return }
            default:
                break
            }
        }
    }

    private func lookingAtContinuation() -> Bool {
        var i = pos
        while i < bytes.count, bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < bytes.count else { return false }
        return bytes[i] == UInt8(ascii: "{") || bytes[i] == UInt8(ascii: "(")
    }

    /// Skips one balanced `( … )` group starting at the next `(`.
    mutating func skipParenthesized() throws(LinkerScriptError) {
        try skipBalanced(open: "(", close: ")", opening: "after the command name")
    }

    /// Skips one balanced `{ … }` block starting at the next `{`.
    mutating func skipBlock() throws(LinkerScriptError) {
        try skipBalanced(open: "{", close: "}", opening: "to open the block")
    }

    /// Skips from the next `open` to its matching `close`, stepping over comments and strings.
    private mutating func skipBalanced(open: Unicode.Scalar, close: Unicode.Scalar, opening: String)
        throws(LinkerScriptError)
    {
        try expect(String(open), opening)
        var depth = 1
        while depth > 0 {
            guard let c = peek() else {
                throw syntaxError(
                    "unterminated '\(open)' group", notes: ["every '\(open)' needs a matching '\(close)'"])
            }
            if c == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                try skipTrivia()
                continue
            }
            if c == UInt8(ascii: "\"") {
                _ = try scanQuoted()
                continue
            }
            advance()
            if c == UInt8(ascii: open) { depth += 1 }
            if c == UInt8(ascii: close) { depth -= 1 }
        }
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        let scalars = Set(set.unicodeScalars)
        var view = Substring(self)
        while let first = view.unicodeScalars.first, scalars.contains(first) { view = view.dropFirst() }
        while let last = view.unicodeScalars.last, scalars.contains(last) { view = view.dropLast() }
        return String(view)
    }
}
