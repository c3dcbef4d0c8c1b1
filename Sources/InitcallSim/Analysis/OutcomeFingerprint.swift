/// What a boot came to, as exploration groups boots: how it ended, and every initcall whose
/// outcome differs from the reference boot's. Timings are left out on purpose: in a different
/// order every call starts at a different time, and durations only change when something
/// else (printk output, a failed requirement) changes too, which the fingerprint already holds.
struct OutcomeFingerprint: Sendable, Hashable {
    /// An initcall call named independently of link order: the entry (index over the
    /// description's registrations) and which call of it this is.
    struct CallID: Sendable, Hashable, Comparable {
        var entry: Int
        var occurrence: Int

        static func < (lhs: CallID, rhs: CallID) -> Bool { (lhs.entry, lhs.occurrence) < (rhs.entry, rhs.occurrence) }
    }

    struct Difference: Sendable, Hashable {
        var call: CallID
        var outcome: InitcallOutcome
    }

    var end: BootOutcome
    /// Sorted by call, so that the run order does not matter.
    var differences: [Difference]
}

/// A boot judged against the reference: its fingerprint, and whether it passes.
///
/// An order **fails** when its boot does not reach init, when any initcall finds a resource it
/// requires missing, or when an initcall returns an error or draws a WARN where it did not in
/// the reference boot. Everything else passes, even if some printk line differs.
struct OutcomeEvaluator: Sendable {
    /// The first description entry index of each object.
    private let entryBase: [String: Int]
    /// The reference outcome of each call, untimed.
    private let reference: [OutcomeFingerprint.CallID: InitcallOutcome]
    let referenceResult: BootResult

    init(reference: BootResult) {
        var base: [String: Int] = [:]
        var next = 0
        for object in reference.image.description.objects where base[object.path] == nil {
            base[object.path] = next
            next += object.entries.count
        }
        self.entryBase = base
        self.referenceResult = reference
        var outcomes: [OutcomeFingerprint.CallID: InitcallOutcome] = [:]
        let calls = OutcomeEvaluator.calls(of: reference, base: base)
        for (call, outcome) in zip(calls, InitcallOutcome.all(of: reference)) { outcomes[call] = outcome.untimed }
        self.reference = outcomes
    }

    private static func calls(of result: BootResult, base: [String: Int]) -> [OutcomeFingerprint.CallID] {
        var seen: [Int: Int] = [:]
        return result.runs.map { run in
            let entry = result.entry(of: run)
            let index = (base[entry.object] ?? 0) + entry.sourceOrder
            let occurrence = seen[index, default: 0]
            seen[index] = occurrence + 1
            return OutcomeFingerprint.CallID(entry: index, occurrence: occurrence)
        }
    }

    struct Evaluation: Sendable {
        var fingerprint: OutcomeFingerprint
        var passes: Bool
    }

    func evaluate(_ result: BootResult) -> Evaluation {
        let calls = OutcomeEvaluator.calls(of: result, base: entryBase)
        let outcomes = InitcallOutcome.all(of: result)
        var differences: [OutcomeFingerprint.Difference] = []
        var passes = result.reachedInit
        for (call, full) in zip(calls, outcomes) {
            let outcome = full.untimed
            if !outcome.missing.isEmpty { passes = false }
            let before = reference[call]
            if before != outcome {
                differences.append(OutcomeFingerprint.Difference(call: call, outcome: outcome))
                if OutcomeEvaluator.regressed(from: before, to: outcome) { passes = false }
            }
        }
        differences.sort { $0.call < $1.call }
        return Evaluation(fingerprint: OutcomeFingerprint(end: result.outcome, differences: differences), passes: passes)
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
        let calls = OutcomeEvaluator.calls(of: result, base: entryBase)
        let outcomes = InitcallOutcome.all(of: result)
        for (index, (call, outcome)) in zip(calls, outcomes).enumerated() {
            let entry = result.entry(of: result.runs[index])
            let name = "\(entry.function) (\(entry.object))"
            let before = reference[call]
            if !outcome.missing.isEmpty {
                let what = outcome.missing.map { "'\($0)'" }.joined(separator: ", ")
                let then = outcome.panicked ? "panics" : "returns \(Errno.describe(outcome.ret))"
                reasons.append("\(name) finds \(what) missing and \(then)")
            } else if before != outcome.untimed {
                reasons.append("\(name) " + OutcomeEvaluator.difference(before, outcome))
            }
        }
        // A panic on a missing requirement is already said; any other panic is said first.
        if case .panicked(let message) = result.outcome, !outcomes.contains(where: { $0.panicked && !$0.missing.isEmpty }) {
            reasons.insert("the boot panics: \(message)", at: 0)
        }
        if reasons.count > limit {
            let more = reasons.count - limit
            reasons = Array(reasons.prefix(limit)) + ["and \(more) more initcall\(more == 1 ? "" : "s")"]
        }
        return reasons
    }

    private static func difference(_ before: InitcallOutcome?, _ after: InitcallOutcome) -> String {
        guard let before else { return "runs here but not in the reference" }
        if after.ret != before.ret { return "returns \(Errno.describe(after.ret)) (reference: \(Errno.describe(before.ret)))" }
        if after.warnings != before.warnings {
            return after.warnings.isEmpty ? "no longer WARNs" : "WARNs: \(after.warnings.joined(separator: ", "))"
        }
        if after.provided != before.provided { return "provides \(list(after.provided)) (reference: \(list(before.provided)))" }
        if after.panicked != before.panicked { return after.panicked ? "panics" : "no longer panics" }
        return "prints other lines"
    }

    private static func list(_ values: [String]) -> String {
        values.isEmpty ? "nothing" : values.map { "'\($0)'" }.joined(separator: ", ")
    }
}
