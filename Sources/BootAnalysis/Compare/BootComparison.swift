import KernelBoot
import KernelModel

/// What changed between two boots (issue: "Comparing link-order outcomes"): the executed
/// sequence, level by level, with entries that changed place marked as moved; then every
/// initcall whose outcome changed; then how each boot ended.
///
/// Boot A is the reference ("before"), boot B the one being judged ("after").
public struct BootComparison: Sendable {
    /// How one entry of a level's sequence differs between A and B.
    public enum Change: String, Sendable, Hashable {
        /// Same relative place in both.
        case same
        /// In this level in both, but displaced relative to the entries around it.
        case moved
        /// In this level in B, in another level in A.
        case movedIn = "moved-in"
        /// In this level in A, in another level in B.
        case movedOut = "moved-out"
        /// Ran here in A only (not at all in B).
        case onlyA = "only-a"
        /// Ran here in B only (not at all in A).
        case onlyB = "only-b"
    }

    /// One call in a level's merged sequence: which call, how it moved, where it ran in each boot.
    public struct SequenceEntry: Sendable, Hashable {
        /// The call, named the same in both boots.
        public var key: InitcallKey
        /// How its place differs between A and B.
        public var change: Change
        /// Its 1-based position within the level in A, where it ran there.
        public var positionA: Int?
        /// Its 1-based position within the level in B, where it ran there.
        public var positionB: Int?
        /// For moves between levels: the level on the other side.
        public var otherLevel: String?
    }

    /// One table walk (console, early, or a level) in both boots.
    public struct LevelSequence: Sendable, Hashable {
        /// The walk: `console_init()`, `do_pre_smp_initcalls()` or `do_initcall_level(n)`.
        public var slice: InitcallSlice
        /// The walk's name: `console`, `early`, or the level's name (`device`).
        public var name: String
        /// How many calls it made in A.
        public var countA: Int
        /// How many calls it made in B.
        public var countB: Int
        /// The merged sequence: B's order, with what only A ran where A ran it, as a diff reads.
        public var entries: [SequenceEntry]

        /// Whether anything in this level changed place, came or went.
        public var changed: Bool { entries.contains { $0.change != .same } }
        /// How many entries changed place within the level.
        public var moved: Int { entries.filter { $0.change == .moved }.count }
    }

    /// One aspect of an initcall's outcome that differs; values as a reader sees them.
    public struct FieldChange: Sendable, Hashable {
        /// An aspect of an initcall's outcome.
        public enum Field: String, Sendable, Hashable {
            /// Whether it ran at all.
            case ran
            /// Its return value, named as ``Errno/describe(_:)`` names it (`-ENODEV`).
            case ret
            /// The warnings `do_one_initcall()` and `__might_resched()` gave about it.
            case warnings
            /// The taint it added (`W`).
            case taint
            /// The resources it provided.
            case provided
            /// The resources it required and found missing.
            case missing
            /// What it printed, as `dmesg -r` shows each record (`<3>enc28j60: no chip`).
            case printk
            /// How long it ran, in whole microseconds.
            case time
            /// Whether `initcall_blacklist=` kept it from running.
            case blacklisted
            /// Whether it panicked, itself or through `panic_on_warn`.
            case panicked
        }

        /// The aspect that differs.
        public var field: Field
        /// Its value in A, as a reader sees it (empty for none).
        public var a: [String]
        /// Its value in B.
        public var b: [String]
    }

    /// An initcall whose outcome differs between the boots.
    public struct OutcomeChange: Sendable, Hashable {
        /// The call whose outcome differs.
        public var key: InitcallKey
        /// The level it ran in, in A; nil when it did not run in A.
        public var levelA: String?
        /// The level it ran in, in B; nil when it did not run in B.
        public var levelB: String?
        /// What differs, in a fixed order: `ret`, `warnings`, `taint`, `provided`, `missing`,
        /// `printk`, `time`, `blacklisted`, `panicked` (or `ran` alone).
        public var fields: [FieldChange]
    }

