import KernelModel
import LinkerScript
import SourceInput

/// The INIT_CALLS layout a linker script gives a level table: its initcall statements in
/// script order (boundary symbols and input section patterns), which ids each pattern
/// collects and which table walk runs them, and the walks themselves. What
/// `initcall-sim lds` prints.
public struct InitcallLayout: Sendable {
    public enum Item: Sendable, Hashable {
        case boundary(Boundary)
        case pattern(Pattern)
    }

    /// `__initcall6_start = .;` and its kin.
    public struct Boundary: Sendable, Hashable {
        public var symbol: String
        /// The output section it is assigned in; nil at the top of `SECTIONS`.
        public var outputSection: String?
        public var location: SourceLocation
        /// What the level table uses it for (`initcall_levels[6]`, `early start`); empty when
        /// nothing reads it (`__initcallrootfs_start`).
        public var roles: [String]
    }

    /// `KEEP(*(.initcall6.init))` and its kin.
    public struct Pattern: Sendable, Hashable {
        public var text: String
        public var outputSection: String
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
        public var start: String
        public var end: String
        /// False when the script does not define both symbols (the link would fail).
        public var isDefined: Bool
        public var ids: [String]
    }

    public var file: String
    public var items: [Item]
    public var walks: [Walk]
    /// Ids whose sections no pattern collects: their entries never run.
    public var orphans: [String]
    /// Ids whose sections `/DISCARD/` throws away.
    public var discarded: [String]
    /// What the layout warned about (see ``LinkMap/warnings``), for the caller to print.
    public var warnings: [Diagnostic]

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
                name: Self.walkName(walk), start: walk.start, end: walk.end, isDefined: walk.range != nil, ids: ids)
        }
        orphans = levels.ids.indices.filter { probe.map.orphans.contains($0) }.map { levels.ids[$0].id }
        discarded = levels.ids.indices.filter { probe.isDiscarded($0) != nil }.map { levels.ids[$0].id }
        warnings = probe.map.warnings
    }

    static func walkName(_ walk: InitcallProbe.Walk) -> String {
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
            roles.append("initcall_levels[\(n)]")
        }
        if levels.earlySlice.start == a.symbol { roles.append("early start") }
        if levels.earlySlice.end == a.symbol && !roles.contains("initcall_levels[0]") { roles.append("early end") }
        if levels.consoleSlice.start == a.symbol { roles.append("console start") }
        if levels.consoleSlice.end == a.symbol { roles.append("console end") }
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
                    let name = walkName(walk)
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
