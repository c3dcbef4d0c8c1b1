import SourceInput

/// Recursive-descent parser for the GNU ld script language, as far as a kernel's `vmlinux.lds`
/// uses it. Statements ld knows but that do not place sections (`PHDRS`, `MEMORY`, …) are kept
/// as `.ignored`; a statement it does not know is skipped with a warning.
///
/// ld itself stops at the first statement it cannot parse ("syntax error"). Skipping keeps
/// a script with the odd command this parser does not model usable, but a file that is not a
/// linker script at all (`/etc/passwd` given as one) would echo every line back as a warning:
/// past ``maxSkippedStatements`` the parse fails, as ld would, at the first statement skipped.
extension LinkerScript {
    /// Parses script text. Throws the first syntax error with its file, line and column.
    public static func parse(_ text: String, file: String) throws(LinkerScriptError) -> LinkerScript {
        try parse(ScriptSource(text: SourceText.normalized(text), file: file))
    }

    /// Parses text with line origins, such as the preprocessor's output: a syntax error is reported
    /// at the file, line and column the user wrote, with the expanded line in a note.
    public static func parse(_ source: ScriptSource) throws(LinkerScriptError) -> LinkerScript {
        var parser = Parser(scanner: Scanner(source: source))
        let statements = try parser.parseScript()
        return LinkerScript(
            file: source.file, statements: statements, warnings: parser.warnings,
            sourceLines: parser.scanner.sourceLines())
    }
}

struct Parser {
    var scanner: Scanner
    var warnings: [Diagnostic] = []
    /// The statements skipped so far, the first of them kept for the error.
    private var skipped = 0
    private var firstSkipped: (word: String, diagnostic: Diagnostic)?

    /// How many unknown statements a script may have before it is taken for something else.
    static let maxSkippedStatements = 10

    init(scanner: Scanner) {
        self.scanner = scanner
    }

    // MARK: Top level

    mutating func parseScript() throws(LinkerScriptError) -> [ScriptStatement] {
        var statements: [ScriptStatement] = []
        while true {
            try scanner.skipTrivia()
            if scanner.isAtEnd { break }
            if try scanner.consume(";") { continue }
            guard let (word, location) = try scanner.scanWord() else {
                throw unexpected("a command such as SECTIONS, ENTRY or an assignment")
            }
            if let statement = try parseCommand(word, at: location) {
                statements.append(statement)
            }
        }
        return statements
    }

    private mutating func parseCommand(_ word: String, at location: SourceLocation)
        throws(LinkerScriptError) -> ScriptStatement?
    {
        switch word {
        case "SECTIONS":
            try scanner.expect("{", "after SECTIONS")
            let items = try parseSectionsBody()
            return .sections(items, location)
        case "ENTRY":
            return .entry(try parseParenthesizedName("ENTRY"), location)
        case "OUTPUT_ARCH":
            // Architecture names contain ':' (`i386:x86-64`), which ends names elsewhere.
            try scanner.expect("(", "after OUTPUT_ARCH")
            let name = try scanner.scanRaw(until: UInt8(ascii: ")"))
            try scanner.expect(")", "to close OUTPUT_ARCH(…)")
            _ = try scanner.consume(";")
            return .outputArch(name, location)
        case "OUTPUT_FORMAT":
            return .outputFormat(try parseNameList("OUTPUT_FORMAT"), location)
        case _ where Parser.sharedKeywords.contains(word):
            switch try parseShared(word, at: location) {
            case .assertion(let assertion): return .assertion(assertion)
            case .assignment(let assignment): return .assignment(assignment)
            case .include(let file): return .include(file, location)
            }
        case _ where Parser.parenthesizedCommands.contains(word):
            try scanner.skipParenthesized()
            return .ignored(keyword: word, location)
        case _ where Parser.blockCommands.contains(word):
            try scanner.skipBlock()
            return .ignored(keyword: word, location)
        case _ where Parser.bareCommands.contains(word):
            return .ignored(keyword: word, location)
        case "INSERT":
            // INSERT AFTER|BEFORE section — no terminator.
            _ = try scanner.scanWord()
            _ = try scanner.scanWord()
            return .ignored(keyword: word, location)
        default:
            if try atAssignmentOperator() {
                return .assignment(try parseAssignment(symbol: word, kind: .plain, at: location, terminated: true))
            }
            try skipUnknown(word, at: location)
            return nil
        }
    }

