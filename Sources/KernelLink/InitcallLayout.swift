import KernelModel
import LinkerScript
import SourceInput

/// The INIT_CALLS layout a linker script gives a level table: its initcall statements in
/// script order (boundary symbols and input section patterns), which ids each pattern
/// collects and which table walk runs them, and the walks themselves. What
/// `initcall-sim lds` prints.
public struct InitcallLayout: Sendable {
    /// One initcall statement of the script.
    public enum Item: Sendable, Hashable {
        /// A boundary symbol's assignment (`__initcall6_start = .;`).
        case boundary(Boundary)
        /// An input section description that collects initcall sections
        /// (`KEEP(*(.initcall6.init))`).
        case pattern(Pattern)
    }

    /// `__initcall6_start = .;` and its kin.
    public struct Boundary: Sendable, Hashable {
        /// The symbol assigned (`__initcall6_start`).
        public var symbol: String
        /// The output section it is assigned in; nil at the top of `SECTIONS`.
        public var outputSection: String?
        /// Where the assignment is written (a macro's invocation, for statements it expands to).
        public var location: SourceLocation
        /// What the level table uses it for (`initcall_levels[6]`, `early start`); empty when
        /// nothing reads it (`__initcallrootfs_start`).
        public var roles: [String]
    }

    /// `KEEP(*(.initcall6.init))` and its kin.
    public struct Pattern: Sendable, Hashable {
        /// The description written back in ld syntax (`KEEP(*(.initcall6.init))`).
        public var text: String
        /// The output section it is in (`.init.data`, `/DISCARD/`).
        public var outputSection: String
        /// Where the description is written (a macro's invocation, for statements it expands to).
        public var location: SourceLocation
        /// Ids whose sections it collects.
        public var ids: [String]
        /// Ids whose Clang-LTO per-entry sections (`.initcall6.init..<id>`) it collects.
        public var ltoIDs: [String]
        /// The walks that run what it collects (`level 6 device`, `early`), `discarded`, or
        /// empty when the entries lie outside every walk.
        public var runsIn: [String]
    }

    /// One table walk and the ids it runs, in layout order.
    public struct Walk: Sendable, Hashable {
        /// `console`, `early`, or `level <n> <name>`.
        public var name: String
        /// The symbol the walk starts at (`__initcall6_start`).
        public var start: String
        /// The symbol the walk stops before (`__initcall7_start`).
        public var end: String
        /// False when the script does not define both symbols (the link would fail).
        public var isDefined: Bool
        /// The ids whose entries it runs, in layout order.
        public var ids: [String]
    }

    /// The script's file, as given to the parser.
    public var file: String
    /// The initcall statements in script order: boundary symbols and the patterns that collect
    /// initcall sections.
    public var items: [Item]
    /// The table walks in run order: console, early, then one per level of `initcall_levels[]`.
    public var walks: [Walk]
    /// Ids whose sections no pattern collects: their entries never run.
    public var orphans: [String]
    /// Ids whose sections `/DISCARD/` throws away.
    public var discarded: [String]
    /// What the layout warned about (see ``LinkMap/warnings``), for the caller to print.
    public var warnings: [Diagnostic]

    /// The layout `script` gives `levels`, found by a probe link with one entry in every id's
    /// section. Throws when the script cannot be laid out.
    public init(script: LinkerScript, levels: LevelTable = .linux6) throws(LinkerScriptError) {
        let probe = try InitcallProbe(script: script, levels: levels)
        file = script.file
        items = Self.items(probe)
        walks = probe.walks.map { walk in
            let ids = levels.ids.indices.filter { index in
                probe.walks(runningID: index).contains { $0.slice == walk.slice }
            }
            .sorted { (probe.placement(ofID: $0)?.address ?? 0) < (probe.placement(ofID: $1)?.address ?? 0) }
            .map { levels.ids[$0].id }
            return Walk(
                name: Self.walkName(walk, in: probe), start: walk.start, end: walk.end, isDefined: walk.range != nil,
                ids: ids)
        }
        orphans = levels.ids.indices.filter { probe.isOrphan($0) }.map { levels.ids[$0].id }
        discarded = levels.ids.indices.filter { probe.isDiscarded($0) != nil }.map { levels.ids[$0].id }
        warnings = probe.map.warnings
    }

