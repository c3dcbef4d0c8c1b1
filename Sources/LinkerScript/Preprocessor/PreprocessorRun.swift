import SourceInput

/// One preprocessing run: reads files line by line, obeys directives, expands the text lines
/// and collects the output with its origins (cpp's `_cpp_handle_directive` and
/// `scan_translation_unit`, reduced to what linker scripts and headers use).
struct PreprocessorRun {
    let options: Preprocessor.Options
    let loader: Preprocessor.FileLoader
    let files = PreprocessorFiles()
    var expander: MacroExpander
    private var lines: [String] = []
    private var origins: [LineOrigin] = []
    private var outputTokens: [(text: String, location: SourceLocation)] = []
    private var warnings: [Diagnostic] = []
    private var inputBudget: Int
    private let roots: [String]
    /// The roots as they are on disk, every symbolic link resolved (those that exist).
    private let realRoots: [String]
    private let mainFile: String

    init(options: Preprocessor.Options, loader: @escaping Preprocessor.FileLoader, mainFile: String) {
        self.options = options
        self.loader = loader
        self.mainFile = mainFile
        self.expander = MacroExpander(macros: MacroTable(), files: files, budget: max(0, options.expansionBudget))
        self.inputBudget = options.inputBudget
        let mainDirectory = IncludePath.directory(of: IncludePath.normalize(mainFile))
        self.roots = (options.allowedRoots ?? [mainDirectory] + options.includeDirectories).map(IncludePath.normalize)
        self.realRoots = roots.compactMap(InputFile.realPath)
    }

    func result() -> PreprocessedFile {
        PreprocessedFile(
            source: ScriptSource(text: lines.joined(separator: "\n"), file: mainFile, origins: origins),
            macros: expander.macros, warnings: warnings, files: files.names, tokens: outputTokens)
    }

    // MARK: Command line

    /// `-D` and `-U`, as if written as directives in a file named `<command-line>`.
    mutating func defineFromCommandLine() throws(LinkerScriptError) {
        var text = options.kbuildDefines ? "#define __ASSEMBLY__ 1\n#define LINKER_SCRIPT 1\n" : ""
        for define in options.defines {
            if let equals = define.firstIndex(of: "=") {
                text += "#define \(define[..<equals]) \(define[define.index(after: equals)...])\n"
            } else {
                text += "#define \(define) 1\n"
            }
        }
        for name in options.undefines { text += "#undef \(name)\n" }
        try process(text, file: "<command-line>", depth: 0)
    }

    // MARK: Files and lines

    /// The state of one `#if` group: whether a branch was taken, whether `#else` was seen,
    /// whether the enclosing text is live.
    private struct Conditional {
        var location: TokenLocation
        var directive: String
        var taken: Bool
        var sawElse: Bool
        var parentActive: Bool
        var active: Bool
    }

    mutating func process(_ rawText: String, file: String, depth: Int) throws(LinkerScriptError) {
        let text = SourceText.normalized(rawText)
        let index = files.add(file, text: text)
        let lexer = PreprocessingLexer(text: text, file: index, fileName: file)
        let tokens = try lexer.tokenize()
        warnings += lexer.warnings
        inputBudget -= tokens.count
        if inputBudget < 0 {
            throw .preprocessor(
                Diagnostic(
                    .error, at: SourceLocation(file: file, line: 1, column: 1),
                    "preprocessing reads more than \(options.inputBudget) tokens (an #include loop?)",
                    notes: ["guard headers with #ifndef NAME / #define NAME / #endif"]))
        }
        var conditionals: [Conditional] = []
        var run: [PreprocessingToken] = []
        var start = 0
        while start < tokens.count {
            var end = start
            while !tokens[end].isNewline { end += 1 }
            let line = Array(tokens[start...end])
            start = end + 1
            let active = conditionals.last?.active ?? true
            if line[0].isPunctuator("#") && !line[0].fromExpansion {
                try flush(&run)
                try directive(line, &conditionals, active: active, depth: depth)
            } else if active {
                run.append(contentsOf: line)
            }
        }
        try flush(&run)
        if let open = conditionals.last {
            throw error(
                "unterminated #\(open.directive)", at: open.location,
                notes: ["every #if needs its #endif in the same file"])
        }
    }

    /// Expands a run of text lines and appends the output lines.
    private mutating func flush(_ run: inout [PreprocessingToken]) throws(LinkerScriptError) {
        guard !run.isEmpty else { return }
        let expanded = try expander.expand(run)
        run.removeAll()
        var line: [PreprocessingToken] = []
        for token in expanded {
            if token.isNewline {
                emit(line, newline: token)
                line.removeAll()
            } else {
                line.append(token)
            }
        }
        if !line.isEmpty, let last = line.last { emit(line, newline: last) }
    }

