/// Macro replacement and rescanning as C11 6.10.3 describes it, with Prosser's hide sets for
/// the no-self-recursion rule, `#` stringizing and `##` pasting. Pasting that does not form one
/// token keeps both tokens side by side, as GCC does in assembler-with-cpp mode — the mode
/// kbuild preprocesses `vmlinux.lds.S` in, and what makes `.initcall##level##.init` work.
///
/// Work is bounded: a budget of tokens produced and a nesting depth for argument
/// pre-expansion. Exceeding either is an error naming the macro, never a hang or a stack
/// overflow.
struct MacroExpander {
    var macros: MacroTable
    let files: PreprocessorFiles
    /// Tokens an expansion may still produce, over the whole run.
    var budget: Int
    let budgetLimit: Int
    /// `__COUNTER__`: starts at 0, one more at each use.
    var counter = 0
    private var names: [String] = []
    private var nameIndex: [String: Int] = [:]
    private var hideSets = HideSets()
    private var depth = 0
    /// The macro the user wrote, whose expansion is under way (for error messages).
    private var outermost: String?

    static let maxDepth = 200

    init(macros: MacroTable, files: PreprocessorFiles, budget: Int) {
        self.macros = macros
        self.files = files
        self.budget = budget
        self.budgetLimit = budget
    }

    // MARK: Rescanning

    /// Fully expands `tokens`. Newline tokens may be present (a run of text lines): an
    /// invocation's arguments may span lines, and the newlines they swallow disappear.
    mutating func expand(_ tokens: [PreprocessingToken]) throws(LinkerScriptError) -> [PreprocessingToken] {
        var pending = Array(tokens.reversed())
        var output: [PreprocessingToken] = []
        while let token = pending.popLast() {
            guard token.kind == .identifier else {
                output.append(token)
                continue
            }
            if let builtin = builtin(token) {
                output.append(builtin)
                continue
            }
            guard let macro = macros[token.text] else {
                output.append(token)
                continue
            }
            if depth == 0 && !token.fromExpansion { outermost = macro.name }
            guard let replacement = try replace(token, macro, &pending) else {
                output.append(token)
                continue
            }
            pending.append(contentsOf: replacement.reversed())
        }
        return output
    }

    /// `__LINE__`, `__FILE__`, `__COUNTER__`.
    private mutating func builtin(_ token: PreprocessingToken) -> PreprocessingToken? {
        var result = token
        result.fromExpansion = true
        switch token.text {
        case "__LINE__":
            result.kind = .number
            result.text = String(token.location.line)
        case "__FILE__":
            result.kind = .string
            result.text = "\"" + files.name(token.location.file) + "\""
        case "__COUNTER__":
            result.kind = .number
            result.text = String(counter)
            counter += 1
        default:
            return nil
        }
        return result
    }

    /// The replacement of one invocation, or nil when `token` is a function-like macro's
    /// name without arguments (then it is an ordinary identifier).
    private mutating func replace(
        _ token: PreprocessingToken, _ macro: Macro, _ pending: inout [PreprocessingToken]
    ) throws(LinkerScriptError) -> [PreprocessingToken]? {
        let id = index(of: macro.name)
        var hideSet = token.hideSet
        var arguments: [[PreprocessingToken]]?
        if macro.isFunctionLike {
            guard nextIsOpenParenthesis(pending) else { return nil }
            let (collected, closing) = try collectArguments(token, macro, &pending)
            arguments = collected
            // C11 6.10.3.4 via Prosser: (HS(name) ∩ HS(')')) ∪ {name}.
            hideSet = hideSets.intersection(hideSet, closing.hideSet)
        }
        if hideSets.contains(token.hideSet, id) {
            throw error(
                "macro '\(macro.name)' expands to itself", at: token.location,
                notes: [
                    "C leaves a macro's own name unexpanded inside its expansion, so '\(macro.name)' would reach ld as written",
                    "'\(macro.name)' is defined at \(macro.location)",
                ])
        }
        hideSet = hideSets.adding(id, to: hideSet)
        var result = try substitute(macro, arguments ?? [], at: token)
        for i in result.indices {
            result[i].hideSet = hideSets.union(result[i].hideSet, hideSet)
        }
        if !result.isEmpty { result[0].spaceBefore = token.spaceBefore }
        try spend(result.count, macro.name, at: token.location)
        return result
    }

