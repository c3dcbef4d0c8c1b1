import KernelModel
import LinkerScript

/// A probe link of a linker script with a level table: one 8-byte entry in every id's
/// section, laid out by the script, then every table walk of `do_initcalls()` resolved. It
/// answers, without any kernel, where each id's entries go and which walk runs them — and,
/// unlike a real link, it tolerates undefined boundary symbols so that checks can report them.
package struct InitcallProbe: Sendable {
    /// One table walk: `console_init()`, `do_pre_smp_initcalls()`, or `do_initcall_level(n)`.
    package struct Walk: Sendable {
        package var slice: InitcallSlice
        package var name: String
        package var start: String
        package var end: String
        /// Who walks it, as a link error names it: `console_init()`, `initcall_levels[6]`.
        package var user: String
        /// Who reads the end symbol: the next level's entry of `initcall_levels[]`, or `user`.
        package var endUser: String
        /// Addresses when both symbols are defined with known values.
        package var range: Range<UInt64>?
        package var isInverted = false
    }

    package let script: LinkerScript
    package let levels: LevelTable
    package let inputs: [InputSection]
    package let map: LinkMap
    /// The same with Clang-LTO per-entry section names (`.initcall6.init..kmod_probe__0_0_f`).
    package let ltoInputs: [InputSection]
    package let ltoMap: LinkMap
    package private(set) var walks: [Walk] = []
    /// Placements and discards by input (= id) index: a level table may hold thousands of ids.
    private let placements: [Int: LinkMap.Placement]
    private let discards: [Int: LinkMap.StatementReference]
    private let ltoPlacements: [Int: LinkMap.Placement]
    private let ltoDiscards: [Int: LinkMap.StatementReference]
    private let orphans: Set<Int>

    package static let entrySize: UInt64 = 8

    package init(script: LinkerScript, levels: LevelTable) throws(LinkerScriptError) {
        self.script = script
        self.levels = levels
        inputs = levels.ids.map {
            InputSection(file: "probe.o", name: $0.section, size: Self.entrySize, alignment: Self.entrySize)
        }
        ltoInputs = levels.ids.enumerated().map { index, id in
            InputSection(
                file: "probe.o", name: Self.ltoSection(id, counter: index), size: Self.entrySize,
                alignment: Self.entrySize)
        }
        map = try LinkMap(script: script, inputs: inputs)
        ltoMap = try LinkMap(script: script, inputs: ltoInputs)
        placements = Dictionary(map.placements.map { ($0.input, $0) }) { first, _ in first }
        discards = Dictionary(map.discarded.map { ($0.input, $0.statement) }) { first, _ in first }
        ltoPlacements = Dictionary(ltoMap.placements.map { ($0.input, $0) }) { first, _ in first }
        ltoDiscards = Dictionary(ltoMap.discarded.map { ($0.input, $0.statement) }) { first, _ in first }
        orphans = Set(map.orphans)
        walks = makeWalks()
    }

    /// `<section>..kmod_probe__<counter>_1_probe_<id>`, the shape `__initcall_section()` gives
    /// under CONFIG_LTO_CLANG.
    package static func ltoSection(_ id: InitcallID, counter: Int) -> String {
        "\(id.section)..kmod_probe__\(counter)_1_probe_\(id.id)"
    }

    private func makeWalks() -> [Walk] {
        var walks: [Walk] = []
        func add(_ slice: InitcallSlice, _ user: String, _ start: String, _ end: String, endUser: String? = nil) {
            var walk = Walk(
                slice: slice, name: levels.name(of: slice), start: start, end: end, user: user, endUser: endUser ?? user
            )
            if let low = map.address(of: start), let high = map.address(of: end) {
                walk.range = low < high ? low..<high : low..<low
                walk.isInverted = low > high
            }
            walks.append(walk)
        }
        if let console = levels.consoleSlice { add(.console, "console_init()", console.start, console.end) }
        if let early = levels.earlySlice { add(.early, "do_pre_smp_initcalls()", early.start, early.end) }
        for n in 0..<max(0, levels.initcallLevels.count - 1) {
            add(
                .level(n), levels.boundaryUser(n), levels.initcallLevels[n], levels.initcallLevels[n + 1],
                endUser: levels.boundaryUser(n + 1))
        }
        return walks
    }

    /// Where the probe entry of id number `index` went: its placement, or nil (orphan or
    /// discarded).
    package func placement(ofID index: Int, lto: Bool = false) -> LinkMap.Placement? {
        (lto ? ltoPlacements : placements)[index]
    }

    /// Whether no pattern collects id number `index`'s section (an orphan).
    package func isOrphan(_ index: Int) -> Bool { orphans.contains(index) }

    package func isDiscarded(_ index: Int, lto: Bool = false) -> LinkMap.StatementReference? {
        (lto ? ltoDiscards : discards)[index]
    }

    /// The walks whose range holds `address`.
    package func walks(containing address: UInt64) -> [Walk] {
        walks.filter { $0.range?.contains(address) == true }
    }

    /// The walks that run id number `index` (empty: it never runs).
    package func walks(runningID index: Int, lto: Bool = false) -> [Walk] {
        guard let placement = placement(ofID: index, lto: lto) else { return [] }
        return walks(containing: placement.address)
    }

    /// Every symbol the level table needs the script to define.
    package var referencedSymbols: [String] {
        var seen = Set<String>()
        return
            (levels.initcallLevels + [levels.earlySlice?.start, levels.earlySlice?.end].compactMap { $0 }
            + [levels.consoleSlice?.start, levels.consoleSlice?.end].compactMap { $0 })
            .filter { seen.insert($0).inserted }
    }

    /// Throws what the real link would for a walk whose symbol the script never defines
    /// (ld: "undefined reference"), or whose value the script alone cannot compute.
    package func requireDefinedWalks() throws(LinkError) {
        if let error = boundaryErrors.first?.error { throw error }
    }

    /// What is wrong with each boundary symbol, in the order the link resolves the walks
    /// (console, early, levels), each symbol once: the errors a link would throw, the first
    /// of them first.
    package var boundaryErrors: [(symbol: String, walk: Walk, error: LinkError)] {
        var seen = Set<String>()
        var result: [(String, Walk, LinkError)] = []
        for walk in walks {
            for (symbol, user) in [(walk.start, walk.user), (walk.end, walk.endUser)]
            where seen.insert(symbol).inserted {
                if let error = BoundarySymbols.error(symbol, user: user, levels: levels, map: map) {
                    result.append((symbol, walk, error))
                }
            }
        }
        return result
    }
}
