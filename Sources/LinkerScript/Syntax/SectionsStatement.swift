import SourceInput

/// A statement inside `SECTIONS { … }`.
public enum SectionsStatement: Sendable, Hashable {
    /// An output section description (`.init.data : { … }`).
    case output(OutputSection)
    /// A symbol or location-counter assignment between output sections (`. = ALIGN(4096);`).
    case assignment(Assignment)
    /// `ASSERT(expr, "message")`.
    case assertion(Assertion)
    /// `ENTRY(symbol)`.
    case entry(String, SourceLocation)
    /// `INCLUDE file`: recorded, not read.
    case include(String, SourceLocation)
    /// A command that places nothing, kept by name as at the top level
    /// (``ScriptStatement/ignored(keyword:_:)``).
    case ignored(keyword: String, SourceLocation)
}
