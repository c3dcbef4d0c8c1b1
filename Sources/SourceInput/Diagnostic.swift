/// One message about an input file: an error that stops processing, or a warning that does not.
///
/// Rendered the way compilers do, with the offending line and a caret under the column:
///
///     vmlinux.lds:12:5: error: expected ';' after assignment
///       __initcall_end = .
///         ^
///     note: an assignment ends with ';'
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning, note
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// Extra lines: what was expected, how to fix it.
    public var notes: [String]
    /// The text of the line `location` points into, when known, for the caret display.
    public var sourceLine: String?

    public init(
        _ severity: Severity, at location: SourceLocation, _ message: String,
        notes: [String] = [], sourceLine: String? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.notes = notes
        self.sourceLine = sourceLine
    }

    /// `file:line:column: severity: message`, on one line.
    public var description: String {
        "\(location): \(severity.rawValue): \(Diagnostic.clipped(message, to: Diagnostic.messageLimit))"
    }

    /// The most characters of a message, a note or a source line a rendering shows: a 1 MB
    /// bad token must not make megabytes of standard error, and a file that is not what it
    /// was taken for (`/etc/passwd` named as a linker script) is only ever quoted a line at a
    /// time, and in part.
    public static let messageLimit = 400
    /// The most characters of the source line shown around the caret.
    public static let excerptLimit = 120
    /// The most notes shown.
    public static let noteLimit = 8

    /// The full rendering: the headline, the source line with a caret, then the notes.
    public func rendered() -> String {
        var lines = [description]
        if let sourceLine {
            let (text, caretColumn) = Diagnostic.excerpt(sourceLine.replacingTabsForDisplay(), around: location.column)
            lines.append("  " + text)
            lines.append("  " + String(repeating: " ", count: caretColumn - 1) + "^")
        }
        for note in notes.prefix(Diagnostic.noteLimit) {
            lines.append("note: " + Diagnostic.clipped(note, to: Diagnostic.messageLimit))
        }
        if notes.count > Diagnostic.noteLimit {
            lines.append("note: \(notes.count - Diagnostic.noteLimit) more notes not shown")
        }
        return lines.joined(separator: "\n")
    }

    /// `text` cut to `limit` characters, with `…` where it was cut.
    static func clipped(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// At most ``excerptLimit`` characters of `line` around `column`, and the caret's column
    /// in that excerpt.
    static func excerpt(_ line: String, around column: Int) -> (String, Int) {
        let characters = Array(line)
        let caret = max(1, min(column, characters.count + 1))
        guard characters.count > excerptLimit else { return (line, caret) }
        let start = max(0, min(caret - 1 - excerptLimit / 2, characters.count - excerptLimit))
        let end = min(characters.count, start + excerptLimit)
        let prefix = start > 0 ? "…" : ""
        let suffix = end < characters.count ? "…" : ""
        return (prefix + String(characters[start..<end]) + suffix, caret - start + prefix.count)
    }
}

extension String {
    /// Tabs become single spaces so that the caret lines up with the column count.
    fileprivate func replacingTabsForDisplay() -> String {
        String(self.map { $0 == "\t" ? " " : $0 })
    }
}
