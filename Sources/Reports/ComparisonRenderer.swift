import BootAnalysis
import KernelBoot

/// Renders a ``BootComparison`` for people (text) and for scripts (JSON, schema
/// `initcall-sim/compare/1`, documented in the README).
public enum ComparisonRenderer {
    /// The value of the JSON comparison's `schema` key: `initcall-sim/compare/1`.
    public static let schema = "initcall-sim/compare/1"

    /// Unchanged entries kept around a change before the rest of a run is folded, as `diff -U3`.
    static let context = 3

    // MARK: Text

    /// The report: labels, the sequence level by level, outcome changes, the ends, a verdict.
    public static func text(_ comparison: BootComparison, labelA: String, labelB: String) -> String {
        var output = "A: \(labelA)\nB: \(labelB)\n\n"
        output += sequence(comparison)
        output += "\n" + outcomes(comparison)
        if !comparison.asyncChanges.isEmpty { output += "\n" + asyncEntries(comparison) }
        output += "\n" + ends(comparison)
        output += "Result: " + verdict(comparison) + "\n"
        return output
    }

    static func sequence(_ comparison: BootComparison) -> String {
        var output = "Sequence, level by level ('~' moved within the level, '<' moved in from another level,\n"
        output += "'>' moved out to another level, '-' ran in A only, '+' ran in B only):\n"
        for level in comparison.levels {
            output += "  \(level.name): " + levelSummary(level) + "\n"
            if level.changed { output += levelLines(level) }
        }
        return output
    }

    private static func levelSummary(_ level: BootComparison.LevelSequence) -> String {
        let count =
            level.countA == level.countB
            ? plural(level.countA, "initcall") : "\(level.countA) -> \(level.countB) initcalls"
        guard level.changed else { return count + ", same order" }
        var parts: [String] = []
        let tally: [(BootComparison.Change, String)] = [
            (.moved, "moved"), (.movedIn, "moved in"), (.movedOut, "moved out"), (.onlyA, "ran in A only"),
            (.onlyB, "ran in B only"),
        ]
        for (change, words) in tally {
            let n = level.entries.filter { $0.change == change }.count
            if n > 0 { parts.append("\(n) \(words)") }
        }
        return count + ", " + parts.joined(separator: ", ")
    }

    private static func levelLines(_ level: BootComparison.LevelSequence) -> String {
        var rows = [["A", "B", "", "", "", ""]]
        for entry in level.entries {
            rows.append([
                entry.positionA.map(String.init) ?? "-", entry.positionB.map(String.init) ?? "-", marker(entry.change),
                entry.key.function + (entry.key.occurrence > 0 ? " #\(entry.key.occurrence + 1)" : ""),
                entry.key.object,
                note(entry),
            ])
        }
        let lines = TextTable.render(rows).split(separator: "\n").map { "      " + String($0).trimmingTrailingSpaces() }
        var output = lines[0] + "\n"
        for range in visibleRanges(level.entries) {
            if let range {
                for index in range { output += lines[index + 1] + "\n" }
            } else {
                output += "      ...\n"
            }
        }
        return output
    }

    /// Which entries to print: changes with `context` unchanged entries around them; nil stands
    /// for a fold of unchanged entries.
    static func visibleRanges(_ entries: [BootComparison.SequenceEntry]) -> [Range<Int>?] {
        var visible = Array(repeating: false, count: entries.count)
        for (index, entry) in entries.enumerated() where entry.change != .same {
            for near in max(0, index - context)...min(entries.count - 1, index + context) { visible[near] = true }
        }
        var ranges: [Range<Int>?] = []
        var index = 0
        while index < entries.count {
            var end = index
            while end < entries.count, visible[end] == visible[index] { end += 1 }
            ranges.append(visible[index] ? index..<end : nil)
            index = end
        }
        return ranges
    }

    private static func marker(_ change: BootComparison.Change) -> String {
        switch change {
        case .same: return ""
        case .moved: return "~"
        case .movedIn: return "<"
        case .movedOut: return ">"
        case .onlyA: return "-"
        case .onlyB: return "+"
        }
    }

    private static func note(_ entry: BootComparison.SequenceEntry) -> String {
        switch entry.change {
        case .same: return ""
        case .moved:
            guard let from = entry.positionA, let to = entry.positionB else { return "" }
            return from > to ? "(moved up \(from - to))" : "(moved down \(to - from))"
        case .movedIn: return "(was in \(entry.otherLevel ?? "?"))"
        case .movedOut: return "(now in \(entry.otherLevel ?? "?"))"
        case .onlyA: return "(did not run in B)"
        case .onlyB: return "(did not run in A)"
        }
    }

    /// Printk lines shown per changed initcall before the rest is counted (JSON has them all).
    static let printkLimit = 4