    private func nextIsOpenParenthesis(_ pending: [PreprocessingToken]) -> Bool {
        for token in pending.reversed() {
            if token.isNewline { continue }
            return token.isPunctuator("(")
        }
        return false
    }

    /// Reads `( arg, arg … )` from `pending`; commas inside nested parentheses do not split.
    ///
    /// While reading, it follows the invocations nested in the arguments (see
    /// ``ArgumentNesting``), so that arguments nested past ``maxDepth`` fail here, before any
    /// of them is copied again for expansion: `I(I(I(…)))` fifty thousand deep once copied
    /// the rest of the input at every level before the limit fired.
    private func collectArguments(
        _ name: PreprocessingToken, _ macro: Macro, _ pending: inout [PreprocessingToken]
    ) throws(LinkerScriptError) -> ([[PreprocessingToken]], PreprocessingToken) {
        while let next = pending.last, next.isNewline { pending.removeLast() }
        pending.removeLast()  // '('
        var arguments: [[PreprocessingToken]] = [[]]
        var level = 0
        var sawNewline = false
        let parameterCount = macro.parameters?.count ?? 0
        var nesting = ArgumentNesting(macro: macro, depth: depth)
        while let token = pending.popLast() {
            if token.isNewline {
                sawNewline = true
                continue
            }
            var t = token
            if sawNewline {
                t.spaceBefore = true
                sawNewline = false
            }
            if t.isPunctuator(")") && level == 0 {
                if arguments.count == 1 && arguments[0].isEmpty && parameterCount == 0 { arguments = [] }
                try checkCount(arguments.count, macro, at: name.location)
                return (arguments, t)
            }
            if t.isPunctuator("(") { level += 1 }
            if t.isPunctuator(")") { level -= 1 }
            // The variadic parameter takes every remaining argument, commas included.
            if t.isPunctuator(","), level == 0, !(macro.isVariadic && arguments.count == parameterCount) {
                arguments.append([])
                nesting.nextArgument()
                continue
            }
            if let innermost = nesting.read(t, level: level, macros: macros, isHidden: isHidden) {
                throw error(
                    "macro arguments nested more than \(Self.maxDepth) deep while expanding '\(outermost ?? macro.name)'",
                    at: t.location, notes: ["innermost macro: '\(innermost)'"])
            }
            arguments[arguments.count - 1].append(t)
        }
        throw error(
            "unterminated argument list invoking macro '\(macro.name)'", at: name.location,
            notes: [
                "the arguments of a function-like macro end with a ')' before the next directive or the end of the file"
            ])
    }

    /// Whether `macro`'s name is in `token`'s hide set (then it does not expand there).
    private func isHidden(_ token: PreprocessingToken, _ macro: String) -> Bool {
        guard let id = nameIndex[macro] else { return false }
        return hideSets.contains(token.hideSet, id)
    }

    private func checkCount(_ count: Int, _ macro: Macro, at location: TokenLocation) throws(LinkerScriptError) {
        let expected = macro.parameters?.count ?? 0
        if count == expected { return }
        if macro.isVariadic && count == expected - 1 { return }
        if count < expected {
            throw error(
                "macro '\(macro.name)' requires \(expected) argument\(expected == 1 ? "" : "s"), but only \(count) given",
                at: location, notes: ["'\(macro.name)' is defined at \(macro.location)"])
        }
        throw error(
            "macro '\(macro.name)' passed \(count) arguments, but takes just \(expected)", at: location,
            notes: ["'\(macro.name)' is defined at \(macro.location)"])
    }

