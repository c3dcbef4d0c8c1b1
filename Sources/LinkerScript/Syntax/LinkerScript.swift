import SourceInput

/// A parsed GNU ld linker script: the statements in source order, plus the warnings the parser
/// gave for statements it skipped. Parsing never evaluates anything; ``LinkMap`` does that.
public struct LinkerScript: Sendable, Hashable {
    /// The file the text came from, as given to the parser (used in diagnostics).
    public var file: String
    public var statements: [ScriptStatement]
    /// Statements the parser did not understand and skipped, as ld itself never would; each
    /// names what was skipped and where.
    public var warnings: [Diagnostic]

    public init(file: String, statements: [ScriptStatement], warnings: [Diagnostic] = []) {
        self.file = file
        self.statements = statements
        self.warnings = warnings
    }

    /// The output sections of every `SECTIONS` command, in script order.
    public var outputSections: [OutputSection] {
        statements.flatMap { statement -> [OutputSection] in
            guard case .sections(let items, _) = statement else { return [] }
            return items.compactMap {
                if case .output(let section) = $0 { return section }
                return nil
            }
        }
    }
}

/// A top-level command of the script.
public enum ScriptStatement: Sendable, Hashable {
    /// `SECTIONS { … }`
    case sections([SectionsStatement], SourceLocation)
    /// `ENTRY(symbol)`
    case entry(String, SourceLocation)
    /// `OUTPUT_ARCH(arch)`
    case outputArch(String, SourceLocation)
    /// `OUTPUT_FORMAT(default[, big, little])`
    case outputFormat([String], SourceLocation)
    /// `sym = expr;`, `PROVIDE(sym = expr)`, …
    case assignment(Assignment)
    /// `ASSERT(expr, "message")`
    case assertion(Assertion)
    /// `INCLUDE file`
    case include(String, SourceLocation)
    /// A command ld knows that does not affect section placement (`PHDRS`, `MEMORY`, `TARGET`,
    /// `SEARCH_DIR`, …): kept by name so that tools can list it.
    case ignored(keyword: String, SourceLocation)
}

/// A statement inside `SECTIONS { … }`.
public enum SectionsStatement: Sendable, Hashable {
    case output(OutputSection)
    case assignment(Assignment)
    case assertion(Assertion)
    case entry(String, SourceLocation)
    case include(String, SourceLocation)
    case ignored(keyword: String, SourceLocation)
}

/// `name [address] [(type)] : [AT(lma)] [ALIGN(a)] [SUBALIGN(a)] [constraint] { … } [>region] [:phdr…] [=fill]`
public struct OutputSection: Sendable, Hashable {
    public var name: String
    public var address: Expression?
    /// `NOLOAD`, `COPY`, `INFO`, `OVERLAY`, `READONLY`, …
    public var type: String?
    /// `AT(lma)`: the load address; parsed, not used for placement.
    public var loadAddress: Expression?
    public var align: Expression?
    public var subalign: Expression?
    /// `ONLY_IF_RO` / `ONLY_IF_RW`
    public var constraint: String?
    public var items: [OutputSectionItem]
    public var region: String?
    public var phdrs: [String]
    public var fill: Expression?
    public var location: SourceLocation

    public init(
        name: String, address: Expression? = nil, type: String? = nil,
        loadAddress: Expression? = nil, align: Expression? = nil, subalign: Expression? = nil,
        constraint: String? = nil, items: [OutputSectionItem] = [], region: String? = nil,
        phdrs: [String] = [], fill: Expression? = nil, location: SourceLocation
    ) {
        self.name = name
        self.address = address
        self.type = type
        self.loadAddress = loadAddress
        self.align = align
        self.subalign = subalign
        self.constraint = constraint
        self.items = items
        self.region = region
        self.phdrs = phdrs
        self.fill = fill
        self.location = location
    }

    /// `/DISCARD/` throws away every input section it collects.
    public var isDiscard: Bool { name == "/DISCARD/" }
}

/// A statement inside an output section description.
public enum OutputSectionItem: Sendable, Hashable {
    /// `KEEP(*(.initcall6.init))`, `*(.text .text.*)`, `foo.o(.data)`, …
    case input(InputSectionDescription)
    case assignment(Assignment)
    /// `BYTE(expr)`, `SHORT`, `LONG`, `QUAD`, `SQUAD`: `size` is the byte count.
    case data(size: Int, Expression, SourceLocation)
    /// `FILL(expr)`
    case fill(Expression, SourceLocation)
    case assertion(Assertion)
    case include(String, SourceLocation)
    /// `CONSTRUCTORS`, `CREATE_OBJECT_SYMBOLS`, `SORT(CONSTRUCTORS)`, …
    case ignored(keyword: String, SourceLocation)
}

/// An input section description: which files, which of their sections.
public struct InputSectionDescription: Sendable, Hashable {
    /// `KEEP(…)`: never garbage-collected. Placement is the same with or without it.
    public var keep: Bool
    public var file: FilePattern
    /// The section patterns in the parentheses; empty means "every section of the file"
    /// (`foo.o` on its own).
    public var sections: [SectionPattern]
    public var location: SourceLocation

    public init(keep: Bool, file: FilePattern, sections: [SectionPattern], location: SourceLocation) {
        self.keep = keep
        self.file = file
        self.sections = sections
        self.location = location
    }

    /// The description written back in ld syntax, e.g. `KEEP(*(.initcall6.init))`.
    public var text: String {
        var inner = file.text
        if !sections.isEmpty {
            inner += "(" + sections.map(\.text).joined(separator: " ") + ")"
        }
        return keep ? "KEEP(\(inner))" : inner
    }
}