    /// The reference boot, "before".
    public let a: BootResult
    /// The boot being judged, "after".
    public let b: BootResult
    /// Every walk that ran in either boot, in run order: console, early, then the levels.
    public let levels: [LevelSequence]
    /// Every call whose outcome differs: in B's run order, then the calls only A ran.
    public let changes: [OutcomeChange]
    /// Every function whose kernel/async.c entries differ (count, worker, duration), by name.
    public let asyncChanges: [AsyncChange]

    /// Compares boot `b` with the reference boot `a`.
    public init(_ a: BootResult, _ b: BootResult) {
        self.a = a
        self.b = b
        let sideA = Side(a)
        let sideB = Side(b)
        self.levels = BootComparison.levels(sideA, sideB)
        self.changes = BootComparison.changes(sideA, sideB)
        self.asyncChanges = BootComparison.asyncChanges(a.startedAsyncRuns, b.startedAsyncRuns)
    }

    /// True when both boots ran the same initcalls in the same order in every level.
    public var orderEqual: Bool { !levels.contains { $0.changed } }

    /// True when every initcall's outcome and the end of the boot agree (order may differ).
    public var outcomesEqual: Bool {
        changes.isEmpty && asyncChanges.isEmpty && a.outcome == b.outcome && a.taint == b.taint
    }

    /// Entries that changed place, within a level or between levels.
    public var movedCount: Int {
        levels.reduce(0) { $0 + $1.entries.filter { $0.change == .moved || $0.change == .movedIn }.count }
    }

    /// The virtual time of a boot's last record: when init started, or the panic.
    public static func endTime(_ result: BootResult) -> UInt64 { result.bootEndTime }

    // MARK: Building

    /// One boot, indexed for the comparison.
    struct Side {
        let result: BootResult
        let keys: [InitcallKey]
        let outcomes: [InitcallOutcome]
        /// Run index of each key.
        let runByKey: [InitcallKey: Int]
        /// Run indices of each slice, in run order; slices in walk order.
        let slices: [(slice: InitcallSlice, runs: [Int])]

        init(_ result: BootResult) {
            self.result = result
            self.keys = InitcallKey.keys(of: result)
            self.outcomes = InitcallOutcome.all(of: result)
            var runByKey: [InitcallKey: Int] = [:]
            for (index, key) in keys.enumerated() { runByKey[key] = index }
            self.runByKey = runByKey
            var slices: [(slice: InitcallSlice, runs: [Int])] = []
            for (index, run) in result.runs.enumerated() {
                if let last = slices.last, last.slice == run.slice {
                    slices[slices.count - 1].runs.append(index)
                } else {
                    slices.append((run.slice, [index]))
                }
            }
            self.slices = slices
        }

        func runs(in slice: InitcallSlice) -> [Int] { slices.first { $0.slice == slice }?.runs ?? [] }
        func sliceName(ofRun run: Int) -> String { result.levelName(of: result.runs[run]) }
    }

    private static func levels(_ a: Side, _ b: Side) -> [LevelSequence] {
        let slices = Set(a.slices.map(\.slice) + b.slices.map(\.slice)).sorted()
        return slices.map { slice in
            let runsA = a.runs(in: slice)
            let runsB = b.runs(in: slice)
            let name = runsB.first.map(b.sliceName(ofRun:)) ?? runsA.first.map(a.sliceName(ofRun:)) ?? "?"
            return LevelSequence(
                slice: slice, name: name, countA: runsA.count, countB: runsB.count,
                entries: sequence(slice, runsA, runsB, a, b))
        }
    }

