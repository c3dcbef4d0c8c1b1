/// The macros defined at some point of preprocessing, with their definition order kept so that
/// listings are deterministic.
public struct MacroTable: Sendable {
    private var byName: [String: Macro] = [:]
    private var order: [String] = []

    package init() {}

    /// The definition of `name`, or nil when it is not defined.
    public subscript(name: String) -> Macro? { byName[name] }

    /// Every macro still defined, in the order of its (latest) definition.
    public var definitions: [Macro] { order.compactMap { byName[$0] } }

    package func isDefined(_ name: String) -> Bool { byName[name] != nil }

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
