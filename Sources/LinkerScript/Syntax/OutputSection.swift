import SourceInput

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