    /// Up to 3.3 `do_initcalls()` ran one loop from `__initcall_start` to `__initcall_end`,
    /// so that walk has no level number to show.
    static func walkName(_ walk: InitcallProbe.Walk, in probe: InitcallProbe) -> String {
        if probe.levels.loop == .single, case .level = walk.slice { return "initcalls" }
        if case .level(let n) = walk.slice { return "level \(n) \(walk.name)" }
        return walk.name
    }

    private static func items(_ probe: InitcallProbe) -> [Item] {
        let referenced = Set(probe.referencedSymbols)
        func relevantSymbol(_ name: String) -> Bool { referenced.contains(name) || name.contains("initcall") }
        var items: [Item] = []
        var sectionIndex = 0
        for statement in probe.script.statements {
            guard case .sections(let sectionItems, _) = statement else { continue }
            for item in sectionItems {
                switch item {
                case .assignment(let a) where relevantSymbol(a.symbol):
                    items.append(.boundary(boundary(a, nil, probe)))
                case .output(let section):
                    for (itemIndex, sectionItem) in section.items.enumerated() {
                        switch sectionItem {
                        case .assignment(let a) where relevantSymbol(a.symbol):
                            items.append(.boundary(boundary(a, section.name, probe)))
                        case .input(let d):
                            if let p = pattern(d, section, sectionIndex, itemIndex, probe) { items.append(.pattern(p)) }
                        default:
                            break
                        }
                    }
                    sectionIndex += 1
                default:
                    break
                }
            }
        }
        return items
    }

    private static func boundary(_ a: Assignment, _ section: String?, _ probe: InitcallProbe) -> Boundary {
        var roles: [String] = []
        let levels = probe.levels
        for (n, symbol) in levels.initcallLevels.enumerated() where symbol == a.symbol {
            roles.append(levels.boundaryRole(n))
        }
        if levels.earlySlice?.start == a.symbol { roles.append("early start") }
        if levels.earlySlice?.end == a.symbol && !roles.contains(levels.boundaryRole(0)) { roles.append("early end") }
        if levels.consoleSlice?.start == a.symbol { roles.append("console start") }
        if levels.consoleSlice?.end == a.symbol { roles.append("console end") }
        return Boundary(symbol: a.symbol, outputSection: section, location: a.location, roles: roles)
    }

    private static func pattern(
        _ d: InputSectionDescription, _ section: OutputSection, _ sectionIndex: Int, _ itemIndex: Int,
        _ probe: InitcallProbe
    ) -> Pattern? {
        func collected(_ map: LinkMap) -> [Int] {
            let placed = map.placements.filter {
                $0.statement.outputSectionIndex == sectionIndex && $0.statement.itemIndex == itemIndex
            }.map(\.input)
            let thrown = map.discarded.filter {
                $0.statement.outputSectionIndex == sectionIndex && $0.statement.itemIndex == itemIndex
            }.map(\.input)
            return (placed + thrown).sorted()
        }
        let plain = collected(probe.map)
        let lto = collected(probe.ltoMap)
        guard !plain.isEmpty || !lto.isEmpty || d.text.contains("initcall") else { return nil }
        var runsIn: [String] = []
        if section.isDiscard {
            runsIn = ["discarded"]
        } else {
            for index in plain + lto {
                let lto = !plain.contains(index)
                for walk in probe.walks(runningID: index, lto: lto) {
                    let name = walkName(walk, in: probe)
                    if !runsIn.contains(name) { runsIn.append(name) }
                }
            }
        }
        let ids = probe.levels.ids
        return Pattern(
            text: d.text, outputSection: section.name, location: d.location, ids: plain.map { ids[$0].id },
            ltoIDs: lto.map { ids[$0].id }, runsIn: runsIn)
    }
}