    /// The merged sequence of one level: kept entries in order, with what A alone had placed
    /// before what B alone has, as a diff reads.
    private static func sequence(_ slice: InitcallSlice, _ runsA: [Int], _ runsB: [Int], _ a: Side, _ b: Side)
        -> [SequenceEntry]
    {
        var positionInA: [InitcallKey: Int] = [:]
        for (position, run) in runsA.enumerated() { positionInA[a.keys[run]] = position }
        let oldPositions = runsB.map { positionInA[b.keys[$0]] }
        let keptB = SequenceAlignment.kept(oldPositions)
        var keptKeys = Set<InitcallKey>()
        for (j, isKept) in keptB.enumerated() where isKept { keptKeys.insert(b.keys[runsB[j]]) }
        var entries: [SequenceEntry] = []
        var i = 0
        var j = 0
        while i < runsA.count || j < runsB.count {
            if i < runsA.count, !keptKeys.contains(a.keys[runsA[i]]) {
                let key = a.keys[runsA[i]]
                if let other = b.runByKey[key] {
                    if b.result.runs[other].slice != slice {
                        entries.append(
                            SequenceEntry(
                                key: key, change: .movedOut, positionA: i + 1, otherLevel: b.sliceName(ofRun: other)))
                    }
                    // A move within the level is shown once, where B runs it.
                } else {
                    entries.append(SequenceEntry(key: key, change: .onlyA, positionA: i + 1))
                }
                i += 1
                continue
            }
            if j < runsB.count, !keptB[j] {
                let key = b.keys[runsB[j]]
                if let position = oldPositions[j] {
                    entries.append(SequenceEntry(key: key, change: .moved, positionA: position + 1, positionB: j + 1))
                } else if let other = a.runByKey[key] {
                    entries.append(
                        SequenceEntry(
                            key: key, change: .movedIn, positionB: j + 1, otherLevel: a.sliceName(ofRun: other)))
                } else {
                    entries.append(SequenceEntry(key: key, change: .onlyB, positionB: j + 1))
                }
                j += 1
                continue
            }
            // Both sides are at kept entries, which appear in the same order: the same one.
            guard i < runsA.count, j < runsB.count else { break }
            entries.append(SequenceEntry(key: b.keys[runsB[j]], change: .same, positionA: i + 1, positionB: j + 1))
            i += 1
            j += 1
        }
        return entries
    }

    /// Outcome differences in B's run order, then initcalls that ran in A only.
    private static func changes(_ a: Side, _ b: Side) -> [OutcomeChange] {
        var result: [OutcomeChange] = []
        for (runB, key) in b.keys.enumerated() {
            guard let runA = a.runByKey[key] else {
                result.append(ranOnce(key, levelA: nil, levelB: b.sliceName(ofRun: runB)))
                continue
            }
            let fields = fieldChanges(a.outcomes[runA], b.outcomes[runB])
            if !fields.isEmpty {
                result.append(
                    OutcomeChange(
                        key: key, levelA: a.sliceName(ofRun: runA), levelB: b.sliceName(ofRun: runB), fields: fields))
            }
        }
        for (runA, key) in a.keys.enumerated() where b.runByKey[key] == nil {
            result.append(ranOnce(key, levelA: a.sliceName(ofRun: runA), levelB: nil))
        }
        return result
    }

    /// A call that ran in one boot only (the level names the side it ran on).
    private static func ranOnce(_ key: InitcallKey, levelA: String?, levelB: String?) -> OutcomeChange {
        OutcomeChange(
            key: key, levelA: levelA, levelB: levelB,
            fields: [FieldChange(field: .ran, a: [levelA == nil ? "no" : "yes"], b: [levelB == nil ? "no" : "yes"])])
    }

    static func fieldChanges(_ a: InitcallOutcome, _ b: InitcallOutcome) -> [FieldChange] {
        var fields: [FieldChange] = []
        func add(_ field: FieldChange.Field, _ x: [String], _ y: [String]) {
            if x != y { fields.append(FieldChange(field: field, a: x, b: y)) }
        }
        add(.ret, [Errno.describe(a.ret)], [Errno.describe(b.ret)])
        add(.warnings, a.warnings, b.warnings)
        add(.taint, a.taint.isEmpty ? [] : [a.taint], b.taint.isEmpty ? [] : [b.taint])
        add(.provided, a.provided, b.provided)
        add(.missing, a.missing, b.missing)
        add(.printk, a.printk.map(\.rawText), b.printk.map(\.rawText))
        add(.time, ["\(a.duration / 1_000) us"], ["\(b.duration / 1_000) us"])
        add(.blacklisted, [yesNo(a.flags.contains(.blacklisted))], [yesNo(b.flags.contains(.blacklisted))])
        add(.panicked, [yesNo(a.panicked)], [yesNo(b.panicked)])
        return fields
    }

    private static func yesNo(_ value: Bool) -> String { value ? "yes" : "no" }
}