    static func outcomes(_ comparison: BootComparison) -> String {
        guard !comparison.changes.isEmpty else { return "Outcome: every initcall did the same in A and B.\n" }
        var output = "Outcome changes (\(plural(comparison.changes.count, "initcall"))):\n"
        // Calls that ran on one side only are listed together: a panic stops many at once.
        let isRanOnly = comparison.changes.map { $0.fields.count == 1 && $0.fields[0].field == .ran }
        let ranOnly = zip(comparison.changes, isRanOnly).filter(\.1).map(\.0)
        for (change, ranOnlyChange) in zip(comparison.changes, isRanOnly) where !ranOnlyChange {
            output += "  \(change.key), \(levelText(change))\n"
            let width = change.fields.map(\.field.rawValue.count).max() ?? 0
            for field in change.fields {
                let label = field.field.rawValue + String(repeating: " ", count: width - field.field.rawValue.count)
                output += fieldLines(field, label: label, indent: "    ")
            }
        }
        for side in ["A", "B"] {
            let names = ranOnly.filter { ($0.fields[0].a == ["yes"]) == (side == "A") }.map { "\($0.key.function)" }
            if !names.isEmpty { output += "  ran in \(side) only: " + names.joined(separator: ", ") + "\n" }
        }
        return output
    }

    private static func levelText(_ change: BootComparison.OutcomeChange) -> String {
        switch (change.levelA, change.levelB) {
        case (let a?, let b?) where a == b: return a
        case (let a?, let b?): return "\(a) -> \(b)"
        case (let a?, nil): return a
        case (nil, let b?): return b
        case (nil, nil): return "?"
        }
    }

    /// `ret  0 -> -ENODEV`; printk as removed and added lines.
    private static func fieldLines(_ field: BootComparison.FieldChange, label: String, indent: String) -> String {
        guard field.field == .printk else {
            return "\(indent)\(label)  \(list(field.a)) -> \(list(field.b))\n"
        }
        let pad = indent + String(repeating: " ", count: label.count + 2)
        var lines: [String] = []
        let inA = Set(field.a)
        let inB = Set(field.b)
        for line in field.a where !inB.contains(line) { lines.append("-" + line) }
        for line in field.b where !inA.contains(line) { lines.append("+" + line) }
        if lines.isEmpty { lines = ["(same lines, in another order)"] }
        if lines.count > printkLimit {
            let rest = lines.count - printkLimit
            lines = Array(lines.prefix(printkLimit)) + ["(\(rest) more line\(rest == 1 ? "" : "s"))"]
        }
        var output = "\(indent)\(label)  \(lines[0])\n"
        for line in lines.dropFirst() { output += pad + line + "\n" }
        return output
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "(none)" : values.joined(separator: ", ")
    }

    /// The kernel/async.c entries that differ: per function, how many ran in each boot, then
    /// each entry that differs — its worker and when it ran, or that one boot did not run it.
    static func asyncEntries(_ comparison: BootComparison) -> String {
        var output = "Async entries (kernel/async.c) that differ:\n"
        for change in comparison.asyncChanges {
            let count =
                change.countA == change.countB
                ? "\(change.countA) entr\(change.countA == 1 ? "y" : "ies")"
                : "\(change.countA) -> \(change.countB) entries"
            output += "  \(change.function): \(count)\n"
            for entry in change.entries {
                let label = "#\(entry.occurrence + 1)"
                output += "    \(label)  \(asyncRun(entry.a)) -> \(asyncRun(entry.b))\n"
            }
        }
        return output
    }

    /// `@ 91 1.234567-1.274567`: an entry's worker and span, or `(not run)`.
    private static func asyncRun(_ run: AsyncRun?) -> String {
        guard let run else { return "(not run)" }
        let stamp = { (time: UInt64) in
            String(DmesgRenderer.timestamp(time).dropFirst().dropLast()).trimmingLeadingSpaces()
        }
        return "@ \(run.pid) \(stamp(run.start))-\(stamp(run.end))"
    }

    static func ends(_ comparison: BootComparison) -> String {
        "Boot: A \(end(comparison.a))\n      B \(end(comparison.b))\n"
    }

    private static func end(_ result: BootResult) -> String {
        let time = String(DmesgRenderer.timestamp(BootComparison.endTime(result)).dropFirst().dropLast())
            .trimmingLeadingSpaces()
        let taint = result.taint.isEmpty ? "not tainted" : "tainted \(result.taint)"
        switch result.outcome {
        case .reachedInit(let path): return "reaches init (\(path)) at \(time), \(taint)"
        case .panicked(let message): return "panics at \(time): \(message)"
        case .hung(let reason): return "hangs at \(time): \(reason)"
        }
    }

