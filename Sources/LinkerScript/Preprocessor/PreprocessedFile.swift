import SourceInput

/// What preprocessing produced: the text for the ld parser with per-line origins, the macros
/// defined at the end, and the warnings given.
public struct PreprocessedFile: Sendable {
    /// The text for the ld parser, every line knowing the file and line it came from.
    public var source: ScriptSource
    /// The macros still defined at the end of the run.
    public var macros: MacroTable
    /// What the run warned about without stopping: `#warning` lines, redefined macros, a macro name
    /// not followed by white space.
    public var warnings: [Diagnostic]
    /// Every file read, the main file first, in reading order.
    public var files: [String]
    /// The output tokens with the place the user wrote them (the invocation's place for
    /// tokens from a macro expansion), for readers of C declarations in level files.
    public var tokens: [(text: String, location: SourceLocation)]
}
