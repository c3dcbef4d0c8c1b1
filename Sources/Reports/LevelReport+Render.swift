import KernelLink

/// `initcall-sim levels` output.
extension LevelReport {
    /// A fixed-width table, one row per id.
    public func table() -> String {
        var lines = [["MACRO", "ID", "SECTION", "BOUNDARY", "LEVEL", "ENTRIES"]]
        for row in rows {
            let runs: String
            switch row.slices.first {
            case .level(let n)?: runs = isSingleLoop ? row.levelName : "\(n) \(row.levelName)"
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

    /// The report as JSON, schema `initcall-sim/levels/1`: one object per row.
    public func json() -> JSON {
        .object([
            ("schema", .string("initcall-sim/levels/1")),
            // "single": one do_initcalls() loop over the whole table (Linux up to 3.3).
            ("loop", .string(isSingleLoop ? "single" : "per-level")),
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
