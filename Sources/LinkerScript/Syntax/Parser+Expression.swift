import SourceInput

/// ld expressions, parsed without recursion: an explicit stack of the expressions under way
/// (one per open parenthesis, function argument, `?:` arm), each with its open operator
/// chains. However the input nests, the parser uses the same few stack frames; what it builds
/// is at most ``Expression/maxNesting`` deep (parentheses count), so whatever walks the tree
/// afterwards — evaluation, hashing, equality, releasing it — recurses at most that far.
extension Parser {
    /// Binary operators by precedence, loosest first, as in C (and ld's ldgram.y).
    static let binaryLevels: [[String]] = [
        ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<=", ">=", "<", ">"], ["<<", ">>"],
        ["+", "-"], ["*", "/", "%"],
    ]

    /// Each binary operator's level in ``binaryLevels``.
    private static let precedence: [String: Int] = {
        var result: [String: Int] = [:]
        for (level, operators) in binaryLevels.enumerated() {
            for op in operators { result[op] = level }
        }
        return result
    }()

    /// Every operator spelling that can follow an operand, longest first, so that '<' never
    /// matches the start of '<<' or '<=' and '+' never the start of '+='. Compound assignments
    /// end an expression.
    private static let operatorSpellings: [(text: String, utf8: [UInt8])] = [
        "<<=", ">>=", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "&=", "|=",
        "+", "-", "*", "/", "%", "|", "^", "&", "<", ">",
    ].map { ($0, Array($0.utf8)) }

    private static let prefixOperators: [(text: String, utf8: [UInt8], assignment: [UInt8])] = ["-", "!", "~", "+"]
        .map { ($0, Array($0.utf8), Array(($0 + "=").utf8)) }

    /// Functions whose arguments are names (sections, symbols, regions), not expressions.
    private static let nameArgumentFunctions: Set<String> = [
        "ADDR", "LOADADDR", "SIZEOF", "ALIGNOF", "DEFINED", "ORIGIN", "LENGTH", "CONSTANT",
    ]
    static let expressionFunctions: Set<String> = [
        "ALIGN", "ABSOLUTE", "BLOCK", "DATA_SEGMENT_ALIGN", "DATA_SEGMENT_END",
        "DATA_SEGMENT_RELRO_END", "LOG2CEIL", "MAX", "MIN", "NEXT", "SEGMENT_START",
    ]

    /// A finished subexpression and the height of its tree (parentheses count one).
    private struct Parsed {
        var expression: Expression
        var height: Int
    }

    /// A left-associative chain of one precedence level, still open for more operands.
    private struct OpenChain {
        var level: Int
        var first: Expression
        var firstLocation: SourceLocation
        var height: Int
        var operations: [BinaryOperation]
        /// The operator waiting for its right operand.
        var pending: String
    }

    /// One expression under way, and what its value is for once it ends.
    private struct Partial {
        enum Role {
            /// The expression `parseExpression()` returns.
            case whole
            /// Inside `( … )`.
            case parenthesized
            /// An argument of `ALIGN(…)`, `MAX(…)`, …; `done` are the arguments before it.
            case argument(function: String, location: SourceLocation, done: [Parsed])
            /// The condition of `ASSERT(cond, "message")` used as an expression.
            case assertion(location: SourceLocation)
            /// The arm after `?`.
            case whenTrue(condition: Parsed)
            /// The arm after `:`.
            case whenFalse(condition: Parsed, whenTrue: Parsed)
        }

        var role: Role
        var chains: [OpenChain] = []
        /// Prefix operators read before the operand being read, outermost first.
        var prefixes: [String] = []
        /// Where the operand being read starts (its first prefix operator, if any).
        var operandLocation: SourceLocation
    }

    /// What comes at the start of an operand: a finished leaf, or a nested expression opening.
    private enum OperandStart {
        case leaf(Expression)
        case opening(Partial.Role)
    }

    private enum Step {
        case readOperand
        case haveOperand(Parsed)
        case ended(Parsed)
    }

