import LinkerScript

/// Where each registration id's section ends up with a given linker script and level table:
/// which table walk runs it, under which boundary symbol and level name. Worked out by linking
/// a probe object with one entry per id, so it is exactly what a boot would do.
public struct LevelReport: Sendable {
    public struct Row: Sendable, Hashable {
        public var macros: [String]
        public var id: String
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

    public var rows: [Row]

    public init(description: KernelDescription, image: KernelImage? = nil) throws(LinkError) {
        let linked = try Linker.probe(description)
        var slicesByEntry: [Int: [InitcallSlice]] = [:]
        for (slice, entry) in linked.runOrder { slicesByEntry[entry, default: []].append(slice) }
        var rows: [Row] = []
        for id in description.levels.ids {
            let tableIndex = linked.table.firstIndex { $0.section == id.section }
            let slices = tableIndex.flatMap { slicesByEntry[$0] } ?? []
            let first = slices.first
            rows.append(
                Row(
                    macros: id.macros, id: id.id, section: id.section, slices: slices,
                    boundary: first.map { Self.boundary(of: $0, description.levels) },
                    levelName: first.map(linked.name(of:)) ?? "never",
                    entries: image.map { image in image.table.filter { $0.section == id.section }.count }))
        }
        // Run order: console, early, then levels; within a walk, table (address) order.
        let order = Dictionary(uniqueKeysWithValues: linked.table.enumerated().map { ($0.element.section, $0.offset) })
        self.rows = rows.enumerated().sorted { lhs, rhs in
            let l = (lhs.element.slices.first ?? .level(Int.max), order[lhs.element.section] ?? Int.max, lhs.offset)
            let r = (rhs.element.slices.first ?? .level(Int.max), order[rhs.element.section] ?? Int.max, rhs.offset)
            if l.0 != r.0 { return l.0 < r.0 }
            return (l.1, l.2) < (r.1, r.2)
        }.map(\.element)
    }

    static func boundary(of slice: InitcallSlice, _ levels: LevelTable) -> String {
        switch slice {
        case .console: return levels.consoleSlice.start
        case .early: return levels.earlySlice.start
        case .level(let n): return n < levels.initcallLevels.count ? levels.initcallLevels[n] : "?"
        }
    }

    /// A fixed-width table, one row per id.
    public func table() -> String {
        var lines = [["MACRO", "ID", "SECTION", "BOUNDARY", "LEVEL", "ENTRIES"]]
        for row in rows {
            let runs: String
            switch row.slices.first {
            case .level(let n)?: runs = "\(n) \(row.levelName)"
            case .some: runs = row.levelName
            case nil: runs = "never (orphan)"
            }
            lines.append([
                row.macros.isEmpty ? "-" : row.macros.joined(separator: ","), row.id, row.section, row.boundary ?? "-",
                runs, row.entries.map(String.init) ?? "-",
            ])
        }
        return TextTable.render(lines)
    }

    public func json() -> JSON {
        .object([
            ("schema", .string("initcall-sim/levels/1")),
            (
                "levels",
                .array(
                    rows.map { row in
                        .object([
                            ("macros", .strings(row.macros)),
                            ("id", .string(row.id)),
                            ("section", .string(row.section)),
                            ("boundary", .optional(row.boundary)),
                            ("level", .string(row.levelName)),
                            ("entries", row.entries.map { .int($0) } ?? .null),
                        ])
                    })
            ),
        ])
    }
}

/// Left-aligned columns separated by two spaces; no trailing spaces.
public enum TextTable {
    public static func render(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i + 1 < row.count { line += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