/// The file part of an input section description: `*`, `*crtend.o`, `EXCLUDE_FILE(a.o) *`,
/// `SORT(*)`.
public struct FilePattern: Sendable, Hashable {
    public var pattern: String
    /// `EXCLUDE_FILE(…)` before the file pattern: files matching one of these are skipped.
    public var excluded: [String]
    /// `SORT(…)` around the file pattern sorts the matched files by name.
    public var sort: SortKind?

    public init(pattern: String, excluded: [String] = [], sort: SortKind? = nil) {
        self.pattern = pattern
        self.excluded = excluded
        self.sort = sort
    }

    public var text: String { SortKind.text(of: pattern, sortedBy: sort, excluding: excluded) }
}

/// One section name pattern inside the parentheses, with its own `EXCLUDE_FILE` and sorting.
public struct SectionPattern: Sendable, Hashable {
    public var pattern: String
    public var excludedFiles: [String]
    public var sort: SortKind?

    public init(pattern: String, excludedFiles: [String] = [], sort: SortKind? = nil) {
        self.pattern = pattern
        self.excludedFiles = excludedFiles
        self.sort = sort
    }

    public var text: String { SortKind.text(of: pattern, sortedBy: sort, excluding: excludedFiles) }
}

/// ld's sorting keywords for input sections or files, nested ones included.
public enum SortKind: String, Sendable, Hashable {
    /// `SORT` / `SORT_BY_NAME`
    case byName
    /// `SORT_BY_ALIGNMENT`: descending alignment.
    case byAlignment
    /// `SORT_BY_INIT_PRIORITY`
    case byInitPriority
    /// `SORT_NONE`: explicitly unsorted.
    case none
    /// `SORT_BY_NAME(SORT_BY_ALIGNMENT(…))`: by name, then by alignment when two names are
    /// equal (ld manual, "Input Section Wildcards").
    case byNameThenAlignment
    /// `SORT_BY_ALIGNMENT(SORT_BY_NAME(…))`: by alignment, then by name when two alignments
    /// are equal.
    case byAlignmentThenName

    /// The keywords as written, outermost first: `["SORT_BY_NAME", "SORT_BY_ALIGNMENT"]`.
    public var keywords: [String] {
        switch self {
        case .byName: return ["SORT_BY_NAME"]
        case .byAlignment: return ["SORT_BY_ALIGNMENT"]
        case .byInitPriority: return ["SORT_BY_INIT_PRIORITY"]
        case .none: return ["SORT_NONE"]
        case .byNameThenAlignment: return ["SORT_BY_NAME", "SORT_BY_ALIGNMENT"]
        case .byAlignmentThenName: return ["SORT_BY_ALIGNMENT", "SORT_BY_NAME"]
        }
    }

    /// `pattern` wrapped in the keywords, parentheses balanced: `SORT_BY_NAME(SORT_BY_ALIGNMENT(x))`.
    public func wrapping(_ pattern: String) -> String {
        keywords.reversed().reduce(pattern) { inner, keyword in "\(keyword)(\(inner))" }
    }

    /// The text of a file or section pattern: sorted, then with its `EXCLUDE_FILE` list. The
    /// one writer both kinds of pattern share.
    static func text(of pattern: String, sortedBy sort: SortKind?, excluding excluded: [String]) -> String {
        let base = sort.map { $0.wrapping(pattern) } ?? pattern
        if excluded.isEmpty { return base }
        return "EXCLUDE_FILE(\(excluded.joined(separator: " "))) \(base)"
    }
}

/// `sym = expr`, `sym += expr`, …, optionally wrapped in `PROVIDE`, `PROVIDE_HIDDEN` or `HIDDEN`.
public struct Assignment: Sendable, Hashable {
    public enum Operator: String, Sendable, Hashable {
        case assign = "=", add = "+=", subtract = "-=", multiply = "*=", divide = "/="
        case shiftLeft = "<<=", shiftRight = ">>=", and = "&=", or = "|="
    }

    public enum Kind: String, Sendable, Hashable {
        case plain, provide, provideHidden, hidden
    }

    /// The symbol assigned, or `.` for the location counter.
    public var symbol: String
    public var op: Operator
    public var value: Expression
    public var kind: Kind
    public var location: SourceLocation

    public init(symbol: String, op: Operator, value: Expression, kind: Kind, location: SourceLocation) {
        self.symbol = symbol
        self.op = op
        self.value = value
        self.kind = kind
        self.location = location
    }

    public var isLocationCounter: Bool { symbol == "." }
}

/// `ASSERT(expr, "message")`
public struct Assertion: Sendable, Hashable {
    public var condition: Expression
    public var message: String
    public var location: SourceLocation

    public init(condition: Expression, message: String, location: SourceLocation) {
        self.condition = condition
        self.message = message
        self.location = location
    }
}

/// An ld expression.
public indirect enum Expression: Sendable, Hashable {
    case number(UInt64)
    /// A symbol reference; `.` is the location counter.
    case symbol(String, SourceLocation)
    case unary(String, Expression)
    case binary(String, Expression, Expression)
    case conditional(Expression, Expression, Expression)
    /// A builtin function: `ALIGN(8)`, `ADDR(.text)`, `SIZEOF(.data)`, `DEFINED(sym)`, …
    /// Arguments that name sections or symbols are `.symbol`.
    case call(String, [Expression], SourceLocation)
}
