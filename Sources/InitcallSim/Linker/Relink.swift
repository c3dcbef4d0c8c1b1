import LinkerScript

/// Links one description in many link orders without redoing the ld layout each time.
///
/// Why it is exact: which input section description of the script collects an input depends on
/// file and section names only, never on link order; only the order *inside* one description's
/// collection follows link order (then section order within a file). When no description that
/// collects initcall inputs sorts (`SORT…`), and the inputs one description collects all share
/// one alignment, reordering changes neither the size of any collection nor any symbol the
/// script defines. A relink therefore keeps every symbol, slice and output section of a first,
/// full link, and only reorders the inputs inside each collection and repacks their addresses.
/// Whenever those conditions do not hold, ``link(order:)`` falls back to ``Linker/link``.
/// `RelinkTests` checks the result against the full link for random orders.
package struct Relinker: Sendable {
    /// One input section of one object: which of the object's entries it holds.
    struct ObjectInput: Sendable {
        var section: String
        var entries: [Int]
        var size: UInt64
        var alignment: UInt64
    }

    /// An input, named by its object (description index) and its ordinal among that object's
    /// inputs; stable across link orders, unlike the index into the linker's input list.
    struct Member: Sendable {
        var object: Int
        var local: Int
    }

    /// The inputs one input section description collected, in the base link's order.
    struct Collection: Sendable {
        /// A placement of the base link by this description, to copy (its initializer is
        /// internal to the LinkerScript module).
        var template: LinkMap.Placement
        var statement: LinkMap.StatementReference { template.statement }
        var start: UInt64
        var end: UInt64
        var members: [Member]
    }

    package let description: KernelDescription
    /// The full link every relink starts from.
    package let base: KernelImage
    /// Whether relinks are computed here (true) or by a full link each time (false).
    package let isFast: Bool
    private let paths: [String]
    private let inputs: [[ObjectInput]]
    private let collections: [Collection]
    private let orphans: [Member]
    private let discarded: [(member: Member, statement: LinkMap.StatementReference)]
    /// Each object's entries as the table lists them, without an address yet.
    private let templates: [[PlacedInitcall]]
    private let bodies: [[InitcallBody]]

    /// Links `description` once in description order, to relink it in other orders.
    package init(_ description: KernelDescription) throws(LinkError) {
        let base = try Linker.link(description)
        self.description = description
        self.base = base
        self.paths = description.objects.map(\.path)
        let entrySize = description.architecture.entrySize
        let (allInputs, owners) = Linker.inputSections(description.objects, entrySize: entrySize)
        var perObject: [[ObjectInput]] = Array(repeating: [], count: description.objects.count)
        var members: [Member] = []
        for (index, owner) in owners.enumerated() {
            let input = allInputs[index]
            members.append(Member(object: owner.object, local: perObject[owner.object].count))
            perObject[owner.object].append(
                ObjectInput(section: input.name, entries: owner.entries, size: input.size, alignment: input.alignment))
        }
        self.inputs = perObject
        self.collections = Relinker.collections(base.linkMap, members: members, inputs: allInputs)
        self.orphans = base.linkMap.orphans.map { members[$0] }
        self.discarded = base.linkMap.discarded.map { (members[$0.input], $0.statement) }
        self.templates = description.objects.map { object in
            object.entries.enumerated().map { index, entry in Linker.placedInitcall(entry, object: object.path, order: index, address: nil) }
        }
        self.bodies = description.objects.map { $0.entries.map(\.function.body) }
        self.isFast = Relinker.isExact(collections, inputs: perObject, script: try description.effectiveLinkerScript())
    }

    /// Groups the base placements by the description that collected them (each description
    /// lays out all of its inputs at once, so they are consecutive).
    private static func collections(_ map: LinkMap, members: [Member], inputs: [InputSection]) -> [Collection] {
        var result: [Collection] = []
        for placement in map.placements {
            let end = placement.address &+ inputs[placement.input].size
            if let last = result.last, last.statement == placement.statement {
                result[result.count - 1].members.append(members[placement.input])
                result[result.count - 1].end = end
            } else {
                result.append(
                    Collection(template: placement, start: placement.address, end: end, members: [members[placement.input]]))
            }
        }
        return result
    }

    /// True when no collecting description sorts and each collection has one alignment.
    private static func isExact(_ collections: [Collection], inputs: [[ObjectInput]], script: LinkerScript) -> Bool {
        var sorting: [SourceLocation: Bool] = [:]
        for section in script.outputSections {
            for case .input(let description) in section.items {
                let sortsFiles = description.file.sort.map { $0 != .none } ?? false
                let sortsSections = description.sections.contains { $0.sort.map { $0 != .none } ?? false }
                sorting[description.location] = sortsFiles || sortsSections
            }
        }
        for collection in collections {
            // An unknown statement means the script changed shape under us: do not guess.
            guard let sorts = sorting[collection.statement.location], !sorts else { return false }
            let alignments = Set(collection.members.map { inputs[$0.object][$0.local].alignment })
            guard alignments.count <= 1 else { return false }
        }
        return true
    }

    /// The image `Linker.link` would produce for `order`, a permutation of the description's
    /// object indices (`order[0]` is linked first).
    package func link(order: [Int]) throws(LinkError) -> KernelImage {
        guard isFast, order.count == paths.count else {
            return try Linker.link(description, linkOrder: LinkOrder(order.map { paths[$0] }))
        }
        var rank = Array(repeating: 0, count: paths.count)
        var offset = Array(repeating: 0, count: paths.count)
        var next = 0
        for (position, object) in order.enumerated() {
            rank[object] = position
            offset[object] = next
            next += inputs[object].count
        }
        func byLinkOrder(_ a: Member, _ b: Member) -> Bool {
            rank[a.object] != rank[b.object] ? rank[a.object] < rank[b.object] : a.local < b.local
        }
        let entrySize = description.architecture.entrySize
        var map = base.linkMap
        map.placements.removeAll(keepingCapacity: true)
        var table: [PlacedInitcall] = []
        var tableBodies = ContiguousArray<InitcallBody>()
        table.reserveCapacity(base.table.count)
        tableBodies.reserveCapacity(base.table.count)
        for collection in collections {
            var dot = collection.start
            for member in collection.members.sorted(by: byLinkOrder) {
                let input = inputs[member.object][member.local]
                let address = Relinker.align(dot, input.alignment)
                var placement = collection.template
                placement.input = offset[member.object] + member.local
                placement.address = address
                map.placements.append(placement)
                for (k, entry) in input.entries.enumerated() {
                    var placed = templates[member.object][entry]
                    placed.address = address &+ UInt64(k) &* entrySize
                    table.append(placed)
                    tableBodies.append(bodies[member.object][entry])
                }
                dot = address &+ input.size
            }
            // Repacking must end where the full link ended, or the symbols after it would move.
            guard dot == collection.end else {
                return try Linker.link(description, linkOrder: LinkOrder(order.map { paths[$0] }))
            }
        }
        if !Relinker.isSortedByAddress(table) {
            let sorted = table.indices.sorted { (table[$0].address ?? 0, $0) < (table[$1].address ?? 0, $1) }
            table = sorted.map { table[$0] }
            tableBodies = ContiguousArray(sorted.map { tableBodies[$0] })
        }
        let orphanMembers = orphans.sorted(by: byLinkOrder)
        map.orphans = orphanMembers.map { offset[$0.object] + $0.local }
        map.discarded = Relinker.reorderedDiscards(discarded, byLinkOrder).map { (offset[$0.member.object] + $0.member.local, $0.statement) }
        func unplaced(_ member: Member) -> [PlacedInitcall] {
            inputs[member.object][member.local].entries.map { templates[member.object][$0] }
        }
        return KernelImage(
            description: description, linkOrder: order.map { paths[$0] }, table: table, bodies: tableBodies,
            consoleSlice: base.consoleSlice, earlySlice: base.earlySlice, levelSlices: base.levelSlices,
            orphans: orphanMembers.flatMap(unplaced),
            discarded: Relinker.reorderedDiscards(discarded, byLinkOrder).flatMap { unplaced($0.member) }, linkMap: map)
    }

    /// Discards keep the order of the descriptions that took them; within one, link order.
    private static func reorderedDiscards(
        _ discards: [(member: Member, statement: LinkMap.StatementReference)], _ less: (Member, Member) -> Bool
    ) -> [(member: Member, statement: LinkMap.StatementReference)] {
        var result: [(member: Member, statement: LinkMap.StatementReference)] = []
        var start = 0
        while start < discards.count {
            var end = start + 1
            while end < discards.count, discards[end].statement == discards[start].statement { end += 1 }
            result += discards[start..<end].sorted { less($0.member, $1.member) }
            start = end
        }
        return result
    }

    private static func isSortedByAddress(_ table: [PlacedInitcall]) -> Bool {
        var previous: UInt64 = 0
        for entry in table {
            let address = entry.address ?? 0
            if address < previous { return false }
            previous = address
        }
        return true
    }

    private static func align(_ value: UInt64, _ alignment: UInt64) -> UInt64 {
        guard alignment > 1 else { return value }
        let remainder = value % alignment
        return remainder == 0 ? value : value &+ (alignment - remainder)
    }
}
