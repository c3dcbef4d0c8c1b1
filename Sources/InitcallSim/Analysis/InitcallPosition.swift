import LinkerScript

/// Where an initcall runs, as far as link order can or cannot change it: the table walk
/// (slice), the input section description of the linker script that placed it, its object's
/// place in the link order, and its place among its object's registrations.
///
/// Two positions are ordered *whatever the link order* when they differ in slice or in
/// description, or share an object (source order); otherwise link order alone decides.
struct InitcallPosition: Sendable, Hashable {
    var slice: InitcallSlice
    /// The index of the placing description in the script (script order is placement order).
    var statement: Int
    var objectRank: Int
    var sourceOrder: Int
    var object: Int

    enum Relation: Sendable, Hashable {
        /// Runs before in every link order.
        case alwaysBefore
        /// Runs after in every link order.
        case alwaysAfter
        /// Runs before in this link order only.
        case beforeByLinkOrder
        /// Runs after in this link order only.
        case afterByLinkOrder
    }

    /// How `self` is placed relative to `other`.
    func relation(to other: InitcallPosition) -> Relation {
        if slice != other.slice { return slice < other.slice ? .alwaysBefore : .alwaysAfter }
        if statement != other.statement { return statement < other.statement ? .alwaysBefore : .alwaysAfter }
        if object == other.object { return sourceOrder < other.sourceOrder ? .alwaysBefore : .alwaysAfter }
        return objectRank < other.objectRank ? .beforeByLinkOrder : .afterByLinkOrder
    }
}

/// The positions a registration id leads to with a description's linker script and level
/// table: worked out by linking a probe object with one entry per id, so that it is exactly
/// what a boot would do. Used to name the nearest level or section a fix can move an entry to.
struct LevelPositions: Sendable {
    struct Target: Sendable, Hashable {
        var id: InitcallID
        var slice: InitcallSlice
        var statement: Int
        /// The macro a fix writes (`device_initcall_sync`).
        var macro: String
    }

    /// Ids that run and have a macro, in run order (the console table excluded: nothing a
    /// dependency fix should move into).
    let targets: [Target]
    /// Level names by slice, for messages.
    let names: [InitcallSlice: String]

    init(_ description: KernelDescription, statements: StatementIndex) throws(LinkError) {
        var probe = description
        probe.objects = [ObjectFile(path: "<probe>")]
        for id in description.levels.ids {
            let function = InitFunction("__probe_\(id.id)", size: 4) { _ in 0 }
            probe.objects[0].entries.append(
                InitcallEntry(function: function, macro: id.macros.first ?? "__define_initcall", id: id.id, sectionBase: id.sectionBase))
        }
        let linked = try Linker.link(probe)
        let placedStatements = statements.statements(of: linked)
        var seen = Set<Int>()
        var targets: [Target] = []
        var names: [InitcallSlice: String] = [:]
        for (slice, entry) in linked.runOrder where seen.insert(entry).inserted {
            names[slice] = linked.name(of: slice)
            let section = linked.table[entry].section
            guard slice != .console, let id = description.levels.ids.first(where: { $0.section == section }),
                let macro = id.macros.first, let statement = placedStatements[entry]
            else { continue }
            targets.append(Target(id: id, slice: slice, statement: statement, macro: macro))
        }
        self.targets = targets
        self.names = names
    }

    /// The first id of a level with a macro of its own (`fs_initcall` for fs): what a
    /// reviewer means by "make it an fs_initcall".
    func primary(of slice: InitcallSlice) -> Target? { targets.first { $0.slice == slice } }

    /// Macros include/linux/init.h reserves for special code, with why; a fix names them only
    /// when no other level fits.
    static let restricted: [String: String] = [
        "pure_initcall": "pure initcalls must depend on nothing and only initialize variables",
        "early_initcall": "early initcalls run before SMP bring-up, for code that must",
    ]

    /// The nearest level before `slice` that has a macro, preferring one without restrictions.
    func levelBefore(_ slice: InitcallSlice) -> Target? {
        let levels = targets.filter { $0.slice < slice && primary(of: $0.slice) == $0 }
        return levels.last { LevelPositions.restricted[$0.macro] == nil } ?? levels.last
    }

    /// The nearest level after `slice` that has a macro.
    func levelAfter(_ slice: InitcallSlice) -> Target? {
        targets.first { $0.slice > slice }
    }

    /// The latest section of `slice` placed before `statement` (`device_initcall` before
    /// `device_initcall_sync`).
    func sectionBefore(_ statement: Int, in slice: InitcallSlice) -> Target? {
        targets.last { $0.slice == slice && $0.statement < statement }
    }

    /// The earliest section of `slice` placed after `statement` (the `_sync` variant).
    func sectionAfter(_ statement: Int, in slice: InitcallSlice) -> Target? {
        targets.first { $0.slice == slice && $0.statement > statement }
    }

    func name(of slice: InitcallSlice) -> String {
        if let name = names[slice] { return name }
        switch slice {
        case .console: return "console"
        case .early: return "early"
        case .level(let n): return "level \(n)"
        }
    }
}

/// Numbers the input section descriptions of a linker script in script order, and finds the
/// one that placed each entry of an image.
struct StatementIndex: Sendable {
    private var index: [SourceLocation: Int] = [:]

    init(_ script: LinkerScript) {
        for section in script.outputSections {
            for case .input(let description) in section.items where index[description.location] == nil {
                index[description.location] = index.count
            }
        }
    }

    /// For each table entry of `image`, the number of the description that placed it.
    func statements(of image: KernelImage) -> [Int?] {
        var byPath: [String: ObjectFile] = [:]
        for object in image.description.objects where byPath[object.path] == nil { byPath[object.path] = object }
        let objects = image.linkOrder.compactMap { byPath[$0] }
        let (inputs, _) = Linker.inputSections(objects, entrySize: image.description.architecture.entrySize)
        var byInput: [InputKey: Int] = [:]
        for placement in image.linkMap.placements where placement.input < inputs.count {
            let input = inputs[placement.input]
            byInput[InputKey(file: input.file, section: input.name)] = index[placement.statement.location]
        }
        return image.table.map { byInput[InputKey(file: $0.object, section: $0.section)] }
    }

    private struct InputKey: Hashable {
        var file: String
        var section: String
    }
}