    /// Writes one output line. Tokens as written keep their column where they can, so that
    /// an unexpanded line reads exactly as the user's; `columnMap` maps every byte back.
    private mutating func emit(_ tokens: [PreprocessingToken], newline: PreprocessingToken) {
        let anchor = tokens.first { !$0.fromExpansion } ?? tokens.first ?? newline
        let origin = anchor.location
        var text = ""
        var map: [Int] = []
        var expanded = false
        for token in tokens {
            let direct =
                !token.fromExpansion && token.location.file == origin.file && token.location.line == origin.line
            if token.fromExpansion || token.fromArgument { expanded = true }
            if direct, !expanded, token.location.column - 1 > text.utf8.count {
                let pad = token.location.column - 1 - text.utf8.count
                for _ in 0..<pad { map.append((map.last ?? 0) + 1) }
                text += String(repeating: " ", count: pad)
            } else if token.spaceBefore && !text.isEmpty {
                map.append((map.last ?? 0) + 1)
                text += " "
            }
            let count = token.text.utf8.count
            for offset in 0..<count {
                map.append(direct ? token.location.column + offset : token.location.column)
            }
            text += token.text
            outputTokens.append((token.text, files.sourceLocation(token.location)))
        }
        lines.append(text)
        origins.append(
            LineOrigin(
                file: files.name(origin.file), line: origin.line,
                text: files.lineText(file: origin.file, line: origin.line), columnMap: map,
                expandedText: expanded ? text : nil))
    }

    // MARK: Directives

    private mutating func directive(
        _ line: [PreprocessingToken], _ conditionals: inout [Conditional], active: Bool, depth: Int
    ) throws(LinkerScriptError) {
        guard line.count > 2 else { return }  // `#` alone: the null directive
        let name = line[1]
        let rest = Array(line[2..<(line.count - 1)])
        switch name.text {
        case "if", "ifdef", "ifndef":
            let value = active ? try condition(name, rest) : false
            conditionals.append(
                Conditional(
                    location: name.location, directive: name.text, taken: value, sawElse: false, parentActive: active,
                    active: active && value))
        case "elif", "elifdef", "elifndef":
            guard var top = conditionals.popLast() else { throw error("#\(name.text) without #if", at: name.location) }
            if top.sawElse { throw error("#\(name.text) after #else", at: name.location) }
            let value = top.parentActive && !top.taken ? try condition(name, rest) : false
            top.active = top.parentActive && !top.taken && value
            top.taken = top.taken || value
            conditionals.append(top)
        case "else":
            guard var top = conditionals.popLast() else { throw error("#else without #if", at: name.location) }
            if top.sawElse { throw error("#else after #else", at: name.location) }
            top.sawElse = true
            top.active = top.parentActive && !top.taken
            top.taken = true
            conditionals.append(top)
        case "endif":
            guard conditionals.popLast() != nil else { throw error("#endif without #if", at: name.location) }
        default:
            guard active else { return }
            try activeDirective(name, rest, depth: depth)
        }
    }

    private mutating func activeDirective(_ name: PreprocessingToken, _ rest: [PreprocessingToken], depth: Int)
        throws(LinkerScriptError)
    {
        switch name.text {
        case "define":
            try define(rest, at: name)
        case "undef":
            guard let macro = rest.first, macro.kind == .identifier else {
                throw error("macro names must be identifiers", at: rest.first?.location ?? name.location)
            }
            expander.macros.undefine(macro.text)
        case "include":
            try include(rest, at: name, depth: depth)
        case "error":
            throw error("#error \(PreprocessingToken.spell(rest))", at: name.location)
        case "warning":
            warnings.append(
                files.diagnostic("#warning \(PreprocessingToken.spell(rest))", at: name.location, severity: .warning))
        case "pragma", "line", "ident", "sccs", "assert", "unassert":
            return
        default:
            // `# 12 "file"` line markers of already preprocessed text.
            if name.kind == .number { return }
            throw error(
                "invalid preprocessing directive #\(name.text)", at: name.location,
                notes: [
                    "directives: #define #undef #include #if #ifdef #ifndef #elif #else #endif #error #warning #pragma"
                ])
        }
    }

    // MARK: #define

