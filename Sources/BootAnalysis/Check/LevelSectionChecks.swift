import KernelLink
import KernelModel
import LinkerScript
import SourceInput

/// Where each level's section goes: nowhere (`level-never-runs`), to `/DISCARD/`
/// (`level-discarded`), outside every table walk (`outside-initcall-range`), or into the
/// previous level's slice because `initcall_levels[]` lacks its boundary
/// (`level-missing-from-table`).
enum LevelSectionChecks {
    static func run(_ probe: InitcallProbe, version: KernelVersion) -> [Finding] {
        var findings: [Finding] = []
        let levels = probe.levels
        // With a boundary undefined the link fails (undefined-boundary says so); where the
        // entries would run is then unknowable.
        let walksKnown = probe.walks.allSatisfy { $0.range != nil }
        // Made once: every orphan level looks for its misspelling among the same patterns.
        let stray = StrayPatterns(probe)
        for (index, id) in levels.ids.enumerated() where !id.macros.isEmpty {
            let macro = id.macros[0]
            let location = levels.sources?.macros[macro]
            if probe.isOrphan(index) {
                // A _sync sibling of a level that never runs is the same finding.
                if let base = syncBase(id, levels), let baseIndex = levels.index(ofID: base),
                    probe.isOrphan(baseIndex), !levels.ids[baseIndex].macros.isEmpty
                {
                    continue
                }
                findings.append(neverRuns(id, macro, location, probe, stray, version))
            } else if let statement = probe.isDiscarded(index) {
                findings.append(discarded(id, macro, statement))
            } else if let placement = probe.placement(ofID: index) {
                let walks = probe.walks(containing: placement.address)
                if walks.isEmpty {
                    if walksKnown { findings.append(outsideRange(id, macro, placement.statement, probe)) }
                } else if let finding = missingFromTable(id, macro, walks, location, probe) {
                    findings.append(finding)
                }
            }
        }
        return findings
    }

    private static func neverRuns(
        _ id: InitcallID, _ macro: String, _ location: SourceLocation?, _ probe: InitcallProbe,
        _ stray: StrayPatterns, _ version: KernelVersion
    )
        -> Finding
    {
        let isConsole = id.sectionBase != ".initcall\(id.id)"
        let level = syncBase(id, probe.levels) ?? id.id
        // A misspelt pattern is where the fix goes: point there.
        let typo = stray.misspelling(of: id.section)
        return Finding(
            .error, code: "level-never-runs", location: typo?.location ?? location,
            summary: "no pattern of the linker script collects \(id.section): \(macro)() calls never run",
            explanation: [
                "ld places an input section that no pattern matches as an orphan section of its own, outside [\(probe.levels.initCallsFirst), \(probe.levels.initcallLevels.last ?? "__initcall_end")), so no table walk reaches it",
                orphanBuild(id.section, version),
            ],
            fix: typo?.fix
                ?? (isConsole
                    ? "collect it with KEEP(*(\(id.section))) between \(probe.levels.consoleSlice?.start ?? "__con_initcall_start") and \(probe.levels.consoleSlice?.end ?? "__con_initcall_end")"
                    : "add INIT_CALLS_LEVEL(\(level)) to INIT_CALLS (that is, __initcall\(level)_start = .; KEEP(*(.initcall\(level).init)) KEEP(*(.initcall\(level)s.init))) where level \(level) should run"),
            subjects: [id.section, macro])
    }

    /// What the build says about an orphan section. From 5.10 CONFIG_LD_ORPHAN_WARN (x86, arm,
    /// arm64, powerpc; "kbuild: Hoist '--orphan-handling' into Kconfig") links vmlinux with
    /// `--orphan-handling=warn`, an error under CONFIG_WERROR from about 6.2
    /// (CONFIG_LD_ORPHAN_WARN_LEVEL); before, ld placed it silently.
    static func orphanBuild(_ section: String, _ version: KernelVersion) -> String {
        guard version.warnsAboutOrphanSections else {
            return "ld places it without a word and the kernel boots; the calls are simply missing"
        }
        return
            "with CONFIG_LD_ORPHAN_WARN (5.10+: x86, arm, arm64, powerpc) ld says so for each object: \"ld: warning: orphan section `\(section)' from `<object>' being placed in section `\(section)'\" (an error with CONFIG_WERROR from 6.2); without it the kernel boots without a word and the calls are simply missing"
    }

    /// `6` for `6s` when the table has a `6`: the level a `_sync` id belongs to.
    static func syncBase(_ id: InitcallID, _ levels: LevelTable) -> String? {
        guard id.id.hasSuffix("s") else { return nil }
        let base = String(id.id.dropLast())
        return levels.id(named: base) != nil ? base : nil
    }

