import SourceInput

/// A top-level command of the script.
public enum ScriptStatement: Sendable, Hashable {
    /// `SECTIONS { … }`
    case sections([SectionsStatement], SourceLocation)
    /// `ENTRY(symbol)`
    case entry(String, SourceLocation)
    /// `OUTPUT_ARCH(arch)`
    case outputArch(String, SourceLocation)
    /// `OUTPUT_FORMAT(default[, big, little])`
    case outputFormat([String], SourceLocation)
    /// `sym = expr;`, `PROVIDE(sym = expr)`, …
    case assignment(Assignment)
    /// `ASSERT(expr, "message")`
    case assertion(Assertion)
    /// `INCLUDE file`
    case include(String, SourceLocation)
    /// A command ld knows that does not affect section placement (`PHDRS`, `MEMORY`, `TARGET`,
    /// `SEARCH_DIR`, …): kept by name so that tools can list it.
    case ignored(keyword: String, SourceLocation)
}