    private mutating func define(_ tokens: [PreprocessingToken], at directive: PreprocessingToken)
        throws(LinkerScriptError)
    {
        guard let name = tokens.first, name.kind == .identifier else {
            throw error("macro names must be identifiers", at: tokens.first?.location ?? directive.location)
        }
        if name.text == "defined" {
            throw error("'defined' cannot be used as a macro name", at: name.location)
        }
        var index = 1
        var parameters: [String]?
        var variadic = false
        if index < tokens.count, tokens[index].isPunctuator("("), !tokens[index].spaceBefore {
            (parameters, variadic, index) = try parameterList(tokens, from: index + 1, macro: name)
        } else if index < tokens.count, !tokens[index].spaceBefore {
            warnings.append(
                files.diagnostic(
                    "missing whitespace after the macro name", at: tokens[index].location, severity: .warning))
        }
        var body = Array(tokens[index...])
        if let first = body.first {
            body[0].spaceBefore = false
            _ = first
        }
        try validate(body, parameters: parameters, macro: name)
        let macro = Macro(
            name: name.text, parameters: parameters, isVariadic: variadic, replacement: body,
            location: files.sourceLocation(name.location))
        if let previous = expander.macros[name.text], !previous.isSameDefinition(as: macro) {
            warnings.append(
                files.diagnostic(
                    "'\(name.text)' redefined", at: name.location,
                    notes: ["this is the location of the previous definition: \(previous.location)"], severity: .warning
                ))
        }
        expander.macros.define(macro)
    }

    /// `(a, b, rest...)` or `(a, ...)`; returns the names, whether variadic, and the index of
    /// the first body token.
    private func parameterList(_ tokens: [PreprocessingToken], from start: Int, macro: PreprocessingToken)
        throws(LinkerScriptError) -> ([String], Bool, Int)
    {
        var names: [String] = []
        var index = start
        var variadic = false
        if index < tokens.count, tokens[index].isPunctuator(")") { return ([], false, index + 1) }
        while index < tokens.count {
            let token = tokens[index]
            if token.isPunctuator("...") {
                names.append("__VA_ARGS__")
                variadic = true
                index += 1
            } else if token.kind == .identifier {
                if names.contains(token.text) {
                    throw error("duplicate macro parameter '\(token.text)'", at: token.location)
                }
                names.append(token.text)
                index += 1
                if index < tokens.count, tokens[index].isPunctuator("...") {
                    variadic = true
                    index += 1
                }
            } else {
                throw error(
                    "expected a parameter name, found '\(token.text)'", at: token.location,
                    notes: ["parameters of '\(macro.text)' are identifiers separated by commas"])
            }
            guard index < tokens.count else { break }
            if tokens[index].isPunctuator(")") { return (names, variadic, index + 1) }
            if variadic {
                throw error("expected ')' after '...' in the parameters of '\(macro.text)'", at: tokens[index].location)
            }
            guard tokens[index].isPunctuator(",") else {
                throw error(
                    "expected ',' or ')' in the parameters of '\(macro.text)', found '\(tokens[index].text)'",
                    at: tokens[index].location)
            }
            index += 1
        }
        throw error("missing ')' in macro parameter list", at: macro.location, notes: ["of macro '\(macro.text)'"])
    }

    private func validate(_ body: [PreprocessingToken], parameters: [String]?, macro: PreprocessingToken)
        throws(LinkerScriptError)
    {
        if let first = body.first, first.isPunctuator("##") {
            throw error("'##' cannot appear at either end of a macro expansion", at: first.location)
        }
        if let last = body.last, last.isPunctuator("##") {
            throw error("'##' cannot appear at either end of a macro expansion", at: last.location)
        }
        guard let parameters else { return }
        for (i, token) in body.enumerated() where token.isPunctuator("#") {
            let next = i + 1 < body.count ? body[i + 1] : nil
            guard let next, next.kind == .identifier, parameters.contains(next.text) else {
                throw error(
                    "'#' is not followed by a macro parameter", at: token.location,
                    notes: [
                        "in a function-like macro, '#' turns a parameter into a string: #\(parameters.first ?? "x")"
                    ])
            }
        }
    }

    // MARK: #if

    /// The value of an `#if`/`#elif` expression or an `#ifdef`/`#ifndef` test.
    private mutating func condition(_ directive: PreprocessingToken, _ rest: [PreprocessingToken])
        throws(LinkerScriptError)
        -> Bool
    {
        switch directive.text {
        case "ifdef", "ifndef", "elifdef", "elifndef":
            guard let name = rest.first, name.kind == .identifier else {
                throw error(
                    "no macro name given in #\(directive.text) directive",
                    at: rest.first?.location ?? directive.location)
            }
            let defined = expander.macros.isDefined(name.text)
            return directive.text.hasSuffix("ndef") ? !defined : defined
        default:
            let replaced = try replaceDefined(rest, at: directive)
            let expanded = try expander.expand(replaced)
            var expression = ConditionalExpression(tokens: expanded, files: files, directive: directive.location)
            return try expression.evaluate() != 0
        }
    }