    static let parenthesizedCommands: Set<String> = [
        "TARGET", "SEARCH_DIR", "INPUT", "GROUP", "OUTPUT", "STARTUP", "EXTERN", "NOCROSSREFS",
        "NOCROSSREFS_TO", "REGION_ALIAS", "LD_FEATURE", "AS_NEEDED", "MAP", "OUTPUT_ARCH_NAME",
    ]
    static let blockCommands: Set<String> = ["PHDRS", "MEMORY", "VERSION"]
    static let bareCommands: Set<String> = [
        "FORCE_COMMON_ALLOCATION", "INHIBIT_COMMON_ALLOCATION", "FORCE_GROUP_ALLOCATION",
    ]

    private mutating func skipUnknown(_ word: String, at location: SourceLocation) throws(LinkerScriptError) {
        let diagnostic = scanner.diagnostic(
            "unknown statement '\(word)' skipped", at: location,
            notes: ["initcall-sim reads the commands ld uses to place sections; this one has no effect here"],
            severity: .warning)
        skipped += 1
        if firstSkipped == nil { firstSkipped = (word, diagnostic) }
        if skipped > Parser.maxSkippedStatements, let (first, firstDiagnostic) = firstSkipped {
            var error = firstDiagnostic
            error.severity = .error
            error.message =
                "this does not look like a linker script: more than \(Parser.maxSkippedStatements) statements are not ld commands, the first '\(first)'"
            error.notes = [
                "ld stops at the first statement it cannot parse; initcall-sim skips up to \(Parser.maxSkippedStatements) with a warning each and gives up at the next (\(location))"
            ]
            throw .syntax(error)
        }
        warnings.append(diagnostic)
        try scanner.skipStatement()
    }

    // MARK: SECTIONS

    private mutating func parseSectionsBody() throws(LinkerScriptError) -> [SectionsStatement] {
        var items: [SectionsStatement] = []
        while true {
            try scanner.skipTrivia()
            if try scanner.consume("}") { return items }
            if scanner.isAtEnd {
                throw scanner.syntaxError("expected '}' to close SECTIONS, found end of file")
            }
            if try scanner.consume(";") { continue }
            guard let (word, location) = try scanner.scanWord() else {
                throw unexpected("an output section, an assignment or '}'")
            }
            switch word {
            case "ENTRY":
                items.append(.entry(try parseParenthesizedName("ENTRY"), location))
            case _ where Parser.sharedKeywords.contains(word):
                switch try parseShared(word, at: location) {
                case .assertion(let assertion): items.append(.assertion(assertion))
                case .assignment(let assignment): items.append(.assignment(assignment))
                case .include(let file): items.append(.include(file, location))
                }
            case "OVERLAY":
                try skipUnknown(word, at: location)
            default:
                if try atAssignmentOperator() {
                    items.append(
                        .assignment(try parseAssignment(symbol: word, kind: .plain, at: location, terminated: true)))
                } else {
                    items.append(.output(try parseOutputSection(name: word, at: location)))
                }
            }
        }
    }

    private static let sectionTypes: Set<String> = [
        "NOLOAD", "DSECT", "COPY", "INFO", "OVERLAY", "READONLY", "TYPE",
    ]

    private mutating func parseOutputSection(name: String, at location: SourceLocation)
        throws(LinkerScriptError) -> OutputSection
    {
        var section = OutputSection(name: name, location: location)
        try scanner.skipTrivia()
        if scanner.lookingAt("{") {
            throw scanner.syntaxError(
                "expected ':' after the output section name '\(name)'",
                notes: ["an output section reads '\(name) : { … }'"])
        }
        if !scanner.lookingAt(":") {
            if let type = try parseSectionType() {
                section.type = type
            } else {
                section.address = try parseExpression()
                section.type = try parseSectionType()
            }
        }
        try scanner.expect(":", "after the output section name '\(name)'")
        try parseOutputSectionAttributes(&section)
        try scanner.expect("{", "to open output section '\(name)'")
        section.items = try parseOutputSectionItems(sectionName: name)
        try parseOutputSectionTrailer(&section)
        return section
    }

