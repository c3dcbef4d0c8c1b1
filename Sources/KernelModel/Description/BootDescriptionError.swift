import LinkerScript
import SourceInput

/// Why a `.boot` description cannot be read. Every case carries a ``Diagnostic`` with file,
/// line, column, the offending line and what was expected.
public enum BootDescriptionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line does not tokenize: an unterminated string, a bad escape.
    case syntax(Diagnostic)
    /// A statement or attribute that does not exist, or a value of the wrong form.
    case invalid(Diagnostic)
    /// A file the description refers to cannot be read.
    case file(Diagnostic)
    /// The linker script the description names does not parse.
    case linkerScript(LinkerScriptError)
    /// The level definitions the description names cannot be read.
    case levels(LevelDefinitionError)

    /// The diagnostic of the error, whichever reader reported it: file, line, column, the line and
    /// what was expected.
    public var diagnostic: Diagnostic {
        switch self {
        case .syntax(let d), .invalid(let d), .file(let d): return d
        case .linkerScript(let error): return error.diagnostic
        case .levels(let error): return error.diagnostic
        }
    }

    public var description: String { diagnostic.description }
}
