import BootAnalysis

/// Renders an ``ExplorationReport`` for people (text) and scripts (JSON, schema
/// `initcall-sim/explore/1`, documented in the README).
public enum ExplorationRenderer {
    /// The value of the JSON report's `schema` key: `initcall-sim/explore/1`.
    public static let schema = "initcall-sim/explore/1"

    /// Objects listed per group before the rest is counted.
    static let listLimit = 8

    /// The `initcall-sim explore` report: what was explored, then every outcome with its share of
    /// the orders, its reasons and its reproducer, then a verdict.
    public static func text(_ report: ExplorationReport) -> String {
        var output = header(report) + "\n"
        output += "\(report.outcomes.count) outcome\(report.outcomes.count == 1 ? "" : "s"):\n"
        for (index, outcome) in report.outcomes.enumerated() {
            output += self.outcome(outcome, number: index + 1, of: report)
        }
        return output + "\nResult: " + verdict(report) + "\n"
    }

    private static func header(_ report: ExplorationReport) -> String {
        var output = "explore \(report.file ?? "(description)")\(report.level.map { " --level \($0)" } ?? "")\n"
        let movable = report.movable.count
        if report.groups.isEmpty {
            output += "  movable: none; no level section holds entries of two objects, so link order changes nothing\n"
        } else {
            output +=
                "  movable: \(movable) object\(movable == 1 ? "" : "s") in \(report.groups.count) link-order-dependent group\(report.groups.count == 1 ? "" : "s")\n"
        }
        for group in report.groups {
            let shown = group.objects.prefix(listLimit).joined(separator: ", ")
            let more = group.objects.count > listLimit ? ", and \(group.objects.count - listLimit) more" : ""
            output += "    \(group.level) (\(group.sections.joined(separator: ", "))): \(shown)\(more)\n"
        }
        switch report.mode {
        case .exhaustive:
            output += "  orders: every order, \(report.orders) (exhaustive)\n"
        case .random:
            let space = report.space.map(String.init) ?? "more than 2^63"
            output +=
                "  orders: \(report.orders) of \(space), random with seed \(report.seed) (order 0 is the reference)\n"
        }
        return output
    }

    private static func outcome(_ outcome: ExplorationReport.Outcome, number: Int, of report: ExplorationReport)
        -> String
    {
        let share = percent(outcome.count, report.orders)
        let first = outcome.firstOrder == 0 ? "the reference among them" : "first: order \(outcome.firstOrder)"
        var output =
            "  #\(number) \(outcome.passes ? "passes" : "FAILS"): \(outcome.count) order\(outcome.count == 1 ? "" : "s") (\(share)), \(first)\n"
        for reason in outcome.reasons { output += "     - \(reason)\n" }
        if let reproducer = outcome.reproducer {
            output += self.reproducer(reproducer)
        } else if !outcome.passes, report.outcomes.contains(where: \.passes) {
            output += "     reproducer: not reduced; only the first failing outcomes are\n"
        }
        return output
    }

    private static func reproducer(_ reproducer: ExplorationReport.Reproducer) -> String {
        let text = reproducerLines(reproducer)
        guard !reproducer.minimal else { return text }
        return text
            + "       (reduction stopped at its budget of boots: it reproduces, but may hold more than needed)\n"
    }

    private static func reproducerLines(_ reproducer: ExplorationReport.Reproducer) -> String {
        let from = reproducer.fromOrder == 0 ? "the reference" : "order \(reproducer.fromOrder)"
        if reproducer.moves.count == 1, let move = reproducer.moves.first {
            var output = "     reproducer: only the relative order of \(move.before) and \(move.object) matters:\n"
            output +=
                "       moving \(move.object) just before \(move.before) in \(from), and nothing else, makes it fail\n"
            return output
        }
        if !reproducer.moves.isEmpty {
            var output =
                "     reproducer: these \(reproducer.moves.count) moves in \(from), and nothing else, make it fail:\n"
            for move in reproducer.moves { output += "       move \(move.object) just before \(move.before)\n" }
            return output
        }
        var output =
            "     reproducer: reordering these \(reproducer.passing.count) objects among their own places in \(from), and nothing else, makes it fail:\n"
        output += "       passes: \(reproducer.passing.joined(separator: ", "))\n"
        output += "       fails:  \(reproducer.failing.joined(separator: ", "))\n"
        return output
    }

