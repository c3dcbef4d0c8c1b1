import LinkerScript

/// A probe link of a linker script with a level table: one 8-byte entry in every id's
/// section, laid out by the script, then every table walk of `do_initcalls()` resolved. It
/// answers, without any kernel, where each id's entries go and which walk runs them — and,
/// unlike a real link, it tolerates undefined boundary symbols so that checks can report them.
struct InitcallProbe {
    /// One table walk: `console_init()`, `do_pre_smp_initcalls()`, or `do_initcall_level(n)`.
    struct Walk {
        var slice: InitcallSlice
        var name: String
        var start: String
        var end: String
        /// Addresses when both symbols are defined with known values.
        var range: Range<UInt64>?
        var isInverted = false
    }

    let script: LinkerScript
    let levels: LevelTable
    let inputs: [InputSection]
    let map: LinkMap
    /// The same with Clang-LTO per-entry section names (`.initcall6.init..kmod_probe__0_0_f`).
    let ltoInputs: [InputSection]
    let ltoMap: LinkMap
    private(set) var walks: [Walk] = []

    static let entrySize: UInt64 = 8

    init(script: LinkerScript, levels: LevelTable) throws(LinkerScriptError) {
        self.script = script
        self.levels = levels
        inputs = levels.ids.map { InputSection(file: "probe.o", name: $0.section, size: Self.entrySize, alignment: Self.entrySize) }
        ltoInputs = levels.ids.enumerated().map { index, id in
            InputSection(
                file: "probe.o", name: Self.ltoSection(id, counter: index), size: Self.entrySize, alignment: Self.entrySize)
        }
        map = try LinkMap(script: script, inputs: inputs)
        ltoMap = try LinkMap(script: script, inputs: ltoInputs)
        walks = makeWalks()
    }

    /// `<section>..kmod_probe__<counter>_1_probe_<id>`, the shape `__initcall_section()` gives
    /// under CONFIG_LTO_CLANG.
    static func ltoSection(_ id: InitcallID, counter: Int) -> String {
        "\(id.section)..kmod_probe__\(counter)_1_probe_\(id.id)"
    }

    private func makeWalks() -> [Walk] {
        var walks: [Walk] = []
        func add(_ slice: InitcallSlice, _ name: String, _ start: String, _ end: String) {
            var walk = Walk(slice: slice, name: name, start: start, end: end)
            if let low = map.address(of: start), let high = map.address(of: end) {
                walk.range = low < high ? low..<high : low..<low
                walk.isInverted = low > high
            }
            walks.append(walk)
        }
        add(.console, "console", levels.consoleSlice.start, levels.consoleSlice.end)
        add(.early, "early", levels.earlySlice.start, levels.earlySlice.end)
        for n in 0..<max(0, levels.initcallLevels.count - 1) {
            let name = n < levels.initcallLevelNames.count ? levels.initcallLevelNames[n] : "level\(n)"
            add(.level(n), name, levels.initcallLevels[n], levels.initcallLevels[n + 1])
        }
        return walks
    }

    /// Where the probe entry of id number `index` went: its placement, or nil (orphan or
    /// discarded).
    func placement(ofID index: Int, lto: Bool = false) -> LinkMap.Placement? {
        (lto ? ltoMap : map).placements.first { $0.input == index }
    }

    func isDiscarded(_ index: Int, lto: Bool = false) -> LinkMap.StatementReference? {
        (lto ? ltoMap : map).discarded.first { $0.input == index }?.statement
    }

    /// The walks whose range holds `address`.
    func walks(containing address: UInt64) -> [Walk] {
        walks.filter { $0.range?.contains(address) == true }
    }

    /// The walks that run id number `index` (empty: it never runs).
    func walks(runningID index: Int, lto: Bool = false) -> [Walk] {
        guard let placement = placement(ofID: index, lto: lto) else { return [] }
        return walks(containing: placement.address)
    }

    /// Every symbol the level table needs the script to define.
    var referencedSymbols: [String] {
        var seen = Set<String>()
        return (levels.initcallLevels + [levels.earlySlice.start, levels.earlySlice.end, levels.consoleSlice.start, levels.consoleSlice.end])
            .filter { seen.insert($0).inserted }
    }
}