    /// `(NOLOAD)` and friends; nil (and nothing consumed) when the parenthesis is an address.
    private mutating func parseSectionType() throws(LinkerScriptError) -> String? {
        try scanner.skipTrivia()
        guard scanner.lookingAt("(") else { return nil }
        let saved = scanner
        _ = try scanner.consume("(")
        if let (word, _) = try scanner.scanWord(), Parser.sectionTypes.contains(word) {
            if word == "TYPE" {
                try scanner.expect("=", "after TYPE")
                _ = try parseExpression()
            }
            try scanner.expect(")", "after the section type")
            return word
        }
        scanner = saved
        return nil
    }

    private mutating func parseOutputSectionAttributes(_ section: inout OutputSection) throws(LinkerScriptError) {
        while true {
            try scanner.skipTrivia()
            if scanner.lookingAt("{") { return }
            let saved = scanner
            guard let (word, _) = try scanner.scanWord() else { return }
            switch word {
            case "AT":
                section.loadAddress = try parseParenthesizedExpression("AT")
            case "ALIGN":
                section.align = try parseParenthesizedExpression("ALIGN")
            case "SUBALIGN":
                section.subalign = try parseParenthesizedExpression("SUBALIGN")
            case "ALIGN_WITH_INPUT":
                continue
            case "ONLY_IF_RO", "ONLY_IF_RW", "SPECIAL":
                section.constraint = word
            default:
                scanner = saved
                return
            }
        }
    }

    private mutating func parseOutputSectionTrailer(_ section: inout OutputSection) throws(LinkerScriptError) {
        while true {
            try scanner.skipTrivia()
            if scanner.lookingAt("AT>") || scanner.lookingAt("AT >") {
                _ = try scanner.consume("AT")
                _ = try scanner.consume(">")
                _ = try scanner.scanWord()
            } else if scanner.lookingAt(">") {
                _ = try scanner.consume(">")
                section.region = try scanner.scanWord()?.0
            } else if scanner.lookingAt(":"), !scanner.lookingAt(":=") {
                _ = try scanner.consume(":")
                guard let (phdr, _) = try scanner.scanWord() else {
                    throw unexpected("a program header name after ':'")
                }
                section.phdrs.append(phdr)
            } else if scanner.lookingAt("="), !scanner.lookingAt("==") {
                _ = try scanner.consume("=")
                section.fill = try parseExpression()
            } else if scanner.lookingAt(",") {
                _ = try scanner.consume(",")
            } else {
                return
            }
        }
    }

    // MARK: Output section contents

    private mutating func parseOutputSectionItems(sectionName: String) throws(LinkerScriptError)
        -> [OutputSectionItem]
    {
        var items: [OutputSectionItem] = []
        while true {
            try scanner.skipTrivia()
            if try scanner.consume("}") { return items }
            if scanner.isAtEnd {
                throw scanner.syntaxError("expected '}' to close output section '\(sectionName)', found end of file")
            }
            if try scanner.consume(";") { continue }
            if scanner.lookingAt("(") {
                throw unexpected("an input section description such as '*(.text)' or an assignment")
            }
            guard let (word, location) = try scanner.scanWord() else {
                throw unexpected("an input section description such as '*(.text)' or an assignment")
            }
            items.append(try parseOutputSectionItem(word, at: location))
        }
    }

    private static let dataSizes: [String: Int] = ["BYTE": 1, "SHORT": 2, "LONG": 4, "QUAD": 8, "SQUAD": 8]

    private mutating func parseOutputSectionItem(_ word: String, at location: SourceLocation)
        throws(LinkerScriptError) -> OutputSectionItem
    {
        switch word {
        case "KEEP":
            try scanner.expect("(", "after KEEP")
            guard let (first, firstLocation) = try scanner.scanWord() else {
                throw unexpected("an input section description inside KEEP(…)")
            }
            var description = try parseInputSpec(first, at: firstLocation)
            description.keep = true
            description.location = location
            try scanner.expect(")", "to close KEEP(…)")
            return .input(description)
        case _ where Parser.dataSizes[word] != nil:
            let expression = try parseParenthesizedExpression(word)
            return .data(size: Parser.dataSizes[word] ?? 0, expression, location)
        case "FILL":
            return .fill(try parseParenthesizedExpression("FILL"), location)
        case _ where Parser.sharedKeywords.contains(word):
            switch try parseShared(word, at: location) {
            case .assertion(let assertion): return .assertion(assertion)
            case .assignment(let assignment): return .assignment(assignment)
            case .include(let file): return .include(file, location)
            }
        case "CONSTRUCTORS", "CREATE_OBJECT_SYMBOLS":
            return .ignored(keyword: word, location)
        default:
            if try atAssignmentOperator() {
                return .assignment(try parseAssignment(symbol: word, kind: .plain, at: location, terminated: true))
            }
            if Parser.sortKeywords[word] != nil, try isSortOfConstructors() {
                return .ignored(keyword: "\(word)(CONSTRUCTORS)", location)
            }
            return .input(try parseInputSpec(word, at: location))
        }
    }

