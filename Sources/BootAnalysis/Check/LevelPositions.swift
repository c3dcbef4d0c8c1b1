import KernelLink
import KernelModel
import LinkerScript

/// The positions a registration id leads to with a description's linker script and level
/// table: worked out by linking a probe object with one entry per id, so that it is exactly
/// what a boot would do. Used to name the nearest level or section a fix can move an entry to.
struct LevelPositions: Sendable {
    struct Target: Sendable, Hashable {
        var id: InitcallID
        var slice: InitcallSlice
        /// The statement of the linker script that collects the id's section.
        var statement: LinkMap.StatementReference
        /// The macro a fix writes (`device_initcall_sync`).
        var macro: String
    }

    /// Ids that run and have a macro, in run order (the console table excluded: nothing a
    /// dependency fix should move into).
    let targets: [Target]
    let levels: LevelTable

    init(_ description: KernelDescription) throws(LinkError) {
        let levels = description.levels
        let script = try description.effectiveLinkerScript()
        let probe: InitcallProbe
        do throws(LinkerScriptError) {
            probe = try InitcallProbe(script: script, levels: levels)
        } catch {
            throw .script(error)
        }
        var visits: [(slice: InitcallSlice, address: UInt64, index: Int)] = []
        for index in levels.ids.indices {
            guard let placement = probe.placement(ofID: index) else { continue }
            for walk in probe.walks(runningID: index) { visits.append((walk.slice, placement.address, index)) }
        }
        visits.sort { ($0.slice, $0.address, $0.index) < ($1.slice, $1.address, $1.index) }
        var seen = Set<Int>()
        var targets: [Target] = []
        for visit in visits where seen.insert(visit.index).inserted {
            let id = levels.ids[visit.index]
            guard visit.slice != .console, let macro = id.macros.first,
                let statement = probe.placement(ofID: visit.index)?.statement
            else { continue }
            targets.append(Target(id: id, slice: visit.slice, statement: statement, macro: macro))
        }
        self.targets = targets
        self.levels = levels
    }

    /// The first id of a level with a macro of its own (`fs_initcall` for fs): what a
    /// reviewer means by "make it an fs_initcall".
    func primary(of slice: InitcallSlice) -> Target? { targets.first { $0.slice == slice } }

    /// Macros include/linux/init.h reserves for special code, with why; a fix names them only
    /// when no other level fits.
    static let restricted: [String: String] = [
        "pure_initcall": "pure initcalls must depend on nothing and only initialize variables",
        "early_initcall": "early initcalls run before SMP bring-up, for code that must",
        "rootfs_initcall": "rootfs initcalls unpack the initramfs (populate_rootfs()) after the fs level",
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
    /// In a single-loop kernel every section is in one walk: the nearest unrestricted one.
    func sectionBefore(_ statement: LinkMap.StatementReference, in slice: InitcallSlice) -> Target? {
        let before = targets.filter { $0.slice == slice && $0.statement < statement }
        return before.last { LevelPositions.restricted[$0.macro] == nil } ?? before.last
    }

    /// The earliest section of `slice` placed after `statement` (the `_sync` variant).
    func sectionAfter(_ statement: LinkMap.StatementReference, in slice: InitcallSlice) -> Target? {
        targets.first { $0.slice == slice && $0.statement > statement }
    }

    func name(of slice: InitcallSlice) -> String { levels.name(of: slice) }
}
