/// The integer constant expression of `#if` and `#elif` (C11 6.10.1), evaluated in `intmax_t`
/// (64-bit) after `defined` has been replaced and macros expanded; identifiers left over are 0.
/// Arithmetic wraps instead of trapping, division by zero is an error, and nesting is bounded,
/// so no input can crash or hang it.
struct ConditionalExpression {
    private let tokens: [PreprocessingToken]
    private var position = 0
    private var depth = 0
    private let files: PreprocessorFiles
    /// Where the directive is, for "missing expression" and similar errors.
    private let directive: TokenLocation

    static let maxDepth = 200

    init(tokens: [PreprocessingToken], files: PreprocessorFiles, directive: TokenLocation) {
        self.tokens = tokens.filter { !$0.isNewline }
        self.files = files
        self.directive = directive
    }

    /// The value of the whole expression; trailing tokens are an error.
    mutating func evaluate() throws(LinkerScriptError) -> Int64 {
        guard !tokens.isEmpty else { throw error("#if with no expression", at: directive) }
        let value = try conditional()
        if position < tokens.count {
            throw error(
                "missing binary operator before token '\(tokens[position].text)'", at: tokens[position].location)
        }
        return value
    }

    private var current: PreprocessingToken? { position < tokens.count ? tokens[position] : nil }

    private mutating func accept(_ text: String) -> Bool {
        guard let token = current, token.kind == .punctuator, token.text == text else { return false }
        position += 1
        return true
    }

    /// Multi-byte operators arrive as adjacent one-byte punctuators (`<` `<`); two of them
    /// form an operator when no white space separates them.
    private mutating func accept2(_ first: Character, _ second: Character) -> Bool {
        guard position + 1 < tokens.count else { return false }
        let a = tokens[position]
        let b = tokens[position + 1]
        guard a.kind == .punctuator, b.kind == .punctuator, !b.spaceBefore, a.text == String(first),
            b.text == String(second)
        else { return false }
        position += 2
        return true
    }

    private func peek2(_ first: Character, _ second: Character) -> Bool {
        guard position + 1 < tokens.count else { return false }
        let a = tokens[position]
        let b = tokens[position + 1]
        return a.kind == .punctuator && b.kind == .punctuator && !b.spaceBefore && a.text == String(first)
            && b.text == String(second)
    }

    private mutating func enter() throws(LinkerScriptError) {
        depth += 1
        if depth > Self.maxDepth {
            throw error("#if expression nested more than \(Self.maxDepth) deep", at: current?.location ?? directive)
        }
    }

    private mutating func conditional() throws(LinkerScriptError) -> Int64 {
        try enter()
        defer { depth -= 1 }
        let condition = try binary(0)
        guard accept("?") else { return condition }
        let whenTrue = try conditional()
        guard accept(":") else {
            throw error("'?' without following ':' in #if", at: current?.location ?? tokens.last?.location ?? directive)
        }
        let whenFalse = try conditional()
        return condition != 0 ? whenTrue : whenFalse
    }

    private static let levels: [[String]] = [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<=", ">=", "<", ">"], ["<<", ">>"], ["+", "-"],
        ["*", "/", "%"],
    ]

    private mutating func binary(_ level: Int) throws(LinkerScriptError) -> Int64 {
        guard level < Self.levels.count else { return try unary() }
        var lhs = try binary(level + 1)
        while let op = matchOperator(Self.levels[level]) {
            let location = tokens[position - 1].location
            // `&&` and `||` still parse their right side (C evaluates it for errors only when
            // it is reached, but a syntax error is an error either way).
            let rhs = try binary(level + 1)
            lhs = try apply(op, lhs, rhs, at: location)
        }
        return lhs
    }

    private mutating func matchOperator(_ operators: [String]) -> String? {
        for op in operators {
            let chars = Array(op)
            if chars.count == 2 {
                if accept2(chars[0], chars[1]) { return op }
            } else if !isStartOfLongerOperator(chars[0]), accept(op) {
                return op
            }
        }
        return nil
    }

