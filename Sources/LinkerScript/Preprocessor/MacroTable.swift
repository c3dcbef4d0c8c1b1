import SourceInput

/// One `#define`: object-like (`#define INIT_CALLS …`) or function-like
/// (`#define INIT_CALLS_LEVEL(level) …`), with where it was written.
public struct Macro: Sendable, Hashable {
    public var name: String
    /// The parameter names of a function-like macro; nil for an object-like one. A variadic
    /// macro's last parameter is `__VA_ARGS__` (for `...`) or the GNU-named one (`args...`).
    public var parameters: [String]?
    public var isVariadic: Bool
    /// The replacement list as written, tokens separated by single spaces where the source
    /// had white space.
    public var body: String
    public var location: SourceLocation

    var replacement: [PreprocessingToken]

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
            && zip(replacement.dropFirst(), other.replacement.dropFirst()).allSatisfy { $0.spaceBefore == $1.spaceBefore }
    }
}

/// The macros defined at some point of preprocessing, with their definition order kept so that
/// listings are deterministic.
public struct MacroTable: Sendable {
    private var byName: [String: Macro] = [:]
    private var order: [String] = []

    public init() {}

    public subscript(name: String) -> Macro? { byName[name] }

    /// Every macro still defined, in the order of its (latest) definition.
    public var definitions: [Macro] { order.compactMap { byName[$0] } }

    public func isDefined(_ name: String) -> Bool { byName[name] != nil }

    mutating func define(_ macro: Macro) {
        if byName[macro.name] != nil { order.removeAll { $0 == macro.name } }
        byName[macro.name] = macro
        order.append(macro.name)
    }

    mutating func undefine(_ name: String) {
        guard byName.removeValue(forKey: name) != nil else { return }
        order.removeAll { $0 == name }
    }

    /// A copy without the named macros, so that their invocations survive expansion as text.
    public func removing(_ names: [String]) -> MacroTable {
        var copy = self
        for name in names { copy.undefine(name) }
        return copy
    }
}

extension PreprocessingToken {
    /// Tokens written back as text: one space where the source had white space, none
    /// elsewhere.
    static func spell(_ tokens: [PreprocessingToken]) -> String {
        var text = ""
        for (i, token) in tokens.enumerated() where token.kind != .placemarker && !token.isNewline {
            if i > 0 && token.spaceBefore && !text.isEmpty { text += " " }
            text += token.text
        }
        return text
    }
}
