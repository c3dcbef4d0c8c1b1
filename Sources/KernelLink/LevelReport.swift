import KernelModel
import LinkerScript
import SourceInput

/// Where each registration id's section ends up with a given linker script and level table:
/// which table walk runs it, under which boundary symbol and level name. Worked out by linking
/// a probe object with one entry per id, so it is exactly what a boot would do.
public struct LevelReport: Sendable {
    /// One registration id and where its entries run.
    public struct Row: Sendable, Hashable {
        /// The macros that register at the id (`device_initcall`, `__initcall`, `module_init`);
        /// empty for a sync section no macro names (`rootfss`).
        public var macros: [String]
        /// The id (`6`, `6s`, `rootfs`, `con`).
        public var id: String
        /// Its input section (`.initcall6.init`).
        public var section: String
        /// The walks that run the section (empty: an orphan that never runs).
        public var slices: [InitcallSlice]
        /// The boundary symbol that opens the first of those walks.
        public var boundary: String?
        /// The level name the calls run under (`device`), or "never".
        public var levelName: String
        /// Entries of the section in the image, when an image was given.
        public var entries: Int?
    }

    /// One row per id in run order: console, early, then the levels, by address within a walk; ids
    /// that never run last.
    public var rows: [Row]
    /// Whether `do_initcalls()` walks the whole table in one loop (Linux up to 3.3): its one
    /// "level" has no number and no parameter pass.
    public var isSingleLoop: Bool
    /// What the layout warned about (see ``LinkMap/warnings``), for the caller to print.
    public var warnings: [Diagnostic]

    /// The report for `description`'s linker script and level table; `image`, when given,
    /// fills in the entry counts. Throws what the link would: a walk whose boundary symbol
    /// the script never defines.
    public init(description: KernelDescription, image: KernelImage? = nil) throws(LinkError) {
        let script = try description.effectiveLinkerScript()
        let levels = description.levels
        isSingleLoop = levels.loop == .single
        let probe: InitcallProbe
        do throws(LinkerScriptError) {
            probe = try InitcallProbe(script: script, levels: levels)
        } catch {
            throw .script(error)
        }
        try probe.requireDefinedWalks()
        warnings = probe.map.warnings
        var entryCounts: [String: Int] = [:]
        for entry in image?.table ?? [] { entryCounts[entry.section, default: 0] += 1 }
        var rows: [(row: Row, address: UInt64)] = []
        for (index, id) in levels.ids.enumerated() {
            let slices = probe.walks(runningID: index).map(\.slice)
            let first = slices.first
            let row = Row(
                macros: id.macros, id: id.id, section: id.section, slices: slices,
                boundary: first.flatMap(levels.boundary(of:)), levelName: first.map(levels.name(of:)) ?? "never",
                entries: image.map { _ in entryCounts[id.section] ?? 0 })
            rows.append((row, probe.placement(ofID: index)?.address ?? .max))
        }
        // Run order: console, early, then levels; within a walk, table (address) order; the
        // table's own order last (a stable sort).
        self.rows = rows.enumerated().sorted { lhs, rhs in
            let l = (lhs.element.row.slices.first ?? .level(Int.max), lhs.element.address, lhs.offset)
            let r = (rhs.element.row.slices.first ?? .level(Int.max), rhs.element.address, rhs.offset)
            if l.0 != r.0 { return l.0 < r.0 }
            return (l.1, l.2) < (r.1, r.2)
        }.map(\.element.row)
    }
}