    /// One sentence: equal or not, and whether B still reaches init.
    static func verdict(_ comparison: BootComparison) -> String {
        if comparison.outcomesEqual {
            if comparison.orderEqual { return "identical: same order, same outcome." }
            return "same outcome; only the order differs (\(plural(comparison.movedCount, "initcall")) moved)."
        }
        var text = "outcomes differ (\(plural(comparison.changes.count, "initcall")) changed"
        if !comparison.asyncChanges.isEmpty {
            text += ", async entries of \(plural(comparison.asyncChanges.count, "function"))"
        }
        text += ")"
        switch (comparison.a.reachedInit, comparison.b.reachedInit) {
        case (true, true): text += "; both boots still reach init."
        case (true, false): text += "; B no longer reaches init."
        case (false, true): text += "; B reaches init, A did not."
        case (false, false): text += "; neither boot reaches init."
        }
        return text
    }

    private static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }

    // MARK: JSON

    /// The comparison as JSON: each boot, labelled `labelA` or `labelB`, with how it ended and its
    /// link order; the two verdicts; the levels' sequences; and the outcome changes.
    public static func json(_ comparison: BootComparison, labelA: String, labelB: String) -> JSON {
        .object([
            ("schema", .string(schema)),
            ("a", boot(comparison.a, label: labelA)),
            ("b", boot(comparison.b, label: labelB)),
            ("order_equal", .bool(comparison.orderEqual)),
            ("outcomes_equal", .bool(comparison.outcomesEqual)),
            ("levels", .array(comparison.levels.map(level))),
            ("changes", .array(comparison.changes.map(change))),
            ("async_changes", .array(comparison.asyncChanges.map(asyncChange))),
        ])
    }

    /// One function's differing entries: `{"function", "count_a", "count_b", "entries":
    /// [{"occurrence", "a", "b"}]}`, each side `{"cookie", "pid", "start_ns", "end_ns",
    /// "duration_us"}` or null.
    private static func asyncChange(_ change: BootComparison.AsyncChange) -> JSON {
        let side = { (run: AsyncRun?) -> JSON in
            guard let run else { return .null }
            return .object([
                ("cookie", .uint(run.cookie)), ("pid", .int(run.pid)), ("start_ns", .uint(run.start)),
                ("end_ns", .uint(run.end)), ("duration_us", .uint(run.durationMicroseconds)),
            ])
        }
        return .object([
            ("function", .string(change.function)), ("count_a", .int(change.countA)),
            ("count_b", .int(change.countB)),
            (
                "entries",
                .array(
                    change.entries.map {
                        .object([("occurrence", .int($0.occurrence + 1)), ("a", side($0.a)), ("b", side($0.b))])
                    })
            ),
        ])
    }

    private static func boot(_ result: BootResult, label: String) -> JSON {
        var members: [(String, JSON)] = [("label", .string(label)), ("reached_init", .bool(result.reachedInit))]
        switch result.outcome {
        case .reachedInit(let path): members += [("init", .string(path)), ("panic", .null)]
        case .panicked(let message): members += [("init", .null), ("panic", .string(message))]
        case .hung(let reason): members += [("init", .null), ("panic", .null), ("hang", .string(reason))]
        }
        members += [
            ("taint", .string(result.taint)), ("end_ns", .uint(BootComparison.endTime(result))),
            ("link_order", .strings(result.image.linkOrder)),
        ]
        return .object(members)
    }

    private static func level(_ level: BootComparison.LevelSequence) -> JSON {
        .object([
            ("level", .string(level.name)),
            ("count_a", .int(level.countA)),
            ("count_b", .int(level.countB)),
            ("changed", .bool(level.changed)),
            (
                "entries",
                .array(
                    level.entries.map { entry in
                        .object([
                            ("function", .string(entry.key.function)),
                            ("object", .string(entry.key.object)),
                            ("occurrence", .int(entry.key.occurrence)),
                            ("change", .string(entry.change.rawValue)),
                            ("position_a", entry.positionA.map { .int($0) } ?? .null),
                            ("position_b", entry.positionB.map { .int($0) } ?? .null),
                            ("other_level", .optional(entry.otherLevel)),
                        ])
                    })
            ),
        ])
    }

    private static func change(_ change: BootComparison.OutcomeChange) -> JSON {
        .object([
            ("function", .string(change.key.function)),
            ("object", .string(change.key.object)),
            ("occurrence", .int(change.key.occurrence)),
            ("level_a", .optional(change.levelA)),
            ("level_b", .optional(change.levelB)),
            (
                "fields",
                .array(
                    change.fields.map { field in
                        .object([
                            ("field", .string(field.field.rawValue)), ("a", .strings(field.a)),
                            ("b", .strings(field.b)),
                        ])
                    })
            ),
        ])
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
