import SourceInput

/// `name [address] [(type)] : [AT(lma)] [ALIGN(a)] [SUBALIGN(a)] [constraint] { … } [>region] [:phdr…] [=fill]`
public struct OutputSection: Sendable, Hashable {
    /// The output section's name (`.init.data`, `/DISCARD/`).
    public var name: String
    /// The address written before the colon; nil places the section at the location counter.
    public var address: Expression?
    /// `NOLOAD`, `COPY`, `INFO`, `OVERLAY`, `READONLY`, …
    public var type: String?
    /// `AT(lma)`: the load address; parsed, not used for placement.
    public var loadAddress: Expression?
    /// `ALIGN(a)` after the colon: the section starts at a multiple of `a`.
    public var align: Expression?
    /// `SUBALIGN(a)`: the alignment ld forces on each input section inside; parsed, not used.
    public var subalign: Expression?
    /// `ONLY_IF_RO` / `ONLY_IF_RW`
    public var constraint: String?
    /// The statements between the braces, in order.
    public var items: [OutputSectionItem]
    /// `>region`: the memory region; parsed, not used for placement.
    public var region: String?
    /// `:phdr`: the program headers the section goes to; parsed, not used for placement.
    public var phdrs: [String]
    /// `=fill`: the pattern that fills gaps; parsed, not used for placement.
    public var fill: Expression?
    /// Where the output section description is written.
    public var location: SourceLocation

    /// An output section description; everything but `name`, `items` and `location` is optional, as
    /// in ld's syntax.
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
