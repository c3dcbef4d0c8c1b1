import KernelModel
import LinkerScript
import SourceInput

/// The final link: objects in link order, their initcall sections placed by the linker script,
/// boundary symbols resolved into the tables the boot walks.
public enum Linker {
    /// Links a description.
    ///
    /// - Parameters:
    ///   - linkOrder: the object order; nil links in description order.
    ///   - allowPartial: see ``LinkOrder/apply(to:allowPartial:)``.
    public static func link(
        _ description: KernelDescription, linkOrder: LinkOrder? = nil, allowPartial: Bool = false
    ) throws(LinkError) -> KernelImage {
        try checkObjects(description)
        var objects = description.objects
        if let linkOrder { objects = try linkOrder.apply(to: objects, allowPartial: allowPartial) }
        let script = try description.effectiveLinkerScript()
        let (inputs, owners) = inputSections(objects, entrySize: description.architecture.entrySize)
        let map: LinkMap
        do throws(LinkerScriptError) {
            map = try LinkMap(script: script, inputs: inputs)
        } catch {
            throw .script(error)
        }
        return try buildImage(description, objects: objects, inputs: inputs, owners: owners, map: map)
    }

    private static func checkObjects(_ description: KernelDescription) throws(LinkError) {
        var seen = Set<String>()
        for object in description.objects {
            guard seen.insert(object.path).inserted else { throw .duplicateObject(path: object.path) }
            if let unknown = object.unknownMacros.first {
                throw .unknownMacro(
                    macro: unknown.macro, function: unknown.function, object: object.path, source: unknown.source,
                    suggestions: Suggestions.closest(to: unknown.macro, in: description.levels.macroNames))
            }
            try checkParameters(object, levels: description.levels)
        }
    }

    /// What compiling the object's parameter declarations would reject: each declaration's
    /// permission and initializer (``ModuleParam/problem(fullName:object:)``), a level no walk
    /// has, a name declared twice (`redefinition of '__param_<name>'`), and a `KBUILD_MODNAME`
    /// longer than `MODULE_NAME_LEN` − 1 (the `static_assert` of `__module_param_call()`).
    private static func checkParameters(_ object: ObjectFile, levels: LevelTable) throws(LinkError) {
        guard !object.params.isEmpty else { return }
        let walks = max(0, levels.initcallLevels.count - 1)
        var seen: [String: ModuleParam] = [:]
        for param in object.params {
            let fullName = param.fullName(modname: object.modname)
            if let problem = param.problem(fullName: fullName, object: object.path) { throw .parameter(problem) }
            if param.level != -1, !(0..<walks).contains(param.level) {
                throw .parameter(
                    Diagnostic(
                        .error, at: param.source ?? SourceLocation(file: object.path, line: 1, column: 1),
                        "parameter '\(fullName)' is tagged with level \(param.level), which the level table does not have",
                        notes: ["levels 0 to \(walks - 1), or -1 for the Booting kernel pass"],
                        sourceLine: param.sourceLine))
            }
            if let first = seen[param.name] {
                let place = first.source.map { " (first at \($0.file):\($0.line))" } ?? ""
                throw .parameter(
                    Diagnostic(
                        .error, at: param.source ?? SourceLocation(file: object.path, line: 1, column: 1),
                        "redefinition of '__param_\(param.name)': parameter '\(fullName)' is declared twice in \(object.path)\(place)",
                        notes: ["each parameter of an object has its own name"], sourceLine: param.sourceLine))
            }
            seen[param.name] = param
            if param.prefixed, object.modname.utf8.count > moduleNameLength - 1 {
                throw .parameter(
                    Diagnostic(
                        .error, at: param.source ?? SourceLocation(file: object.path, line: 1, column: 1),
                        "KBUILD_MODNAME '\(object.modname)' is longer than MODULE_NAME_LEN - 1 (\(moduleNameLength - 1) characters): param_sysfs_builtin() cannot file '\(fullName)'",
                        notes: ["shorten the module name (modname)"], sourceLine: param.sourceLine))
            }
        }
    }

    /// `MODULE_NAME_LEN`: `64 - sizeof(unsigned long)` (include/linux/moduleparam.h).
    static let moduleNameLength = 56

    /// One input section per (object, section name), in the object's first-appearance order;
    /// its entries stay in source order. `owners[i]` lists the entries of input `i`.
    static func inputSections(_ objects: [ObjectFile], entrySize: UInt64)
        -> ([InputSection], [(object: Int, entries: [Int])])
    {
        var inputs: [InputSection] = []
        var owners: [(Int, [Int])] = []
        for (objectIndex, object) in objects.enumerated() {
            var groups = SectionGroups()
            for (entryIndex, entry) in object.entries.enumerated() { groups.add(entryIndex, to: entry.section) }
            for (section, entries) in zip(groups.order, groups.entries) {
                let size = UInt64(entries.count) &* entrySize
                inputs.append(InputSection(file: object.path, name: section, size: size, alignment: entrySize))
                owners.append((objectIndex, entries))
            }
        }
        return (inputs, owners)
    }