    // MARK: Substitution

    /// The replacement list with parameters replaced: `#p` by the spelling of the argument,
    /// `p` next to `##` by the argument as written, any other `p` by the argument fully
    /// expanded; then `##` pastes.
    private mutating func substitute(_ macro: Macro, _ arguments: [[PreprocessingToken]], at name: PreprocessingToken)
        throws(LinkerScriptError) -> [PreprocessingToken]
    {
        let body = macro.replacement
        let parameters = macro.parameters ?? []
        func argumentIndex(_ token: PreprocessingToken) -> Int? {
            guard token.kind == .identifier else { return nil }
            return parameters.firstIndex(of: token.text)
        }
        var result: [PreprocessingToken] = []
        var expandedCache: [Int: [PreprocessingToken]] = [:]
        var i = 0
        while i < body.count {
            let token = fromBody(body[i], at: name)
            if token.isPunctuator("#"), macro.isFunctionLike, i + 1 < body.count, let a = argumentIndex(body[i + 1]) {
                var string = stringize(argument(a, arguments))
                string.location = name.location
                string.spaceBefore = token.spaceBefore
                string.fromExpansion = true
                result.append(string)
                i += 2
                continue
            }
            if token.isPunctuator("##"), i + 1 < body.count {
                let next = body[i + 1]
                let rhs: [PreprocessingToken]
                if let a = argumentIndex(next) {
                    rhs = argument(a, arguments)
                    if rhs.isEmpty, a == parameters.count - 1, macro.isVariadic, result.last?.isPunctuator(",") == true
                    {
                        // GNU: `, ## __VA_ARGS__` drops the comma when there are no variadic
                        // arguments.
                        result.removeLast()
                        i += 2
                        continue
                    }
                } else {
                    rhs = [fromBody(next, at: name)]
                }
                paste(&result, rhs)
                i += 2
                continue
            }
            if let a = argumentIndex(token) {
                let raw = argument(a, arguments)
                let nextIsPaste = i + 1 < body.count && body[i + 1].isPunctuator("##")
                var replacement: [PreprocessingToken]
                if nextIsPaste {
                    replacement = raw.isEmpty ? [placemarker(at: name)] : raw
                } else if let cached = expandedCache[a] {
                    replacement = cached
                } else {
                    replacement = try expandArgument(raw, macro)
                    expandedCache[a] = replacement
                }
                if !replacement.isEmpty { replacement[0].spaceBefore = token.spaceBefore }
                for k in replacement.indices { replacement[k].fromArgument = true }
                try spend(replacement.count, macro.name, at: name.location)
                result.append(contentsOf: replacement)
                i += 1
                continue
            }
            result.append(token)
            i += 1
        }
        return result.filter { $0.kind != .placemarker }
    }

    private func argument(_ index: Int, _ arguments: [[PreprocessingToken]]) -> [PreprocessingToken] {
        index < arguments.count ? arguments[index] : []
    }

    private func fromBody(_ token: PreprocessingToken, at name: PreprocessingToken) -> PreprocessingToken {
        var copy = token
        copy.location = name.location
        copy.fromExpansion = true
        copy.hideSet = 0
        return copy
    }

    private func placemarker(at name: PreprocessingToken) -> PreprocessingToken {
        PreprocessingToken(
            kind: .placemarker, text: "", spaceBefore: false, location: name.location, fromExpansion: true)
    }

    private mutating func expandArgument(_ tokens: [PreprocessingToken], _ macro: Macro) throws(LinkerScriptError)
        -> [PreprocessingToken]
    {
        guard !tokens.isEmpty else { return [] }
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else {
            throw error(
                "macro arguments nested more than \(Self.maxDepth) deep while expanding '\(outermost ?? macro.name)'",
                at: tokens[0].location, notes: ["innermost macro: '\(macro.name)'"])
        }
        // Expanding an argument copies it: that work counts, so that nesting the checks
        // above cannot see (a macro named through another) still ends within the budget.
        try spend(tokens.count, macro.name, at: tokens[0].location)
        return try expand(tokens)
    }