    /// `defined NAME` and `defined(NAME)` become 1 or 0 before macros are expanded.
    private func replaceDefined(_ tokens: [PreprocessingToken], at directive: PreprocessingToken)
        throws(LinkerScriptError)
        -> [PreprocessingToken]
    {
        var result: [PreprocessingToken] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            guard token.kind == .identifier, token.text == "defined" else {
                result.append(token)
                i += 1
                continue
            }
            var j = i + 1
            let parenthesized = j < tokens.count && tokens[j].isPunctuator("(")
            if parenthesized { j += 1 }
            guard j < tokens.count, tokens[j].kind == .identifier else {
                throw error("operator 'defined' requires an identifier", at: token.location)
            }
            let name = tokens[j].text
            j += 1
            if parenthesized {
                guard j < tokens.count, tokens[j].isPunctuator(")") else {
                    throw error("missing ')' after 'defined'", at: token.location)
                }
                j += 1
            }
            var value = token
            value.kind = .number
            value.text = expander.macros.isDefined(name) ? "1" : "0"
            result.append(value)
            i = j
        }
        return result
    }

    // MARK: #include

    private mutating func include(_ tokens: [PreprocessingToken], at directive: PreprocessingToken, depth: Int)
        throws(LinkerScriptError)
    {
        var operand = tokens
        if let first = operand.first, first.kind == .identifier { operand = try expander.expand(operand) }
        let (name, angled) = try includeName(operand, at: directive)
        guard depth < options.maxIncludeDepth else {
            throw error(
                "#include nested depth \(depth + 1) exceeds maximum of \(options.maxIncludeDepth)",
                at: directive.location,
                notes: ["does a header include itself without an include guard?"])
        }
        let includer = files.name(directive.location.file)
        let candidates = IncludePath.candidates(
            for: name, angled: angled, includer: includer, directories: options.includeDirectories)
        var outside: [String] = []
        for candidate in candidates {
            guard IncludePath.isWithin(candidate, roots: roots) else {
                outside.append(candidate)
                continue
            }
            // The path as written is inside; what it names on disk must be too: a symbolic
            // link inside the allowed directories may point anywhere. (A file that is not on
            // disk — an in-memory loader's — has only the path as written.)
            if let real = InputFile.realPath(candidate), !IncludePath.isWithin(real, roots: realRoots) {
                throw error(
                    "'\(name)' resolves outside the allowed directories: '\(candidate)' is '\(real)'",
                    at: directive.location,
                    notes: [
                        "a symbolic link leads out of the allowed directories; only files whose real path lies inside them are read",
                        "allowed: \(roots.joined(separator: ", ")) (on disk: \(realRoots.joined(separator: ", "))); add one with -I",
                    ])
            }
            let text: String
            do {
                text = try loader(candidate)
            } catch {
                // A file that is there but unreadable (a directory, invalid UTF-8) is an error;
                // only a missing one lets the search go on.
                guard InputFile.isMissing(error) else {
                    throw self.error(
                        "cannot read '\(candidate)': \(InputFile.explain(error))", at: directive.location)
                }
                continue
            }
            try process(text, file: candidate, depth: depth + 1)
            return
        }
        if !outside.isEmpty && outside.count == candidates.count {
            throw error(
                "'\(name)' resolves outside the allowed directories", at: directive.location,
                notes: ["allowed: \(roots.joined(separator: ", ")); add one with -I"])
        }
        throw error(
            "'\(name)' file not found", at: directive.location,
            notes: [
                candidates.isEmpty
                    ? "no include directory given: add one with -I"
                    : "searched: \(candidates.joined(separator: ", "))"
            ])
    }

    private func includeName(_ tokens: [PreprocessingToken], at directive: PreprocessingToken) throws(LinkerScriptError)
        -> (String, Bool)
    {
        if let first = tokens.first, first.kind == .string, first.text.count >= 2 {
            return (String(first.text.dropFirst().dropLast()), false)
        }
        if let first = tokens.first, first.isPunctuator("<"),
            let close = tokens.firstIndex(where: { $0.isPunctuator(">") }),
            close > 1
        {
            return (String(PreprocessingToken.spell(Array(tokens[1..<close])).filter { $0 != " " }), true)
        }
        throw error("#include expects \"FILENAME\" or <FILENAME>", at: tokens.first?.location ?? directive.location)
    }

    private func error(_ message: String, at location: TokenLocation, notes: [String] = []) -> LinkerScriptError {
        .preprocessor(files.diagnostic(message, at: location, notes: notes))
    }
}