    private static func buildImage(
        _ description: KernelDescription, objects: [ObjectFile], inputs: [InputSection],
        owners: [(object: Int, entries: [Int])], map: LinkMap
    ) throws(LinkError) -> KernelImage {
        let entrySize = description.architecture.entrySize
        // Plain (address, placement, slot) triples: cheap to sort, materialized once afterwards.
        var slots: [(address: UInt64, placement: Int, slot: Int)] = []
        slots.reserveCapacity(objects.reduce(0) { $0 + $1.entries.count })
        for (index, placement) in map.placements.enumerated() {
            for slot in owners[placement.input].entries.indices {
                slots.append((placement.address &+ UInt64(slot) &* entrySize, index, slot))
            }
        }
        // Placements come in script order, which is address order unless the script moved the
        // location counter backwards between output sections; then sort, stably.
        if zip(slots, slots.dropFirst()).contains(where: { $0.address > $1.address }) {
            slots = slots.enumerated().sorted { ($0.element.address, $0.offset) < ($1.element.address, $1.offset) }
                .map(\.element)
        }
        let walks = try resolveWalks(description.levels, map: map, addresses: slots.map(\.address))
        var table: [PlacedInitcall] = []
        var bodies = ContiguousArray<InitcallBody>()
        table.reserveCapacity(slots.count)
        bodies.reserveCapacity(slots.count)
        for (index, (address, placementIndex, slot)) in slots.enumerated() {
            let placement = map.placements[placementIndex]
            let owner = owners[placement.input]
            let entryIndex = owner.entries[slot]
            let entry = objects[owner.object].entries[entryIndex]
            table.append(
                PlacedInitcall(
                    entry, object: objects[owner.object].path, order: entryIndex, address: address,
                    statement: placement.statement, slice: walks.firstSlice(of: index)))
            bodies.append(entry.function.body)
        }
        func unplaced(_ input: Int, _ statement: LinkMap.StatementReference?) -> [PlacedInitcall] {
            let owner = owners[input]
            return owner.entries.map {
                PlacedInitcall(
                    objects[owner.object].entries[$0], object: objects[owner.object].path, order: $0, address: nil,
                    statement: statement, slice: nil)
            }
        }
        return KernelImage(
            description: description, linkOrder: objects.map(\.path), table: table,
            bodies: bodies, walks: walks, orphans: map.orphans.flatMap { unplaced($0, nil) },
            discarded: map.discarded.flatMap { unplaced($0.input, $0.statement) }, linkMap: map,
            layoutWarnings: map.warnings)
    }

    /// The slices `console_init()`, `do_pre_smp_initcalls()` and `do_initcall_level()` walk,
    /// from the boundary symbols the level table names. A symbol the script never defines
    /// fails the link, as ld's "undefined reference" does.
    static func resolveWalks(_ levels: LevelTable, map: LinkMap, addresses: [UInt64]) throws(LinkError) -> Walks {
        var resolver = SliceResolver(map: map, levels: levels, addresses: addresses)
        // A kernel without a console or early table has no such walk: nothing to resolve.
        var console = 0..<0
        if let walk = levels.consoleSlice {
            console = try resolver.slice(walk.start, walk.end, users: ("console_init()", "console_init()"))
        }
        var early = 0..<0
        if let walk = levels.earlySlice {
            let user = "do_pre_smp_initcalls()"
            early = try resolver.slice(walk.start, walk.end, users: (user, user))
        }
        var levelSlices: [Range<Int>] = []
        for level in 0..<max(0, levels.initcallLevels.count - 1) {
            levelSlices.append(
                try resolver.slice(
                    levels.initcallLevels[level], levels.initcallLevels[level + 1],
                    users: (levels.boundaryUser(level), levels.boundaryUser(level + 1))))
        }
        return Walks(console: console, early: early, levels: levelSlices)
    }
}

/// An object's registrations grouped by input section, sections in order of first use. An
/// object has a handful of sections, and consecutive registrations mostly share one: the last
/// group is tried first, then a scan, and a dictionary only once an object has many (so an
/// object with thousands of sections stays linear).
struct SectionGroups {
    private(set) var order: [String] = []
    private(set) var entries: [[Int]] = []
    private var last = 0
    private var index: [String: Int]?
    private static let scanLimit = 8

    mutating func add(_ entry: Int, to section: String) {
        if last < order.count, order[last] == section {
            entries[last].append(entry)
            return
        }
        let found: Int? = if let index { index[section] } else { order.firstIndex(of: section) }
        if let found {
            last = found
            entries[found].append(entry)
            return
        }
        order.append(section)
        entries.append([entry])
        last = order.count - 1
        if index != nil {
            index?[section] = last
        } else if order.count > Self.scanLimit {
            index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
        }
    }
}