    /// `a ## b`: the last token so far and the first of `rhs` become one token if their
    /// spellings form one; otherwise (GCC's assembler mode) they stay two, with no space.
    private func paste(_ result: inout [PreprocessingToken], _ rhs: [PreprocessingToken]) {
        guard var lhs = result.popLast() else {
            result.append(contentsOf: rhs)
            return
        }
        guard let first = rhs.first else {
            result.append(lhs)
            return
        }
        if lhs.kind == .placemarker {
            var head = first
            head.spaceBefore = lhs.spaceBefore
            result.append(head)
        } else if first.kind == .placemarker {
            result.append(lhs)
        } else {
            let text = lhs.text + first.text
            if let relexed = PreprocessingLexer.lex(text, file: lhs.location.file, at: lhs.location), relexed.count == 1
            {
                lhs.kind = relexed[0].kind
                lhs.text = text
                lhs.fromExpansion = true
                result.append(lhs)
            } else {
                var head = first
                head.spaceBefore = false
                result.append(lhs)
                result.append(head)
            }
        }
        result.append(contentsOf: rhs.dropFirst())
    }

    /// `#x`: the argument's spelling in a string literal, `"` and `\` escaped inside literals.
    private func stringize(_ tokens: [PreprocessingToken]) -> PreprocessingToken {
        var text = "\""
        for (i, token) in tokens.enumerated() {
            if i > 0 && token.spaceBefore { text += " " }
            if token.kind == .string || token.kind == .character {
                for c in token.text {
                    if c == "\"" || c == "\\" { text.append("\\") }
                    text.append(c)
                }
            } else {
                text += token.text
            }
        }
        text += "\""
        let location = tokens.first?.location ?? TokenLocation(file: 0, line: 1, column: 1)
        return PreprocessingToken(kind: .string, text: text, spaceBefore: false, location: location)
    }

    // MARK: Bookkeeping

    private mutating func spend(_ count: Int, _ macro: String, at location: TokenLocation) throws(LinkerScriptError) {
        budget -= count
        if budget < 0 {
            throw error(
                "expanding macro '\(outermost ?? macro)' produces more than \(budgetLimit) tokens", at: location,
                notes: [
                    "a macro that refers to others many times grows exponentially; the innermost macro was '\(macro)'"
                ])
        }
    }

    private mutating func index(of name: String) -> Int {
        if let existing = nameIndex[name] { return existing }
        let id = names.count
        names.append(name)
        nameIndex[name] = id
        return id
    }

    func error(_ message: String, at location: TokenLocation, notes: [String] = []) -> LinkerScriptError {
        .preprocessor(files.diagnostic(message, at: location, notes: notes))
    }
}

/// The invocations nested in the arguments being collected, and the expansion depth each
/// would expand its own arguments at: one deeper than its caller when the caller expands the
/// argument it sits in, the same when the caller pastes it (`##`; it expands on rescan), none
/// when the caller stringizes or drops it. A lower bound on the depth expansion will reach,
/// so an error here is one expansion would give too.
struct ArgumentNesting {
    private struct Invocation {
        var macro: Macro
        /// Depth of the `(` that opened its arguments, among the arguments being collected.
        var level: Int
        /// The argument being read.
        var argument = 0
        /// The expansion depth the invocation happens at; nil when it never expands.
        var depth: Int?
    }

    private var open: [Invocation]
    /// A function-like macro name just read, waiting for its `(`.
    private var candidate: Invocation?

    init(macro: Macro, depth: Int) {
        open = [Invocation(macro: macro, level: 0, depth: depth)]
    }

    /// A `,` between the outer macro's arguments.
    mutating func nextArgument() {
        open[0].argument += 1
    }

