/// A preprocessing token, as C's translation phase 3 makes them: identifiers, pp-numbers,
/// string and character literals, punctuators. Newlines are tokens too, because directives
/// and the output's line structure depend on them.
struct PreprocessingToken: Sendable, Hashable {
    enum Kind: Sendable, Hashable {
        case identifier, number, string, character, punctuator, newline
        /// The empty result of `##` with an empty argument (C11 6.10.3.3 "placemarker").
        case placemarker
    }

    var kind: Kind
    var text: String
    /// White space (or a comment) came before the token on its line.
    var spaceBefore: Bool
    /// Where the token is reported: its own place for source tokens, the invocation's place
    /// for tokens a macro expansion produced.
    var location: TokenLocation
    /// True when the token comes from a macro body rather than from the source as written.
    var fromExpansion = false
    /// True when the token was written as a macro argument: it keeps its own place, but the
    /// output line no longer lines up with the source.
    var fromArgument = false
    /// Macros that must not expand this token again (the no-self-recursion rule, C11
    /// 6.10.3.4p2), as an index into the expander's ``HideSets`` (0 is the empty set).
    var hideSet: Int = 0

    var isNewline: Bool { kind == .newline }

    func isPunctuator(_ text: String) -> Bool { kind == .punctuator && self.text == text }
}
