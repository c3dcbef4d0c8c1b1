import KernelBoot
import KernelLink
import KernelModel

/// A boot judged against the reference: its fingerprint, and whether it passes.
///
/// An order **fails** when its boot does not reach init, when any initcall finds a resource it
/// requires missing, or when an initcall returns an error or draws a WARN where it did not in
/// the reference boot. Everything else passes, even if some printk line differs.
struct OutcomeEvaluator: Sendable {
    /// The reference outcome of each registration's first call, untimed, by registration index.
    private let firstCalls: [InitcallOutcome?]
    /// Second and later calls (an entry that runs in two walks), rare.
    private let laterCalls: [OutcomeFingerprint.CallID: InitcallOutcome]
    let referenceResult: BootResult
    private let referenceIDs: [Int]

    init(reference: BootResult) {
        let ids = Relinker.entryIDs(of: reference.image)
        let count = reference.image.description.objects.reduce(0) { $0 + $1.entries.count }
        var first = [InitcallOutcome?](repeating: nil, count: count)
        var later: [OutcomeFingerprint.CallID: InitcallOutcome] = [:]
        let calls = OutcomeEvaluator.calls(of: reference, ids: ids, count: count)
        for (call, outcome) in zip(calls, InitcallOutcome.all(of: reference)) {
            if call.occurrence == 0, call.entry < count {
                first[call.entry] = outcome.untimed
            } else {
                later[call] = outcome.untimed
            }
        }
        self.firstCalls = first
        self.laterCalls = later
        self.referenceResult = reference
        self.referenceIDs = ids
    }

    /// Every run's call, named by registration index and occurrence (`count` registrations).
    private static func calls(of result: BootResult, ids: [Int], count: Int) -> [OutcomeFingerprint.CallID] {
        var seen = [Bool](repeating: false, count: count)
        var occurrences: [Int: Int] = [:]
        return result.runs.map { run in
            let entry = run.entry < ids.count ? ids[run.entry] : -1
            guard entry >= 0, entry < count else { return OutcomeFingerprint.CallID(entry: -1, occurrence: 0) }
            guard seen[entry] else {
                seen[entry] = true
                return OutcomeFingerprint.CallID(entry: entry, occurrence: 0)
            }
            let occurrence = occurrences[entry, default: 0] + 1
            occurrences[entry] = occurrence
            return OutcomeFingerprint.CallID(entry: entry, occurrence: occurrence)
        }
    }

    private func reference(_ call: OutcomeFingerprint.CallID) -> InitcallOutcome? {
        if call.occurrence == 0, call.entry >= 0, call.entry < firstCalls.count { return firstCalls[call.entry] }
        return laterCalls[call]
    }

    struct Evaluation: Sendable {
        var fingerprint: OutcomeFingerprint
        var passes: Bool
    }

    /// Judges a boot of an image whose table entries come from registrations `ids` (see
    /// ``Relinker/relink(order:rebuildingMap:)``). Calls that did what the reference did are
    /// only compared, never copied: most calls of most orders.
    func evaluate(_ result: BootResult, ids: [Int]) -> Evaluation {
        let calls = OutcomeEvaluator.calls(of: result, ids: ids, count: firstCalls.count)
        var differences: [OutcomeFingerprint.Difference] = []
        var passes = result.reachedInit
        for (index, run) in result.runs.enumerated() {
            let provided = result.resources(of: index, .provided)
            let missing = result.resources(of: index, .missing)
            if !missing.isEmpty { passes = false }
            let before = reference(calls[index])
            if let before, before.ret == run.ret, before.flags == run.flags, before.provided == provided,
                before.missing == missing, OutcomeEvaluator.samePrintk(before.printk, result.records(of: run))
            {
                continue
            }
            let outcome = InitcallOutcome(
                ret: run.ret, flags: run.flags, provided: provided, missing: missing,
                printk: result.records(of: run).map { .init(level: $0.level, text: $0.text) }, duration: 0)
            differences.append(OutcomeFingerprint.Difference(call: calls[index], outcome: outcome))
            if OutcomeEvaluator.regressed(from: before, to: outcome) { passes = false }
        }
        differences.sort { $0.call < $1.call }
        return Evaluation(
            fingerprint: OutcomeFingerprint(end: result.outcome, differences: differences), passes: passes)
    }

    /// Judges a boot of any image of the description (its entries are found by name).
    func evaluate(_ result: BootResult) -> Evaluation {
        evaluate(result, ids: Relinker.entryIDs(of: result.image))
    }

    private static func samePrintk(_ lines: [InitcallOutcome.PrintedLine], _ records: ArraySlice<LogRecord>) -> Bool {
        guard lines.count == records.count else { return false }
        return zip(lines, records).allSatisfy { $0.level == $1.level && $0.text == $1.text }
    }

    /// An error return or a WARN the reference call did not have.
    private static func regressed(from before: InitcallOutcome?, to after: InitcallOutcome) -> Bool {
        guard let before else { return after.misbehaved }
        if after.ret < 0, before.ret >= 0 { return true }
        return after.warnings.count > before.warnings.count || (after.panicked && !before.panicked)
    }

    /// Why a boot fails, or how it differs when it passes, in plain words (run order).
    func reasons(_ result: BootResult, limit: Int = 3) -> [String] {
        var reasons: [String] = []
        let calls = OutcomeEvaluator.calls(
            of: result, ids: Relinker.entryIDs(of: result.image), count: firstCalls.count)
        let outcomes = InitcallOutcome.all(of: result)
        for (index, (call, outcome)) in zip(calls, outcomes).enumerated() {
            let entry = result.entry(of: result.runs[index])
            let name = "\(entry.function) (\(entry.object))"
            let before = reference(call)
            if !outcome.missing.isEmpty {
                let what = outcome.missing.map { "'\($0)'" }.joined(separator: ", ")
                let then = outcome.panicked ? "panics" : "returns \(Errno.describe(outcome.ret))"
                reasons.append("\(name) finds \(what) missing and \(then)")
            } else if before != outcome.untimed {
                reasons.append("\(name) " + OutcomeEvaluator.difference(before, outcome))
            }
        }
        // A panic on a missing requirement is already said; any other panic is said first.
        if case .panicked(let message) = result.outcome,
            !outcomes.contains(where: { $0.panicked && !$0.missing.isEmpty })
        {
            reasons.insert("the boot panics: \(message)", at: 0)
        }
        if case .hung(let reason) = result.outcome { reasons.insert("the boot hangs: it \(reason)", at: 0) }
        if reasons.count > limit {
            let more = reasons.count - limit
            reasons = Array(reasons.prefix(limit)) + ["and \(more) more initcall\(more == 1 ? "" : "s")"]
        }
        return reasons
    }

    private static func difference(_ before: InitcallOutcome?, _ after: InitcallOutcome) -> String {
        guard let before else { return "runs here but not in the reference" }
        if after.ret != before.ret {
            return "returns \(Errno.describe(after.ret)) (reference: \(Errno.describe(before.ret)))"
        }
        if after.warnings != before.warnings {
            return after.warnings.isEmpty ? "no longer WARNs" : "WARNs: \(after.warnings.joined(separator: ", "))"
        }
        if after.provided != before.provided {
            return "provides \(list(after.provided)) (reference: \(list(before.provided)))"
        }
        if after.panicked != before.panicked { return after.panicked ? "panics" : "no longer panics" }
        return "prints other lines"
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "nothing" : values.map { "'\($0)'" }.joined(separator: ", ")
    }
}
