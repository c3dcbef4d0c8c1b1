import SourceInput

/// The result of laying out input sections with a script, as `ld -M` would print it: output
/// sections with addresses, where every input section went, the symbols the script defined,
/// and which inputs no pattern collected (orphans) or `/DISCARD/` threw away.
public struct LinkMap: Sendable {
    /// One output section as laid out: name, address, size, and where the script describes it.
    public struct OutputSectionLayout: Sendable, Hashable {
        /// The output section's name (`.init.data`).
        public var name: String
        /// Its start address.
        public var address: UInt64
        /// Its size in bytes, padding included.
        public var size: UInt64
        /// Where the script describes it.
        public var location: SourceLocation
    }

    /// Which input section description of the script collected an input. Descriptions are
    /// told apart by their place in the script (``outputSectionIndex``, ``itemIndex``), never
    /// by their source location: every line of one macro expansion shares its location.
    /// Ordered as ld walks them: script order, which is placement order.
    public struct StatementReference: Sendable, Hashable, Comparable {
        /// The name of the output section (`.init.data`, `/DISCARD/`).
        public var outputSection: String
        /// The description as written, e.g. `KEEP(*(.initcall6.init))`.
        public var description: String
        /// Where the description is written (a macro's invocation, for descriptions it expands to).
        public var location: SourceLocation
        /// The output section's ordinal among the script's output sections (``LinkerScript/outputSections``)
        /// and the item's index inside it: tells apart descriptions that read the same, as the
        /// lines of one macro expansion do.
        public var outputSectionIndex: Int = 0
        /// The description's index among the items of its output section (see
        /// ``outputSectionIndex``).
        public var itemIndex: Int = 0

        public static func < (lhs: StatementReference, rhs: StatementReference) -> Bool {
            (lhs.outputSectionIndex, lhs.itemIndex) < (rhs.outputSectionIndex, rhs.itemIndex)
        }

        /// The description this reference names in `script`, or nil if the script has no
        /// such statement.
        public func resolve(in script: LinkerScript) -> InputSectionDescription? {
            let sections = script.outputSections
            guard sections.indices.contains(outputSectionIndex) else { return nil }
            let items = sections[outputSectionIndex].items
            guard items.indices.contains(itemIndex), case .input(let description) = items[itemIndex] else { return nil }
            return description
        }
    }

    /// Where one input section went: its address, and the description that collected it.
    public struct Placement: Sendable, Hashable {
        /// Index into the `inputs` given to the layout.
        public var input: Int
        /// The address the input was placed at.
        public var address: UInt64
        /// The input section description that collected it.
        public var statement: StatementReference
    }

    /// A symbol the script assigns, with its value.
    public struct Symbol: Sendable, Hashable {
        /// The symbol's name (`__initcall6_start`).
        public var name: String
        /// Nil when the value depends on something the script alone cannot know (a symbol
        /// defined by object code, a memory region); ``unknown`` says which.
        public var value: UInt64?
        /// How it is assigned: plainly, or through `PROVIDE`, `PROVIDE_HIDDEN` or `HIDDEN`.
        public var kind: Assignment.Kind
        /// Where it is first assigned.
        public var location: SourceLocation
        /// Why ``value`` is nil: the reference it depends on, and where.
        public var unknown: UnknownValue?
    }

    /// The output sections, in script order, with their addresses and sizes.
    public var outputSections: [OutputSectionLayout] = []
    /// Every placed input, in address order (which is script order, then link order).
    public var placements: [Placement] = []
    /// Inputs that no input section description collected. ld would place them as orphan
    /// sections outside every table the script brackets with symbols.
    public var orphans: [Int] = []
    /// Inputs collected by `/DISCARD/`, with the statement that took them.
    public var discarded: [(input: Int, statement: StatementReference)] = []
    /// Symbols the script assigned, in first-definition order (a later assignment updates the
    /// value in place, as ld's symbol table does).
    public var symbols: [Symbol] = []
    /// Non-fatal findings of the layout, in script order: a location counter assignment or an
    /// output section address or alignment that depends on something the script does not
    /// define (each says what, and where). Errors — a failing `ASSERT`, the location counter
    /// moving backwards — are thrown instead.
    public var warnings: [Diagnostic] = []
    /// The lines of the script laid out, for diagnostics about its statements.
    public var sourceLines = SourceLines()

    var symbolIndex: [String: Int] = [:]

    /// An empty map: nothing placed, no symbols.
    public init() {}

    /// The value of a symbol the script defines, or nil if it defines none of that name or its
    /// value is unknown.
    public func address(of symbol: String) -> UInt64? {
        guard let index = symbolIndex[symbol] else { return nil }
        return symbols[index].value
    }

    /// The definition of a symbol, or nil if the script never assigns it.
    public func symbol(named name: String) -> Symbol? {
        symbolIndex[name].map { symbols[$0] }
    }

}

extension LinkMap.Placement {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.input == rhs.input && lhs.address == rhs.address && lhs.statement == rhs.statement
    }
}
