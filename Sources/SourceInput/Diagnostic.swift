/// One message about an input file: an error that stops processing, or a warning that does not.
///
/// Rendered the way compilers do, with the offending line and a caret under the column:
///
///     vmlinux.lds:12:5: error: expected ';' after assignment
///       __initcall_end = .
///         ^
///     note: an assignment ends with ';'
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The input cannot be used: processing stops here.
        case error
        /// Processing goes on, but the input may not mean what its author intended.
        case warning
        /// A remark that goes with another diagnostic.
        case note
    }

    /// Whether it is an error, a warning or a note.
    public var severity: Severity
    /// Where in the input it points: `file:line:column`.
    public var location: SourceLocation
    /// What is wrong, in one line.
    public var message: String
    /// Extra lines: what was expected, how to fix it.
    public var notes: [String]
    /// The text of the line `location` points into, when known, for the caret display.
    public var sourceLine: String?

    /// A diagnostic of `severity` at `location` saying `message`, with `notes` to print after it
    /// and the text of the offending line for the caret display.
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
    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    /// The full rendering: the headline, the source line with a caret, then the notes.
    public func rendered() -> String {
        var lines = [description]
        if let sourceLine {
            let text = sourceLine.replacingTabsForDisplay()
            lines.append("  " + text)
            let caretColumn = max(1, min(location.column, text.count + 1))
            lines.append("  " + String(repeating: " ", count: caretColumn - 1) + "^")
        }
        for note in notes { lines.append("note: " + note) }
        return lines.joined(separator: "\n")
    }
}

extension String {
    /// Tabs become single spaces so that the caret lines up with the column count.
    fileprivate func replacingTabsForDisplay() -> String {
        String(self.map { $0 == "\t" ? " " : $0 })
    }
}
