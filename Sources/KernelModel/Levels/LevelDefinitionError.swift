import LinkerScript
import SourceInput

/// Why a levels file cannot be read.
public enum LevelDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The C preprocessor rejected the file (bad directive, unterminated `#if`, …).
    case preprocessor(LinkerScriptError)
    /// The file preprocesses but says something that is not a level table.
    case invalid(Diagnostic)

    /// The diagnostic of the error: file, line, column, the line and what was expected.
    public var diagnostic: Diagnostic {
        switch self {
        case .preprocessor(let error): return error.diagnostic
        case .invalid(let d): return d
        }
    }

    public var description: String { diagnostic.description }
}