    private mutating func isSortOfConstructors() throws(LinkerScriptError) -> Bool {
        let saved = scanner
        if try scanner.consume("("), let (inner, _) = try scanner.scanWord(), inner == "CONSTRUCTORS",
            try scanner.consume(")")
        {
            return true
        }
        scanner = saved
        return false
    }

    static let sortKeywords: [String: SortKind] = [
        "SORT": .byName, "SORT_BY_NAME": .byName, "SORT_BY_ALIGNMENT": .byAlignment,
        "SORT_BY_INIT_PRIORITY": .byInitPriority, "SORT_NONE": SortKind.none,
    ]

    /// `file-pattern [ ( section-patterns ) ]`, where `first` is the word already read.
    private mutating func parseInputSpec(_ first: String, at location: SourceLocation)
        throws(LinkerScriptError) -> InputSectionDescription
    {
        var file: FilePattern
        if first == "EXCLUDE_FILE" {
            let excluded = try parseExcludeList()
            guard let (pattern, _) = try scanner.scanWord() else {
                throw unexpected("a file pattern after EXCLUDE_FILE(…)")
            }
            file = FilePattern(pattern: pattern, excluded: excluded)
            if let sort = Parser.sortKeywords[pattern] {
                let (inner, _) = try parseSorted(sort)
                file = FilePattern(pattern: inner, excluded: excluded, sort: sort)
            }
        } else if let sort = Parser.sortKeywords[first] {
            let (inner, innerSort) = try parseSorted(sort)
            file = FilePattern(pattern: inner, sort: innerSort)
        } else {
            file = FilePattern(pattern: first)
        }
        var sections: [SectionPattern] = []
        try scanner.skipTrivia()
        if try scanner.consume("(") {
            sections = try parseSectionPatterns()
        }
        return InputSectionDescription(keep: false, file: file, sections: sections, location: location)
    }

    private mutating func parseExcludeList() throws(LinkerScriptError) -> [String] {
        try scanner.expect("(", "after EXCLUDE_FILE")
        var names: [String] = []
        while true {
            try scanner.skipTrivia()
            if try scanner.consume(")") { break }
            if try scanner.consume(",") { continue }
            guard let (name, _) = try scanner.scanWord() else {
                throw unexpected("a file name pattern or ')' in EXCLUDE_FILE(…)")
            }
            names.append(name)
        }
        if names.isEmpty { throw scanner.syntaxError("EXCLUDE_FILE() needs at least one file pattern") }
        return names
    }

    /// `SORT_xxx( pattern )` or nested `SORT_BY_NAME(SORT_BY_ALIGNMENT( pattern ))`; the
    /// keyword itself has been read.
    private mutating func parseSorted(_ outer: SortKind, nesting: Int = 1) throws(LinkerScriptError) -> (
        String, SortKind
    ) {
        try scanner.expect("(", "after the sort keyword")
        guard let (word, location) = try scanner.scanWord() else {
            throw unexpected("a pattern inside the sort keyword's parentheses")
        }
        var kind = outer
        var pattern = word
        if let inner = Parser.sortKeywords[word] {
            // ld accepts one sort keyword inside another, no deeper.
            guard nesting < 2 else {
                throw scanner.syntaxError(
                    "sort keywords nest at most two deep", at: location,
                    notes: ["write e.g. SORT_BY_NAME(SORT_BY_ALIGNMENT(.text.*))"])
            }
            let (innerPattern, _) = try parseSorted(inner, nesting: nesting + 1)
            pattern = innerPattern
            // ld manual, "Input Section Wildcards": these four nestings, no others.
            switch (outer, inner) {
            case (.byName, .byAlignment): kind = .byNameThenAlignment
            case (.byAlignment, .byName): kind = .byAlignmentThenName
            case (.byName, .byName), (.byAlignment, .byAlignment): kind = outer
            default:
                throw scanner.syntaxError(
                    "\(outer.keywords[0])(\(word)(…)) is not a valid nested sort", at: location,
                    notes: [
                        "ld accepts SORT_BY_NAME and SORT_BY_ALIGNMENT nested in each other or in themselves, nothing else"
                    ])
            }
        }
        try scanner.expect(")", "to close the sort keyword")
        return (pattern, kind)
    }

