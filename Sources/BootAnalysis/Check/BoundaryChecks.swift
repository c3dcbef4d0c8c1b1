import KernelLink
import SourceInput

/// The boundary symbols the level table names: each must be defined (`undefined-boundary`),
/// in the order of the table (`boundaries-out-of-order`), and `initcall_level_names[]` must
/// have a name for every level (`level-names-count`).
enum BoundaryChecks {
    static func run(_ probe: InitcallProbe) -> [Finding] {
        undefined(probe) + outOfOrder(probe) + namesCount(probe)
    }

    /// Who reads each symbol, in the kernel's words, with where the level table names it.
    private static func users(_ probe: InitcallProbe) -> [(symbol: String, user: String, location: SourceLocation?)] {
        let levels = probe.levels
        var users: [(String, String, SourceLocation?)] = []
        for (n, symbol) in levels.initcallLevels.enumerated() {
            let location = levels.sources?.initcallLevels.flatMap { n < $0.count ? $0[n] : nil }
            users.append((symbol, levels.boundaryUser(n), location))
        }
        if let early = levels.earlySlice {
            users.append((early.start, "do_pre_smp_initcalls()", nil))
            users.append((early.end, "do_pre_smp_initcalls()", nil))
        }
        if let console = levels.consoleSlice {
            users.append((console.start, "console_init()", nil))
            users.append((console.end, "console_init()", nil))
        }
        return users
    }

    private static func undefined(_ probe: InitcallProbe) -> [Finding] {
        var reported = Set<String>()
        var findings: [Finding] = []
        for (symbol, user, location) in users(probe) where probe.map.symbol(named: symbol) == nil {
            guard reported.insert(symbol).inserted else { continue }
            let id =
                symbol.hasPrefix("__initcall") && symbol.hasSuffix("_start")
                ? String(symbol.dropFirst("__initcall".count).dropLast("_start".count)) : nil
            findings.append(
                Finding(
                    .error, code: "undefined-boundary", location: location,
                    summary: "\(user) names \(symbol), which the linker script never defines: the link fails",
                    explanation: ["ld: undefined reference to `\(symbol)'"],
                    fix: id.map {
                        "add INIT_CALLS_LEVEL(\($0)) to INIT_CALLS (it defines \(symbol) = .; before the level's sections)"
                    }
                        ?? "define \(symbol) = .; at the right place of INIT_CALLS",
                    subjects: [symbol]))
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