    private static func verdict(_ report: ExplorationReport) -> String {
        let failing = report.outcomes.filter { !$0.passes }
        let orders = failing.reduce(0) { $0 + $1.count }
        if failing.isEmpty {
            return "every explored order passes (\(report.orders) order\(report.orders == 1 ? "" : "s"))."
        }
        var text =
            "\(orders) of \(report.orders) orders fail (\(failing.count) failing outcome\(failing.count == 1 ? "" : "s"))"
        if !report.outcomes.contains(where: \.passes) {
            text += "; no explored order passes, so there is nothing to reduce"
        }
        return text + "."
    }

    /// `50.0%`, computed with integers so that it reads the same everywhere.
    static func percent(_ part: Int, _ whole: Int) -> String {
        guard whole > 0 else { return "0.0%" }
        let tenths = (part * 1_000 + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    // MARK: JSON

    /// The report as JSON: what was explored, and every outcome with its reproducer.
    public static func json(_ report: ExplorationReport) -> JSON {
        .object([
            ("schema", .string(schema)),
            ("file", .optional(report.file)),
            ("level", .optional(report.level)),
            ("mode", .string(report.mode.rawValue)),
            ("seed", .uint(report.seed)),
            ("orders", .int(report.orders)),
            ("space", report.space.map { .int($0) } ?? .null),
            (
                "groups",
                .array(
                    report.groups.map {
                        .object([
                            ("level", .string($0.level)), ("sections", .strings($0.sections)),
                            ("objects", .strings($0.objects)),
                        ])
                    })
            ),
            ("movable", .strings(report.movable)),
            ("reference_link_order", .strings(report.referenceLinkOrder)),
            ("all_pass", .bool(report.allPass)),
            ("outcomes", .array(report.outcomes.enumerated().map { outcome($0.element, number: $0.offset + 1) })),
        ])
    }

    private static func outcome(_ outcome: ExplorationReport.Outcome, number: Int) -> JSON {
        var members: [(String, JSON)] = [
            ("id", .int(number)), ("passes", .bool(outcome.passes)), ("orders", .int(outcome.count)),
            ("first_order", .int(outcome.firstOrder)),
        ]
        switch outcome.end {
        case .reachedInit(let path):
            members += [("reached_init", .bool(true)), ("init", .string(path)), ("panic", .null)]
        case .panicked(let message):
            members += [("reached_init", .bool(false)), ("init", .null), ("panic", .string(message))]
        case .hung(let reason):
            members += [
                ("reached_init", .bool(false)), ("init", .null), ("panic", .null), ("hang", .string(reason)),
            ]
        }
        members += [("reasons", .strings(outcome.reasons)), ("link_order", .strings(outcome.linkOrder))]
        if let reproducer = outcome.reproducer {
            members.append(
                (
                    "reproducer",
                    .object([
                        ("from_order", .int(reproducer.fromOrder)),
                        ("passing", .strings(reproducer.passing)),
                        ("failing", .strings(reproducer.failing)),
                        (
                            "moves",
                            .array(
                                reproducer.moves.map {
                                    .object([("object", .string($0.object)), ("before", .string($0.before))])
                                })
                        ),
                        ("link_order", .strings(reproducer.linkOrder)),
                        ("minimal", .bool(reproducer.minimal)),
                    ])
                ))
        } else {
            members.append(("reproducer", .null))
        }
        return .object(members)
    }
}
