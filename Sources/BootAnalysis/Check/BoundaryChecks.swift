import KernelLink
import SourceInput

/// The boundary symbols the level table names: each must be defined (`undefined-boundary`)
/// with a value the script can compute (`unknown-boundary-value`), in the order of the table
/// (`boundaries-out-of-order`), and `initcall_level_names[]` must have a name for every level
/// (`level-names-count`).
enum BoundaryChecks {
    static func run(_ probe: InitcallProbe) -> [Finding] {
        undefined(probe) + outOfOrder(probe) + namesCount(probe)
    }

    /// Who reads each symbol, in the kernel's words: the array entry for `initcall_levels[]`,
    /// else the walk.
    private static func users(_ probe: InitcallProbe) -> [String: String] {
        let levels = probe.levels
        var users: [String: String] = [:]
        for (n, symbol) in levels.initcallLevels.enumerated() where users[symbol] == nil {
            users[symbol] = levels.boundaryUser(n)
        }
        var walks: [(String, String)] = []
        if let early = levels.earlySlice {
            walks += [(early.start, "do_pre_smp_initcalls()"), (early.end, "do_pre_smp_initcalls()")]
        }
        if let console = levels.consoleSlice {
            walks += [(console.start, "console_init()"), (console.end, "console_init()")]
        }
        for (symbol, user) in walks where users[symbol] == nil {
            users[symbol] = user
        }
        return users
    }

    /// `undefined-boundary` and `unknown-boundary-value`: the errors the link gives (the probe
    /// asks ``BoundarySymbols`` as the link does), each at the place the link's error points.
    private static func undefined(_ probe: InitcallProbe) -> [Finding] {
        let users = users(probe)
        var findings: [Finding] = []
        for (symbol, walk, error) in probe.boundaryErrors {
            let user = users[symbol] ?? walk.user
            switch error {
            case .undefinedSymbol(_, _, let diagnostic):
                let id =
                    symbol.hasPrefix("__initcall") && symbol.hasSuffix("_start")
                    ? String(symbol.dropFirst("__initcall".count).dropLast("_start".count)) : nil
                findings.append(
                    Finding(
                        .error, code: "undefined-boundary", location: diagnostic?.location,
                        summary: "\(user) names \(symbol), which the linker script never defines: the link fails",
                        explanation: ["ld: undefined reference to `\(symbol)'"],
                        fix: id.map {
                            "add INIT_CALLS_LEVEL(\($0)) to INIT_CALLS (it defines \(symbol) = .; before the level's sections)"
                        }
                            ?? "define \(symbol) = .; at the right place of INIT_CALLS",
                        subjects: [symbol]))
            case .unknownSymbolValue(_, _, let diagnostic):
                findings.append(
                    Finding(
                        .error, code: "unknown-boundary-value", location: diagnostic.location,
                        summary: "\(diagnostic.message): the link fails",
                        explanation: diagnostic.notes,
                        fix:
                            "assign \(symbol) from symbols the script defines before it (for a boundary, \(symbol) = .;)",
                        subjects: [symbol]))
            default:
                break
            }
        }
        return findings
    }

    private static func outOfOrder(_ probe: InitcallProbe) -> [Finding] {
        var findings: [Finding] = []
        let levels = probe.levels
        for n in 0..<max(0, levels.initcallLevels.count - 1) {
            let a = levels.initcallLevels[n]
            let b = levels.initcallLevels[n + 1]
            guard let x = probe.map.address(of: a), let y = probe.map.address(of: b), x > y else { continue }
            let name = levels.name(of: .level(n))
            findings.append(
                Finding(
                    .error, code: "boundaries-out-of-order", location: probe.map.symbol(named: a)?.location,
                    summary:
                        "initcall_levels[\(n)] = \(a) comes after initcall_levels[\(n + 1)] = \(b) in the layout: level \(n) (\(name)) runs nothing",
                    explanation: [
                        "do_initcall_level(\(n)) walks from \(a) up to \(b); with the start above the end the loop never runs",
                        "the entries between the two symbols run in another level, or not at all",
                    ],
                    fix: "order the INIT_CALLS_LEVEL() lines (or initcall_levels[]) so that the boundaries increase",
                    subjects: [a, b]))
        }
        let walks = [("do_pre_smp_initcalls()", levels.earlySlice), ("console_init()", levels.consoleSlice)]
        for case (let walk, (let start, let end)?) in walks {
            guard let x = probe.map.address(of: start), let y = probe.map.address(of: end), x > y else { continue }
            findings.append(
                Finding(
                    .error, code: "boundaries-out-of-order", location: probe.map.symbol(named: start)?.location,
                    summary: "\(start) comes after \(end) in the layout: \(walk) runs nothing",
                    explanation: ["\(walk) walks from \(start) up to \(end)"],
                    fix: "define \(start) before the sections and \(end) after them", subjects: [start, end]))
        }
        return findings
    }

    private static func namesCount(_ probe: InitcallProbe) -> [Finding] {
        let levels = probe.levels
        let count = max(0, levels.initcallLevels.count - 1)
        let names = levels.initcallLevelNames.count
        // A single-loop kernel (up to 3.3) has no initcall_level_names[] to count.
        guard levels.loop == .perLevel, names != count else { return [] }
        let location = levels.sources?.initcallLevelNames?.first ?? levels.sources?.initcallLevels?.first
        if names < count {
            return [
                Finding(
                    .error, code: "level-names-count", location: location,
                    summary:
                        "initcall_level_names[] has \(names) names for \(count) levels: do_initcall_level(\(names)) reads past its end",
                    explanation: [
                        "do_initcalls() runs level n with initcall_level_names[n] as the parameter pass and tracepoint name"
                    ],
                    fix: "give initcall_level_names[] one name per slice of initcall_levels[] (\(count))",
                    subjects: ["initcall_level_names"])
            ]
        }
        return [
            Finding(
                .warning, code: "level-names-count", location: location,
                summary:
                    "initcall_level_names[] has \(names) names for \(count) levels: the last \(names - count) are never used",
                explanation: ["initcall_levels[] has \(count + 1) boundaries, so do_initcalls() runs \(count) levels"],
                fix: "remove the extra names, or add the missing boundaries to initcall_levels[]",
                subjects: ["initcall_level_names"])
        ]
    }
}
