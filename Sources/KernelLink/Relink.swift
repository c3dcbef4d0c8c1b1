import KernelModel
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
    private var templates: [[PlacedInitcall]]
    private var bodies: [[InitcallBody]]
    /// For each object, the collections its inputs go to, with the input's ordinal.
    private let memberships: [[(collection: Int, local: Int)]]
    /// The registration index of each object's first entry.
    private let entryBase: [Int]

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
        // The base link is a full link: it always has its map.
        let baseMap = base.linkMap ?? LinkMap()
        let collections = Relinker.collections(baseMap, members: members, inputs: allInputs)
        self.collections = collections
        self.orphans = baseMap.orphans.map { members[$0] }
        self.discarded = baseMap.discarded.map { (members[$0.input], $0.statement) }
        self.templates = Relinker.templates(of: base, objects: description.objects)
        self.bodies = description.objects.map { $0.entries.map(\.function.body) }
        var memberships: [[(collection: Int, local: Int)]] = Array(repeating: [], count: description.objects.count)
        for (index, collection) in collections.enumerated() {
            for member in collection.members { memberships[member.object].append((index, member.local)) }
        }
        self.memberships = memberships.map { $0.sorted { $0.local < $1.local } }
        var entryBase: [Int] = []
        var next = 0
        for object in description.objects {
            entryBase.append(next)
            next += object.entries.count
        }
        self.entryBase = entryBase
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
                    Collection(
                        template: placement, start: placement.address, end: end, members: [members[placement.input]]))
            }
        }
        return result
    }

    /// Each object's entries as the base link placed them, in registration order, without an
    /// address: the statement that collects an entry and the walk that runs it depend on names
    /// only, so every relink keeps them.
    private static func templates(of base: KernelImage, objects: [ObjectFile]) -> [[PlacedInitcall]] {
        var index: [String: Int] = [:]
        for (i, object) in objects.enumerated() where index[object.path] == nil { index[object.path] = i }
        var templates: [[PlacedInitcall?]] = objects.map { Array(repeating: nil, count: $0.entries.count) }
        for entry in base.table + base.orphans + base.discarded {
            guard let object = index[entry.object], templates[object].indices.contains(entry.sourceOrder) else {
                continue
            }
            templates[object][entry.sourceOrder] = entry.moved(to: nil)
        }
        return templates.map { $0.compactMap { $0 } }
    }

    /// True when no collecting description sorts and each collection has one alignment.
    private static func isExact(_ collections: [Collection], inputs: [[ObjectInput]], script: LinkerScript) -> Bool {
        for collection in collections {
            // An unknown statement means the script changed shape under us: do not guess.
            guard let description = collection.statement.resolve(in: script) else { return false }
            let sortsFiles = description.file.sort.map { $0 != .none } ?? false
            let sortsSections = description.sections.contains { $0.sort.map { $0 != .none } ?? false }
            guard !sortsFiles, !sortsSections else { return false }
            let alignments = Set(collection.members.map { inputs[$0.object][$0.local].alignment })
            guard alignments.count <= 1 else { return false }
        }
        return true
    }

    /// The image `Linker.link` would produce for `order`, a permutation of the description's
    /// object indices (`order[0]` is linked first).
    package func link(order: [Int]) throws(LinkError) -> KernelImage {
        try relink(order: order, rebuildingMap: true).image
    }

    /// A relinked image, and for each entry of its table the index of the registration it
    /// came from (counting every object's registrations in description order).
    package struct Relinked: Sendable {
        package var image: KernelImage
        package var entryIDs: [Int]
    }

    /// Relinks in `order`. Without `rebuildingMap` the image keeps the base link's map, which
    /// then describes the base order, not this one: for callers that only boot the image and
    /// never read its map (exploration), that saves rebuilding a thousand placements.
    package func relink(order: [Int], rebuildingMap: Bool) throws(LinkError) -> Relinked {
        guard isFast, order.count == paths.count else { return try fullLink(order) }
        var rank = Array(repeating: 0, count: paths.count)
        var offset = Array(repeating: 0, count: paths.count)
        var next = 0
        // Each collection's members in link order: objects in order, inputs of one object in
        // section order. Bucketing keeps this linear.
        var members = collections.map { collection -> [Member] in
            var bucket: [Member] = []
            bucket.reserveCapacity(collection.members.count)
            return bucket
        }
        for (position, object) in order.enumerated() {
            rank[object] = position
            offset[object] = next
            next += inputs[object].count
            for (collection, local) in memberships[object] {
                members[collection].append(Member(object: object, local: local))
            }
        }
        var map = base.linkMap ?? LinkMap()
        if rebuildingMap { map.placements.removeAll(keepingCapacity: true) }
        var table = Table(capacity: base.table.count)
        for (index, collection) in collections.enumerated() {
            var dot = collection.start
            for member in members[index] {
                let input = inputs[member.object][member.local]
                let address = Relinker.align(dot, input.alignment)
                if rebuildingMap {
                    var placement = collection.template
                    placement.input = offset[member.object] + member.local
                    placement.address = address
                    map.placements.append(placement)
                }
                table.append(input, of: member.object, at: address, self)
                dot = address &+ input.size
            }
            // Repacking must end where the full link ended, or the symbols after it would move.
            guard dot == collection.end else { return try fullLink(order) }
        }
        table.sortByAddress()
        func byLinkOrder(_ a: Member, _ b: Member) -> Bool {
            rank[a.object] != rank[b.object] ? rank[a.object] < rank[b.object] : a.local < b.local
        }
        let orphanMembers = orphans.sorted(by: byLinkOrder)
        let discards = Relinker.reorderedDiscards(discarded, byLinkOrder)
        if rebuildingMap {
            map.orphans = orphanMembers.map { offset[$0.object] + $0.local }
            map.discarded = discards.map { (offset[$0.member.object] + $0.member.local, $0.statement) }
        }
        func unplaced(_ member: Member) -> [PlacedInitcall] {
            inputs[member.object][member.local].entries.map { templates[member.object][$0] }
        }
        let image = KernelImage(
            description: description, linkOrder: order.map { paths[$0] }, table: table.entries, bodies: table.bodies,
            walks: base.walks, orphans: orphanMembers.flatMap(unplaced),
            discarded: discards.flatMap { unplaced($0.member) },
            linkMap: rebuildingMap ? map : nil, layoutWarnings: base.layoutWarnings)
        return Relinked(image: image, entryIDs: table.ids)
    }

    private func fullLink(_ order: [Int]) throws(LinkError) -> Relinked {
        let image = try Linker.link(description, linkOrder: LinkOrder(order.map { paths[$0] }))
        return Relinked(image: image, entryIDs: Relinker.entryIDs(of: image))
    }

    /// The registration index of every table entry of an image of this description, found by
    /// name: for images that did not come from a relink.
    package static func entryIDs(of image: KernelImage) -> [Int] {
        var base: [String: Int] = [:]
        var next = 0
        for object in image.description.objects where base[object.path] == nil {
            base[object.path] = next
            next += object.entries.count
        }
        return image.table.map { (base[$0.object] ?? 0) + $0.sourceOrder }
    }

    /// The table being built: entries, their bodies and registration indices, side by side.
    private struct Table {
        var entries: [PlacedInitcall] = []
        var bodies = ContiguousArray<InitcallBody>()
        var ids: [Int] = []

        init(capacity: Int) {
            entries.reserveCapacity(capacity)
            bodies.reserveCapacity(capacity)
            ids.reserveCapacity(capacity)
        }

        mutating func append(_ input: ObjectInput, of object: Int, at address: UInt64, _ relinker: Relinker) {
            let entrySize = relinker.description.architecture.entrySize
            for (k, entry) in input.entries.enumerated() {
                entries.append(relinker.templates[object][entry].moved(to: address &+ UInt64(k) &* entrySize))
                bodies.append(relinker.bodies[object][entry])
                ids.append(relinker.entryBase[object] + entry)
            }
        }

        /// Placements come in script order; a script that moves the location counter back
        /// between output sections needs the same stable sort by address as the full link.
        mutating func sortByAddress() {
            guard !Relinker.isSortedByAddress(entries) else { return }
            let sorted = entries.indices.sorted { (entries[$0].address ?? 0, $0) < (entries[$1].address ?? 0, $1) }
            entries = sorted.map { entries[$0] }
            bodies = ContiguousArray(sorted.map { bodies[$0] })
            ids = sorted.map { ids[$0] }
        }
    }

    /// A copy whose names and bodies share no reference-counted storage with this one.
    ///
    /// Why: a relink copies every entry's names and body into the new table, which retains
    /// them, and freeing the image releases them again. Threads relinking from one relinker
    /// would do those atomic updates on the same cache lines for every entry of every order,
    /// and stall each other; each worker relinks from its own copy instead. The bodies are
    /// wrapped, not changed: a wrapper calls the original.
    package func isolated() -> Relinker {
        var copy = self
        copy.templates = templates.map { $0.map { $0.isolated() } }
        copy.bodies = bodies.map { $0.map(Relinker.wrap) }
        return copy
    }

    private static func wrap(_ body: @escaping InitcallBody) -> InitcallBody {
        let wrapper: InitcallBody = { (k: KernelContext) throws -> Int32 in
            try body(k)
        }
        return wrapper
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