    /// Takes `token` (at parenthesis `level`, already counted). Returns the innermost macro's
    /// name when the token belongs to an argument that would expand deeper than the limit.
    mutating func read(
        _ token: PreprocessingToken, level: Int, macros: MacroTable, isHidden: (PreprocessingToken, String) -> Bool
    ) -> String? {
        let opened = candidate
        candidate = nil
        guard var innermost = open.last else { return nil }
        if token.isPunctuator("("), var invocation = opened {
            invocation.level = level
            open.append(invocation)
            return nil
        }
        if token.isPunctuator(")"), innermost.level == level + 1, open.count > 1 {
            open.removeLast()
            return nil
        }
        if token.isPunctuator(","), innermost.level == level, open.count > 1 {
            innermost.argument += 1
            open[open.count - 1] = innermost
            return nil
        }
        // An argument the innermost invocation expands, past the limit.
        if let depth = innermost.depth, open.count > 1,
            innermost.macro.use(ofArgument: innermost.argument) == .expanded,
            depth + 1 > MacroExpander.maxDepth
        {
            return innermost.macro.name
        }
        if token.kind == .identifier, let macro = Self.functionLike(token, macros, isHidden) {
            var depth: Int?
            if let outer = innermost.depth {
                switch innermost.macro.use(ofArgument: innermost.argument) {
                case .expanded: depth = outer + 1
                case .raw: depth = outer
                case .unexpanded: depth = nil
                }
            }
            candidate = Invocation(macro: macro, level: 0, depth: depth)
        }
        return nil
    }

    /// The function-like macro `token` names, directly or through object-like aliases
    /// (`#define J I`), when it is not hidden from expanding there.
    private static func functionLike(
        _ token: PreprocessingToken, _ macros: MacroTable, _ isHidden: (PreprocessingToken, String) -> Bool
    ) -> Macro? {
        var name = token.text
        for _ in 0..<8 {
            guard let macro = macros[name], !isHidden(token, name) else { return nil }
            if macro.isFunctionLike { return macro }
            guard macro.replacement.count == 1, macro.replacement[0].kind == .identifier else { return nil }
            name = macro.replacement[0].text
        }
        return nil
    }
}

/// Interned hide sets: every distinct set of macro indices gets a number, and unions and
/// intersections are memoized, so marking a token costs O(1) however deep the nesting.
struct HideSets {
    private var sets: [[Int]] = [[]]
    private var numbers: [[Int]: Int] = [[]: 0]
    private var unions: [Int: Int] = [:]
    private var intersections: [Int: Int] = [:]

    func contains(_ set: Int, _ element: Int) -> Bool {
        let members = sets[set]
        var low = 0
        var high = members.count
        while low < high {
            let mid = (low + high) / 2
            if members[mid] < element { low = mid + 1 } else { high = mid }
        }
        return low < members.count && members[low] == element
    }

    mutating func adding(_ element: Int, to set: Int) -> Int {
        if contains(set, element) { return set }
        return number(of: (sets[set] + [element]).sorted())
    }

    mutating func union(_ a: Int, _ b: Int) -> Int {
        if a == b || a == 0 { return b }
        if b == 0 { return a }
        let key = a << 32 | b
        if let known = unions[key] { return known }
        let result = number(of: Array(Set(sets[a]).union(sets[b])).sorted())
        unions[key] = result
        return result
    }

    mutating func intersection(_ a: Int, _ b: Int) -> Int {
        if a == b { return a }
        if a == 0 || b == 0 { return 0 }
        let key = a << 32 | b
        if let known = intersections[key] { return known }
        let result = number(of: sets[a].filter { contains(b, $0) })
        intersections[key] = result
        return result
    }

    private mutating func number(of members: [Int]) -> Int {
        if let known = numbers[members] { return known }
        sets.append(members)
        numbers[members] = sets.count - 1
        return sets.count - 1
    }
}
