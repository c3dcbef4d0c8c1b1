import SourceInput

/// Everything that can go wrong reading or laying out a linker script. Each case carries a
/// ``Diagnostic`` with file, line, column and what was expected.
public enum LinkerScriptError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text is not valid ld script syntax (ld: "syntax error").
    case syntax(Diagnostic)
    /// An expression cannot be evaluated: undefined symbol, division by zero, overflow.
    case evaluation(Diagnostic)
    /// The layout is impossible, e.g. the location counter moves backwards
    /// (ld: "cannot move location counter backwards").
    case layout(Diagnostic)
    /// The C preprocessor layer rejected the input (bad directive, runaway macro, include).
    case preprocessor(Diagnostic)

    /// The diagnostic the error carries: file, line, column, the line and what was expected.
    public var diagnostic: Diagnostic {
        switch self {
        case .syntax(let d), .evaluation(let d), .layout(let d), .preprocessor(let d): return d
        }
    }

    public var description: String { diagnostic.description }
}