    /// `<` must not match the first half of `<<` or `<=`; `|` not of `||`; and so on.
    private func isStartOfLongerOperator(_ c: Character) -> Bool {
        for second: Character in ["<", ">", "=", "&", "|"] where peek2(c, second) {
            if ["<<", ">>", "<=", ">=", "==", "!=", "&&", "||"].contains(String([c, second])) { return true }
        }
        return false
    }

    private func apply(_ op: String, _ l: Int64, _ r: Int64, at location: TokenLocation) throws(LinkerScriptError)
        -> Int64
    {
        switch op {
        case "||": return (l != 0 || r != 0) ? 1 : 0
        case "&&": return (l != 0 && r != 0) ? 1 : 0
        case "|": return l | r
        case "^": return l ^ r
        case "&": return l & r
        case "==": return l == r ? 1 : 0
        case "!=": return l != r ? 1 : 0
        case "<": return l < r ? 1 : 0
        case ">": return l > r ? 1 : 0
        case "<=": return l <= r ? 1 : 0
        case ">=": return l >= r ? 1 : 0
        case "<<": return r < 0 || r >= 64 ? 0 : l << r
        case ">>": return r < 0 || r >= 64 ? (l < 0 ? -1 : 0) : l >> r
        case "+": return l &+ r
        case "-": return l &- r
        case "*": return l &* r
        default:
            guard r != 0 else { throw error("division by zero in #if", at: location) }
            // INT64_MIN / -1 overflows; C leaves it undefined, we wrap.
            if l == Int64.min && r == -1 { return op == "/" ? Int64.min : 0 }
            return op == "/" ? l / r : l % r
        }
    }

    private mutating func unary() throws(LinkerScriptError) -> Int64 {
        try enter()
        defer { depth -= 1 }
        if accept("-") { return 0 &- (try unary()) }
        if accept("+") { return try unary() }
        if accept("~") { return ~(try unary()) }
        if peek2("!", "=") == false, accept("!") { return try unary() == 0 ? 1 : 0 }
        return try primary()
    }

    private mutating func primary() throws(LinkerScriptError) -> Int64 {
        guard let token = current else {
            throw error("#if expression ends where a value was expected", at: tokens.last?.location ?? directive)
        }
        if accept("(") {
            let value = try conditional()
            guard accept(")") else {
                throw error("missing ')' in expression", at: current?.location ?? token.location)
            }
            return value
        }
        position += 1
        switch token.kind {
        case .number:
            guard let value = Self.integer(token.text) else {
                throw error("invalid integer '\(token.text)' in #if", at: token.location)
            }
            return value
        case .character:
            return Self.character(token.text)
        case .identifier:
            // C11 6.10.1p4: identifiers remaining after expansion are replaced by 0.
            return 0
        default:
            throw error("token '\(token.text)' is not valid in preprocessor expressions", at: token.location)
        }
    }

    /// Decimal, `0x` hex, `0` octal or `0b` binary, with `u`/`l` suffixes; values that do not
    /// fit wrap as `uintmax_t` would.
    static func integer(_ text: String) -> Int64? {
        var body = Substring(text.lowercased())
        while let last = body.last, last == "u" || last == "l" { body = body.dropLast() }
        let value: UInt64?
        if body.hasPrefix("0x") {
            value = UInt64(body.dropFirst(2), radix: 16)
        } else if body.hasPrefix("0b") {
            value = UInt64(body.dropFirst(2), radix: 2)
        } else if body.count > 1, body.hasPrefix("0") {
            value = UInt64(body.dropFirst(), radix: 8)
        } else {
            value = UInt64(body, radix: 10)
        }
        return value.map { Int64(bitPattern: $0) }
    }

    static func character(_ text: String) -> Int64 {
        let inner = Array(text.utf8.dropFirst().dropLast())
        guard let first = inner.first else { return 0 }
        if first == UInt8(ascii: "\\"), inner.count >= 2 {
            switch inner[1] {
            case UInt8(ascii: "n"): return 10
            case UInt8(ascii: "t"): return 9
            case UInt8(ascii: "0"): return 0
            default: return Int64(inner[1])
            }
        }
        return Int64(first)
    }

    private func error(_ message: String, at location: TokenLocation) -> LinkerScriptError {
        .preprocessor(files.diagnostic(message, at: location))
    }
}