    private mutating func parseSectionPatterns() throws(LinkerScriptError) -> [SectionPattern] {
        var patterns: [SectionPattern] = []
        while true {
            try scanner.skipTrivia()
            if try scanner.consume(")") { return patterns }
            if try scanner.consume(",") { continue }
            if scanner.isAtEnd {
                throw scanner.syntaxError("expected ')' to close the section list, found end of file")
            }
            guard let (word, _) = try scanner.scanWord() else {
                throw unexpected("a section name pattern or ')'")
            }
            if word == "EXCLUDE_FILE" {
                let excluded = try parseExcludeList()
                guard let (pattern, _) = try scanner.scanWord() else {
                    throw unexpected("a section pattern after EXCLUDE_FILE(…)")
                }
                if let sort = Parser.sortKeywords[pattern] {
                    let (inner, kind) = try parseSorted(sort)
                    patterns.append(SectionPattern(pattern: inner, excludedFiles: excluded, sort: kind))
                } else {
                    patterns.append(SectionPattern(pattern: pattern, excludedFiles: excluded))
                }
            } else if let sort = Parser.sortKeywords[word] {
                let (inner, kind) = try parseSorted(sort)
                patterns.append(SectionPattern(pattern: inner, sort: kind))
            } else {
                patterns.append(SectionPattern(pattern: word))
            }
        }
    }

    // MARK: Statements allowed everywhere

    /// `ASSERT`, `PROVIDE`/`PROVIDE_HIDDEN`/`HIDDEN` and `INCLUDE` read the same at the top
    /// level, inside `SECTIONS` and inside an output section.
    enum SharedStatement {
        case assertion(Assertion)
        case assignment(Assignment)
        case include(String)
    }

    static let sharedKeywords: Set<String> = ["ASSERT", "PROVIDE", "PROVIDE_HIDDEN", "HIDDEN", "INCLUDE"]

    private mutating func parseShared(_ word: String, at location: SourceLocation) throws(LinkerScriptError)
        -> SharedStatement
    {
        switch word {
        case "ASSERT":
            let assertion = try parseAssertion(at: location)
            _ = try scanner.consume(";")
            return .assertion(assertion)
        case "INCLUDE":
            return .include(try parseIncludeName())
        default:
            return .assignment(try parseWrappedAssignment(word, at: location))
        }
    }

    // MARK: Assignments

    /// True when an assignment operator comes next (`=` but not `==`, `+=`, `<<=`, …).
    private mutating func atAssignmentOperator() throws(LinkerScriptError) -> Bool {
        try scanner.skipTrivia()
        if scanner.lookingAt("==") { return false }
        return Parser.assignmentOperators.contains { scanner.lookingAt($0.utf8) }
    }

    /// Assignment operators, longest first.
    private static let assignmentOperators: [(text: String, utf8: [UInt8])] = [
        "<<=", ">>=", "+=", "-=", "*=", "/=", "&=", "|=", "=",
    ].map { ($0, Array($0.utf8)) }

    private mutating func parseAssignment(
        symbol: String, kind: Assignment.Kind, at location: SourceLocation, terminated: Bool
    ) throws(LinkerScriptError) -> Assignment {
        guard symbol == "." || Parser.isValidSymbol(symbol) else {
            throw scanner.syntaxError(
                "'\(symbol)' cannot be assigned to", at: location,
                notes: ["the left side of an assignment is a symbol name or '.'"])
        }
        var op = Assignment.Operator.assign
        try scanner.skipTrivia()
        if let candidate = Parser.assignmentOperators.first(where: { scanner.lookingAt($0.utf8) }) {
            scanner.skip(candidate.utf8.count)
            op = Assignment.Operator(rawValue: candidate.text) ?? .assign
        }
        try scanner.skipTrivia()
        let valueLocation = scanner.location
        let value = try parseExpression()
        if terminated {
            try scanner.skipTrivia()
            if !(try scanner.consume(";")) {
                // ld accepts a missing ';' before '}' in some contexts; we require it, like
                // current ld does for assignments.
                throw scanner.syntaxError(
                    "expected ';' after the assignment to '\(symbol)'",
                    notes: ["an assignment ends with ';', as in '\(symbol) = .;'"])
            }
        }
        return Assignment(
            symbol: symbol, op: op, value: value, kind: kind, location: location, valueLocation: valueLocation)
    }

