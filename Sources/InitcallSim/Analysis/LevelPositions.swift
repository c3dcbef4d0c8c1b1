import LinkerScript

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
        let linked = try Linker.probe(description)
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