    private static func discarded(_ id: InitcallID, _ macro: String, _ statement: LinkMap.StatementReference) -> Finding
    {
        Finding(
            .error, code: "level-discarded", location: statement.location,
            summary: "\(statement.description) in /DISCARD/ throws away \(id.section): \(macro)() calls never run",
            explanation: ["a section /DISCARD/ collects is not in the kernel image at all"],
            fix: "collect \(id.section) in INIT_CALLS before /DISCARD/, or narrow the /DISCARD/ pattern",
            subjects: [id.section, macro])
    }

    private static func outsideRange(
        _ id: InitcallID, _ macro: String, _ statement: LinkMap.StatementReference, _ probe: InitcallProbe
    ) -> Finding {
        let levels = probe.levels
        let range = "[\(levels.initCallsFirst), \(levels.initcallLevels.last ?? "__initcall_end"))"
        return Finding(
            .error, code: "outside-initcall-range", location: statement.location,
            summary:
                "\(statement.description) in \(statement.outputSection) collects \(id.section) outside \(range) and the console table: \(macro)() calls never run",
            explanation: [
                "do_initcalls() and do_pre_smp_initcalls() walk only the entries between the boundary symbols of initcall_levels[]; console_init() only [\(levels.consoleSlice?.start ?? "-"), \(levels.consoleSlice?.end ?? "-"))"
            ],
            fix: "move the pattern inside INIT_CALLS, between the boundary of its level and the next one",
            subjects: [id.section, macro])
    }

    /// A level whose own boundary symbol `initcall_levels[]` does not list, so that its calls
    /// run in another level's walk (whether or not the script defines the symbol). `rootfs` is the kernel's one deliberate case: the
    /// tail of level 5.
    private static func missingFromTable(
        _ id: InitcallID, _ macro: String, _ walks: [InitcallProbe.Walk], _ location: SourceLocation?,
        _ probe: InitcallProbe
    ) -> Finding? {
        let levels = probe.levels
        guard id.sectionBase == ".initcall\(id.id)", id.id != "rootfs", id.id != "early",
            !(id.id.hasSuffix("s") && levels.id(named: String(id.id.dropLast())) != nil),
            let walk = walks.first, case .level(let n) = walk.slice
        else { return nil }
        let symbol = "__initcall\(id.id)_start"
        let referenced = Set(probe.referencedSymbols)
        // Only a table with per-level boundaries (3.4+) has levels to miss; the single loop of
        // older kernels references none.
        guard levels.loop == .perLevel, !referenced.contains(symbol) else { return nil }
        let levelName = levels.name(of: .level(n))
        let place = levels.sources?.initcallLevels?.last ?? location
        return Finding(
            .warning, code: "level-missing-from-table", location: place,
            summary:
                "level \(id.id) (\(macro)) is missing from initcall_levels[]: its calls run inside level \(n)'s slice, as '\(levelName)'",
            explanation: [
                "do_initcalls() walks exactly the slices initcall_levels[] names; \(symbol) is not one of them, so .initcall\(id.id).init entries run in [\(walk.start), \(walk.end)), after level \(n)'s own calls",
                "they get level \(n)'s parameter pass and its name in the initcall_level tracepoint",
            ],
            fix:
                "list \(symbol) in initcall_levels[] (init/main.c) in layout order, and add its name to initcall_level_names[]",
            subjects: [symbol, macro])
    }
}

/// The literal patterns of a script that collect no section of the level table, each with the
/// place it is written: where a misspelt section name (`*(.intcall6.init)`) would be.
struct StrayPatterns {
    private let names: [String]
    private let locations: [String: SourceLocation]

    init(_ probe: InitcallProbe) {
        let known = Set(probe.levels.ids.map(\.section))
        var locations: [String: SourceLocation] = [:]
        for output in probe.script.outputSections {
            for case .input(let description) in output.items {
                for pattern in description.sections {
                    let name = pattern.pattern
                    guard Wildcard(name).isLiteral, !known.contains(name), locations[name] == nil else { continue }
                    locations[name] = description.location
                }
            }
        }
        self.locations = locations
        self.names = locations.keys.sorted()
    }

    /// "Did you mean": a stray pattern a typo away from `section` — two edits at most (a
    /// dropped, doubled or swapped letter), not any short section name.
    func misspelling(of section: String) -> (fix: String, location: SourceLocation)? {
        let close = names.filter { Suggestions.isWithin(section, $0, edits: 2) }
        guard let name = Suggestions.closest(to: section, in: close, limit: 1).first, let location = locations[name]
        else { return nil }
        return ("did you mean \(section)? This pattern collects \(name), which no level uses", location)
    }
}
