import KernelLink

/// `initcall-sim lds` output: a table of the INIT_CALLS statements, then the table walks.
extension InitcallLayout {
    /// The `initcall-sim lds` table: every INIT_CALLS statement with the ids it collects and the
    /// walk that runs them, then the walks, then the orphaned and discarded ids.
    public func text() -> String {
        var rows = [["SECTION", "STATEMENT", "IDS", "RUNS IN / USED AS", "WHERE"]]
        for item in items {
            switch item {
            case .boundary(let b):
                rows.append([
                    b.outputSection ?? "-", "\(b.symbol) = .", "-",
                    b.roles.isEmpty ? "(unused)" : b.roles.joined(separator: ", "),
                    b.location.description,
                ])
            case .pattern(let p):
                var ids = p.ids
                ids += p.ltoIDs.filter { !p.ids.contains($0) }.map { $0 + " (lto)" }
                rows.append([
                    p.outputSection, p.text, ids.isEmpty ? "-" : ids.joined(separator: ","),
                    p.runsIn.isEmpty
                        ? (ids.isEmpty ? "-" : "never (outside every walk)") : p.runsIn.joined(separator: ", "),
                    p.location.description,
                ])
            }
        }
        var output = "\(file): INIT_CALLS layout\n\n" + TextTable.render(rows)
        var walkRows = [["WALK", "FROM", "TO", "RUNS"]]
        for walk in walks {
            walkRows.append([
                walk.name, walk.start, walk.end,
                walk.isDefined ? (walk.ids.isEmpty ? "-" : walk.ids.joined(separator: " ")) : "(undefined)",
            ])
        }
        output += "\n" + TextTable.render(walkRows)
        if !orphans.isEmpty { output += "\nnever collected (orphans): \(orphans.joined(separator: " "))\n" }
        if !discarded.isEmpty { output += "\ndiscarded: \(discarded.joined(separator: " "))\n" }
        return output
    }

    /// The layout as JSON, schema `initcall-sim/lds/1`.
    public func json() -> JSON {
        .object([
            ("schema", .string("initcall-sim/lds/1")),
            ("file", .string(file)),
            ("items", .array(items.map(Self.json))),
            (
                "walks",
                .array(
                    walks.map { walk in
                        .object([
                            ("name", .string(walk.name)), ("from", .string(walk.start)), ("to", .string(walk.end)),
                            ("defined", .bool(walk.isDefined)), ("ids", .strings(walk.ids)),
                        ])
                    })
            ),
            ("orphans", .strings(orphans)),
            ("discarded", .strings(discarded)),
        ])
    }

    private static func json(_ item: Item) -> JSON {
        switch item {
        case .boundary(let b):
            return .object([
                ("kind", .string("symbol")), ("symbol", .string(b.symbol)), ("section", .optional(b.outputSection)),
                ("roles", .strings(b.roles)), ("location", .string(b.location.description)),
            ])
        case .pattern(let p):
            return .object([
                ("kind", .string("pattern")), ("pattern", .string(p.text)), ("section", .string(p.outputSection)),
                ("ids", .strings(p.ids)), ("lto_ids", .strings(p.ltoIDs)), ("runs_in", .strings(p.runsIn)),
                ("location", .string(p.location.description)),
            ])
        }
    }
}