    /// Parses one expression, including a trailing `? … : …`.
    mutating func parseExpression() throws(LinkerScriptError) -> Expression {
        try scanner.skipTrivia()
        var current = Partial(role: .whole, operandLocation: scanner.location)
        var enclosing: [Partial] = []
        // Open parentheses, arguments, `?:` arms and unread prefix operators: the depth the
        // tree will have at least, checked as it grows so that `((((…` stops at once.
        var open = 0
        var step = Step.readOperand
        while true {
            switch step {
            case .readOperand:
                try scanner.skipTrivia()
                let location = scanner.location
                if current.prefixes.isEmpty { current.operandLocation = location }
                if let op = Parser.prefixOperators.first(where: {
                    scanner.lookingAt($0.utf8) && !scanner.lookingAt($0.assignment)
                }) {
                    scanner.skip(op.utf8.count)
                    current.prefixes.append(op.text)
                    open += 1
                    try checkNesting(open, at: location)
                    continue
                }
                switch try parseOperandStart() {
                case .leaf(let expression):
                    step = .haveOperand(Parsed(expression: expression, height: 0))
                case .opening(let role):
                    open += 1
                    try checkNesting(open, at: location)
                    enclosing.append(current)
                    try scanner.skipTrivia()
                    current = Partial(role: role, operandLocation: scanner.location)
                }
            case .haveOperand(var operand):
                for op in current.prefixes.reversed() {
                    operand = try node(.unary(op, operand.expression), height: operand.height + 1)
                }
                open -= current.prefixes.count
                current.prefixes = []
                if let (op, level) = try matchBinaryOperator() {
                    try extend(&current, with: operand, op, level)
                    step = .readOperand
                    continue
                }
                let value = try closeChains(&current, with: operand)
                try scanner.skipTrivia()
                let question = scanner.location
                if try scanner.consume("?") {
                    open += 1
                    try checkNesting(open, at: question)
                    enclosing.append(current)
                    try scanner.skipTrivia()
                    current = Partial(role: .whenTrue(condition: value), operandLocation: scanner.location)
                    step = .readOperand
                } else {
                    step = .ended(value)
                }
            case .ended(let value):
                switch current.role {
                case .whole:
                    return value.expression
                case .parenthesized:
                    try scanner.expect(")", "to close the parenthesized expression")
                    open -= 1
                    current = enclosing.popLast() ?? current
                    step = .haveOperand(try node(value.expression, height: value.height + 1))
                case .argument(let function, let location, var done):
                    done.append(value)
                    if try scanner.consume(",") {
                        try scanner.skipTrivia()
                        current = Partial(
                            role: .argument(function: function, location: location, done: done),
                            operandLocation: scanner.location)
                        step = .readOperand
                        continue
                    }
                    try scanner.expect(")", "to close \(function)(…)")
                    try checkArity(function, done.count, at: location)
                    open -= 1
                    current = enclosing.popLast() ?? current
                    let call = Expression.call(function, done.map(\.expression), location)
                    step = .haveOperand(try node(call, height: 1 + (done.map(\.height).max() ?? 0)))
                case .assertion(let location):
                    let message = try parseAssertionMessage()
                    open -= 1
                    current = enclosing.popLast() ?? current
                    let call = Expression.call("ASSERT", [value.expression, .symbol(message, location)], location)
                    step = .haveOperand(try node(call, height: value.height + 1))
                case .whenTrue(let condition):
                    try scanner.expect(":", "in a conditional expression")
                    try scanner.skipTrivia()
                    current = Partial(
                        role: .whenFalse(condition: condition, whenTrue: value), operandLocation: scanner.location)
                    step = .readOperand
                case .whenFalse(let condition, let whenTrue):
                    open -= 1
                    // The condition's expression ends with its conditional.
                    current = enclosing.popLast() ?? current
                    let conditional = Expression.conditional(
                        condition.expression, whenTrue.expression, value.expression)
                    step = .ended(
                        try node(conditional, height: 1 + max(condition.height, whenTrue.height, value.height)))
                }
            }
        }
    }

    /// Adds `operand` and the operator after it to the open chains: chains that bind tighter
    /// than `op` end with `operand`; then `op` extends the chain of its level or opens one.
    private mutating func extend(_ partial: inout Partial, with operand: Parsed, _ op: String, _ level: Int)
        throws(LinkerScriptError)
    {
        var operand = operand
        var location = partial.operandLocation
        while let top = partial.chains.last, top.level > level {
            partial.chains.removeLast()
            operand = try close(top, with: operand, at: location)
            location = top.firstLocation
        }
        let last = partial.chains.count - 1
        if last >= 0, partial.chains[last].level == level {
            // In place: binding the chain to a name would copy its operations every time.
            let pending = partial.chains[last].pending
            partial.chains[last].operations.append(BinaryOperation(pending, operand.expression, at: location))
            partial.chains[last].height = max(partial.chains[last].height, operand.height + 1)
            partial.chains[last].pending = op
        } else {
            partial.chains.append(
                OpenChain(
                    level: level, first: operand.expression, firstLocation: location, height: operand.height + 1,
                    operations: [], pending: op))
        }
        try checkNesting(partial.chains.last?.height ?? 0, at: location)
    }

    /// Ends every open chain, the last operand being `operand`.
    private mutating func closeChains(_ partial: inout Partial, with operand: Parsed) throws(LinkerScriptError)
        -> Parsed
    {
        var operand = operand
        var location = partial.operandLocation
        while let top = partial.chains.popLast() {
            operand = try close(top, with: operand, at: location)
            location = top.firstLocation
        }
        return operand
    }

