import LinkerScript
import SourceInput

/// Reads `NAME[] … = { a, b, … };` from preprocessed C tokens: identifiers for
/// `initcall_levels[]`, string literals for `initcall_level_names[]`.
struct ArrayReader {
    let tokens: [(text: String, location: SourceLocation)]
    /// The preprocessed lines' origins, for the caret display of errors.
    let origins: [LineOrigin]
    var position = 0

    /// The entries of the last definition of `name` in the tokens, or nil if there is none.
    mutating func array(_ name: String, strings: Bool) throws(LevelDefinitionError) -> [(String, SourceLocation)]? {
        var found: [(String, SourceLocation)]?
        while position < tokens.count {
            guard tokens[position].text == name, position + 2 < tokens.count, tokens[position + 1].text == "[" else {
                position += 1
                continue
            }
            let start = tokens[position].location
            position += 2
            // Skip to `=` (past `]`, attributes such as __initdata); a declaration without
            // one (`extern …[];`) is not a definition.
            while position < tokens.count, tokens[position].text != "=", tokens[position].text != ";" { position += 1 }
            guard position < tokens.count, tokens[position].text == "=" else { continue }
            position += 1
            found = try entries(of: name, strings: strings, at: start)
        }
        return found
    }

    private mutating func entries(of name: String, strings: Bool, at start: SourceLocation) throws(LevelDefinitionError)
        -> [(String, SourceLocation)]
    {
        guard position < tokens.count, tokens[position].text == "{" else {
            throw invalid(
                "expected '{' after '\(name)[] ='", at: position < tokens.count ? tokens[position].location : start)
        }
        position += 1
        var result: [(String, SourceLocation)] = []
        let wantsString = strings
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token.text == "}" { return result }
            if token.text == "," { continue }
            if wantsString {
                guard token.text.hasPrefix("\""), token.text.hasSuffix("\""), token.text.count >= 2 else {
                    throw invalid(
                        "expected a level name in quotes in \(name)[], found '\(token.text)'", at: token.location)
                }
                result.append((String(token.text.dropFirst().dropLast()), token.location))
            } else {
                guard let first = token.text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
                    LevelTable.isNameBody(token.text)
                else {
                    throw invalid("expected a boundary symbol in \(name)[], found '\(token.text)'", at: token.location)
                }
                result.append((token.text, token.location))
            }
        }
        throw invalid("'\(name)[]' is not closed with '}'", at: start)
    }

    private func invalid(_ message: String, at location: SourceLocation) -> LevelDefinitionError {
        let line = origins.first { $0.file == location.file && $0.line == location.line }?.text
        return .invalid(Diagnostic(.error, at: location, message, sourceLine: line))
    }
}
