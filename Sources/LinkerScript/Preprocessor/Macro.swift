import SourceInput

/// One `#define`: object-like (`#define INIT_CALLS …`) or function-like
/// (`#define INIT_CALLS_LEVEL(level) …`), with where it was written.
public struct Macro: Sendable, Hashable {
    /// The macro's name (`INIT_CALLS_LEVEL`).
    public var name: String
    /// The parameter names of a function-like macro; nil for an object-like one. A variadic
    /// macro's last parameter is `__VA_ARGS__` (for `...`) or the GNU-named one (`args...`).
    public var parameters: [String]?
    /// Whether its last parameter takes all remaining arguments (`...` or GNU `args...`).
    public var isVariadic: Bool
    /// The replacement list as written, tokens separated by single spaces where the source
    /// had white space.
    public var body: String
    /// Where the `#define` is written.
    public var location: SourceLocation

    var replacement: [PreprocessingToken]

    /// Whether it takes arguments (`#define NAME(…)`), as opposed to an object-like macro.
    public var isFunctionLike: Bool { parameters != nil }

    init(
        name: String, parameters: [String]?, isVariadic: Bool, replacement: [PreprocessingToken],
        location: SourceLocation
    ) {
        self.name = name
        self.parameters = parameters
        self.isVariadic = isVariadic
        self.replacement = replacement
        self.body = PreprocessingToken.spell(replacement)
        self.location = location
    }

    /// Two definitions are the same when their parameters and replacement tokens are (C11
    /// 6.10.3p2: a redefinition must be identical, white space aside).
    func isSameDefinition(as other: Macro) -> Bool {
        parameters == other.parameters && isVariadic == other.isVariadic
            && replacement.map(\.text) == other.replacement.map(\.text)
            && zip(replacement.dropFirst(), other.replacement.dropFirst()).allSatisfy {
                $0.spaceBefore == $1.spaceBefore
            }
    }
}
