import SourceInput

/// The lines a script was written on, by file and line number: errors found after parsing —
/// when the layout evaluates an expression — show the offending line with a caret, as syntax
/// errors do. For preprocessed text these are the lines the user wrote, not the expansion.
public struct SourceLines: Sendable, Hashable {
    /// A whole file in order, line 1 first: the common case, kept as one array.
    private var file: String?
    private var lines: [Substring] = []
    /// Lines of other files, or out of order (preprocessor origins, line markers).
    private var files: [String: [Int: Substring]] = [:]
    private var count = 0

    /// No lines: diagnostics then have no caret display.
    public init() {}

    /// The text of the line `location` points into, if known.
    public func text(at location: SourceLocation) -> String? {
        if location.file == file, location.line >= 1, location.line <= lines.count {
            return String(lines[location.line - 1])
        }
        return files[location.file]?[location.line].map(String.init)
    }

    /// Records `text` as line `line` of `file`, unless that line is already known.
    mutating func record(_ text: Substring, file name: String, line: Int) {
        if file == nil, lines.isEmpty, line == 1 { file = name }
        if name == file, line == lines.count + 1, files[name] == nil {
            lines.append(text)
            count += 1
            return
        }
        if name == file, line >= 1, line <= lines.count { return }
        guard files[name]?[line] == nil else { return }
        files[name, default: [:]][line] = text
        count += 1
    }

    /// A diagnostic at `location`, with its line for the caret.
    public func diagnostic(
        _ severity: Diagnostic.Severity, at location: SourceLocation, _ message: String, notes: [String] = []
    ) -> Diagnostic {
        Diagnostic(severity, at: location, message, notes: notes, sourceLine: text(at: location))
    }

    public static func == (lhs: SourceLines, rhs: SourceLines) -> Bool {
        lhs.file == rhs.file && lhs.lines == rhs.lines && lhs.files == rhs.files
    }

    /// Only the number of lines: equal tables have equal counts, and hashing a script stays
    /// cheap.
    public func hash(into hasher: inout Hasher) { hasher.combine(count) }
}
