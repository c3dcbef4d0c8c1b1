import SourceInput

/// The files one preprocessing run has read, so that token locations (file indices) can be
/// turned into `file:line:column` diagnostics with the offending line.
final class PreprocessorFiles {
    private(set) var names: [String] = []
    private var lines: [[Substring]] = []

    /// Adds a file and returns its index.
    func add(_ name: String, text: String) -> Int {
        names.append(name)
        lines.append(SourceText.lines(text))
        return names.count - 1
    }

    func name(_ file: Int) -> String { file < names.count ? names[file] : "<unknown>" }

    /// The physical line as written, without a trailing carriage return.
    func lineText(file: Int, line: Int) -> String? {
        guard file < lines.count, line >= 1, line - 1 < lines[file].count else { return nil }
        return String(lines[file][line - 1])
    }

    func sourceLocation(_ location: TokenLocation) -> SourceLocation {
        SourceLocation(file: name(location.file), line: location.line, column: location.column)
    }

    func diagnostic(
        _ message: String, at location: TokenLocation, notes: [String] = [], severity: Diagnostic.Severity = .error
    ) -> Diagnostic {
        Diagnostic(
            severity, at: sourceLocation(location), message, notes: notes,
            sourceLine: lineText(file: location.file, line: location.line))
    }
}