    static func isValidSymbol(_ name: String) -> Bool {
        guard let first = name.utf8.first, Scanner.isSymbolStart(first) || first == UInt8(ascii: "\\") else {
            return false
        }
        return name.utf8.allSatisfy { Scanner.isSymbolByte($0) || $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "-") }
    }

    /// `PROVIDE(sym = expr)` and friends; the trailing `;` is optional, as in ld.
    private mutating func parseWrappedAssignment(_ keyword: String, at location: SourceLocation)
        throws(LinkerScriptError) -> Assignment
    {
        let kind: Assignment.Kind =
            keyword == "PROVIDE" ? .provide : keyword == "PROVIDE_HIDDEN" ? .provideHidden : .hidden
        try scanner.expect("(", "after \(keyword)")
        guard let (symbol, symbolLocation) = try scanner.scanSymbol() else {
            throw unexpected("a symbol name inside \(keyword)(…)")
        }
        _ = symbolLocation
        let assignment = try parseAssignment(symbol: symbol, kind: kind, at: location, terminated: false)
        try scanner.expect(")", "to close \(keyword)(…)")
        _ = try scanner.consume(";")
        return assignment
    }

    private mutating func parseAssertion(at location: SourceLocation) throws(LinkerScriptError) -> Assertion {
        try scanner.expect("(", "after ASSERT")
        let condition = try parseExpression()
        let message = try parseAssertionMessage()
        return Assertion(condition: condition, message: message, location: location)
    }

    /// `, "message")` after an ASSERT condition; a bare word is accepted as the message.
    mutating func parseAssertionMessage() throws(LinkerScriptError) -> String {
        try scanner.expect(",", "between the ASSERT condition and its message")
        try scanner.skipTrivia()
        let message: String
        if scanner.peek() == UInt8(ascii: "\"") {
            message = try scanner.scanQuoted()
        } else if let (word, _) = try scanner.scanWord() {
            message = word
        } else {
            throw unexpected("the ASSERT message, a quoted string")
        }
        try scanner.expect(")", "to close ASSERT(…)")
        return message
    }

    // MARK: Small pieces

    private mutating func parseParenthesizedName(_ keyword: String) throws(LinkerScriptError) -> String {
        try scanner.expect("(", "after \(keyword)")
        guard let (name, _) = try scanner.scanWord() else { throw unexpected("a name inside \(keyword)(…)") }
        try scanner.expect(")", "to close \(keyword)(…)")
        _ = try scanner.consume(";")
        return name
    }

    private mutating func parseNameList(_ keyword: String) throws(LinkerScriptError) -> [String] {
        try scanner.expect("(", "after \(keyword)")
        var names: [String] = []
        while true {
            try scanner.skipTrivia()
            if try scanner.consume(")") { break }
            if try scanner.consume(",") { continue }
            guard let (name, _) = try scanner.scanWord() else { throw unexpected("a name or ')' in \(keyword)(…)") }
            names.append(name)
        }
        _ = try scanner.consume(";")
        return names
    }

    private mutating func parseIncludeName() throws(LinkerScriptError) -> String {
        guard let (name, _) = try scanner.scanWord() else { throw unexpected("a file name after INCLUDE") }
        _ = try scanner.consume(";")
        return name
    }

    private mutating func parseParenthesizedExpression(_ keyword: String) throws(LinkerScriptError) -> Expression {
        try scanner.expect("(", "after \(keyword)")
        let expression = try parseExpression()
        try scanner.expect(")", "to close \(keyword)(…)")
        return expression
    }

    func unexpected(_ expected: String) -> LinkerScriptError {
        let found: String
        if let c = scanner.peek() {
            found = "'\(String(decoding: [c], as: UTF8.self))'"
        } else {
            found = "end of file"
        }
        return scanner.syntaxError("expected \(expected), found \(found)")
    }
}