    private func close(_ chain: OpenChain, with operand: Parsed, at location: SourceLocation)
        throws(LinkerScriptError) -> Parsed
    {
        var operations = chain.operations
        operations.append(BinaryOperation(chain.pending, operand.expression, at: location))
        return try node(.chain(chain.first, operations), height: max(chain.height, operand.height + 1))
    }

    /// `expression`, after checking that its tree is not deeper than the limit.
    private func node(_ expression: Expression, height: Int) throws(LinkerScriptError) -> Parsed {
        try checkNesting(height, at: scanner.location)
        return Parsed(expression: expression, height: height)
    }

    private func checkNesting(_ depth: Int, at location: SourceLocation) throws(LinkerScriptError) {
        guard depth > Expression.maxNesting else { return }
        throw scanner.syntaxError(
            "expression nested too deeply", at: location,
            notes: [
                "an expression nests at most \(Expression.maxNesting) deep, counting parentheses, unary operators, '?:' and operators of different precedence (GNU ld gives up with 'memory exhausted')"
            ])
    }

    /// How many arguments each function takes, as ld's grammar (ldgram.y) has them.
    private static let arities: [String: ClosedRange<Int>] = [
        "ALIGN": 1...2, "BLOCK": 1...1, "NEXT": 1...1, "ABSOLUTE": 1...1, "DATA_SEGMENT_ALIGN": 2...2,
        "DATA_SEGMENT_END": 1...1, "DATA_SEGMENT_RELRO_END": 2...2, "LOG2CEIL": 1...1, "MAX": 2...2, "MIN": 2...2,
        "SEGMENT_START": 2...2,
    ]

    private func checkArity(_ function: String, _ count: Int, at location: SourceLocation) throws(LinkerScriptError) {
        guard let arity = Parser.arities[function], !arity.contains(count) else { return }
        let expected =
            arity.count == 1
            ? "\(arity.lowerBound) argument\(arity.lowerBound == 1 ? "" : "s")"
            : "\(arity.lowerBound) or \(arity.upperBound) arguments"
        throw scanner.syntaxError(
            "\(function)() takes \(expected), not \(count)", at: location,
            notes: ["e.g. \(function == "ALIGN" ? "ALIGN(8) or ALIGN(., 8)" : function + "(…)")"])
    }

    /// The binary operator that comes next, consumed, with its precedence level; nil (nothing
    /// consumed) when none does.
    private mutating func matchBinaryOperator() throws(LinkerScriptError) -> (String, Int)? {
        try scanner.skipTrivia()
        for (text, utf8) in Parser.operatorSpellings where scanner.lookingAt(utf8) {
            guard let level = Parser.precedence[text] else { return nil }
            scanner.skip(utf8.count)
            return (text, level)
        }
        return nil
    }

    /// A number, a symbol, a function of names — or the opening of a parenthesis, of a
    /// function's arguments or of `ASSERT(…)`, whose insides the caller reads.
    private mutating func parseOperandStart() throws(LinkerScriptError) -> OperandStart {
        try scanner.skipTrivia()
        if try scanner.consume("(") { return .opening(.parenthesized) }
        if let number = try scanner.scanNumber() { return .leaf(.number(number)) }
        guard let (name, location) = try scanner.scanSymbol() else {
            throw unexpected("an expression (a number, a symbol, '.' or a function such as ALIGN(…))")
        }
        if name == "SIZEOF_HEADERS" || name == "sizeof_headers" {
            return .leaf(.call("SIZEOF_HEADERS", [], location))
        }
        try scanner.skipTrivia()
        guard scanner.lookingAt("(") else { return .leaf(.symbol(name, location)) }
        if name == "ASSERT" {
            // `. = ASSERT(cond, "message");`, the form x86's vmlinux.lds.S uses.
            try scanner.expect("(", "after ASSERT")
            return .opening(.assertion(location: location))
        }
        if Parser.nameArgumentFunctions.contains(name) {
            try scanner.expect("(", "after \(name)")
            guard let (argument, argumentLocation) = try scanner.scanWord() else {
                throw unexpected("a name inside \(name)(…)")
            }
            try scanner.expect(")", "to close \(name)(…)")
            return .leaf(.call(name, [.symbol(argument, argumentLocation)], location))
        }
        guard Parser.expressionFunctions.contains(name) else {
            throw scanner.syntaxError(
                "unknown function '\(name)'", at: location,
                notes: ["ld's functions include ALIGN, ADDR, SIZEOF, DEFINED, MAX, MIN, LOADADDR"])
        }
        try scanner.expect("(", "after \(name)")
        var done: [Parsed] = []
        if name == "SEGMENT_START" {
            guard let (segment, segmentLocation) = try scanner.scanWord() else {
                throw unexpected("a segment name in SEGMENT_START(…)")
            }
            done.append(Parsed(expression: .symbol(segment, segmentLocation), height: 0))
            try scanner.expect(",", "in SEGMENT_START(…)")
        }
        return .opening(.argument(function: name, location: location, done: done))
    }
}
