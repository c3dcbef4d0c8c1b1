/// Text for the parser, and where each of its lines came from.
///
/// A hand-written script is its own origin. Text produced by the C preprocessor layer carries
/// one `LineOrigin` per output line, so that a syntax error in the expanded text is reported
/// at the file and line the user wrote.
public struct ScriptSource: Sendable, Hashable {
    /// The text the parser reads: the file itself, or the preprocessor's output.
    public var text: String
    /// The file the text came from (for preprocessed text, the main file).
    public var file: String
    /// One entry per line of `text` (index 0 is line 1), or nil when the text is the file.
    package var origins: [LineOrigin]?

    package init(text: String, file: String, origins: [LineOrigin]? = nil) {
        self.text = text
        self.file = file
        self.origins = origins
    }
}
