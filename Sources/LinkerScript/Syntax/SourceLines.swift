import SourceInput

/// The lines a script was written on, by file and line number: errors found after parsing —
/// when the layout evaluates an expression — show the offending line with a caret, as syntax
/// errors do. For preprocessed text these are the lines the user wrote, not the expansion.
public struct SourceLines: Sendable, Hashable {
    private var files: [String: [Int: String]] = [:]
    private var count = 0

    /// No lines: diagnostics then have no caret display.
    public init() {}

    /// The text of the line `location` points into, if known.
    public func text(at location: SourceLocation) -> String? {
        files[location.file]?[location.line]
    }

    /// Records `text` as line `line` of `file`, unless that line is already known.
    mutating func record(_ text: String, file: String, line: Int) {
        guard files[file]?[line] == nil else { return }
        files[file, default: [:]][line] = text
        count += 1
    }

    /// A diagnostic at `location`, with its line for the caret.
    public func diagnostic(
        _ severity: Diagnostic.Severity, at location: SourceLocation, _ message: String, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(severity, at: location, message, notes: notes, sourceLine: text(at: location))
    }

    public static func == (lhs: SourceLines, rhs: SourceLines) -> Bool { lhs.files == rhs.files }

    /// Only the number of lines: equal tables have equal counts, and hashing a script stays
    /// cheap.
    public func hash(into hasher: inout Hasher) { hasher.combine(count) }
}
