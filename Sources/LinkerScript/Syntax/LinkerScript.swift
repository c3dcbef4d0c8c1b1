import SourceInput

/// A parsed GNU ld linker script: the statements in source order, plus the warnings the parser
/// gave for statements it skipped. Parsing never evaluates anything; ``LinkMap`` does that.
public struct LinkerScript: Sendable, Hashable {
    /// The file the text came from, as given to the parser (used in diagnostics).
    public var file: String
    /// The top-level commands, in source order.
    public var statements: [ScriptStatement]
    /// Statements the parser did not understand and skipped, as ld itself never would; each
    /// names what was skipped and where.
    public var warnings: [Diagnostic]
    /// The lines the script was written on, for the caret display of errors the layout finds.
    public var sourceLines: SourceLines

    /// A script made of `statements`, parsed or built by hand; `file` names it in diagnostics.
    public init(
        file: String, statements: [ScriptStatement], warnings: [Diagnostic] = [],
        sourceLines: SourceLines = SourceLines()
    ) {
        self.file = file
        self.statements = statements
        self.warnings = warnings
        self.sourceLines = sourceLines
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
