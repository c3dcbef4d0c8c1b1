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
    /// How the body uses each parameter (see ``ParameterUse``), by parameter index.
    let parameterUses: [ParameterUse]

    /// Whether it takes arguments (`#define NAME(…)`), as opposed to an object-like macro.
    public var isFunctionLike: Bool { parameters != nil }

    /// How a replacement list uses a parameter, which decides whether an argument is
    /// macro-expanded before substitution (C11 6.10.3.1).
    enum ParameterUse: Int, Comparable {
        /// Not at all, or only stringized (`#p`): the argument is never expanded.
        case unexpanded
        /// Only next to `##`: substituted as written, then expanded with the rest when the
        /// result is rescanned.
        case raw
        /// Elsewhere: fully expanded first, one nesting level deeper.
        case expanded

        static func < (lhs: ParameterUse, rhs: ParameterUse) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The use of the parameter an argument number binds to (a variadic macro's last
    /// parameter takes the rest).
    func use(ofArgument index: Int) -> ParameterUse {
        guard !parameterUses.isEmpty else { return .unexpanded }
        return parameterUses[min(index, parameterUses.count - 1)]
    }

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
        self.parameterUses = Macro.uses(of: parameters ?? [], in: replacement)
    }

    /// Mirrors ``MacroExpander``'s substitution: `#p` stringizes, `p ##` and `## p` paste
    /// the argument as written, anything else expands it.
    private static func uses(of parameters: [String], in body: [PreprocessingToken]) -> [ParameterUse] {
        var uses = Array(repeating: ParameterUse.unexpanded, count: parameters.count)
        for (i, token) in body.enumerated() where token.kind == .identifier {
            guard let index = parameters.firstIndex(of: token.text) else { continue }
            let after = i + 1 < body.count && body[i + 1].isPunctuator("##")
            let before = i > 0 && body[i - 1].isPunctuator("##")
            let stringized = i > 0 && body[i - 1].isPunctuator("#")
            let use: ParameterUse = stringized ? .unexpanded : (after || before) ? .raw : .expanded
            uses[index] = max(uses[index], use)
        }
        return uses
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
