import KernelBoot

/// The kernel/async.c entries of the two boots compared: which functions ran as how many
/// entries, and where an entry of the same function (matched by its place among that
/// function's entries, since cookies follow the schedule) ran on another worker or for another
/// time — as for initcalls, a run that only moved in time (another link order) is no change.
extension BootComparison {
    /// One function's entries in A and B.
    public struct AsyncChange: Sendable, Hashable {
        public var function: String
        public var countA: Int
        public var countB: Int
        /// The entries of both boots that differ, by their place among the function's.
        public var entries: [Entry]

        public struct Entry: Sendable, Hashable {
            /// Its place among the function's entries (0 for the first).
            public var occurrence: Int
            public var a: AsyncRun?
            public var b: AsyncRun?
        }
    }

    static func asyncChanges(_ a: [AsyncRun], _ b: [AsyncRun]) -> [AsyncChange] {
        var byFunctionA: [String: [AsyncRun]] = [:]
        var byFunctionB: [String: [AsyncRun]] = [:]
        for run in a { byFunctionA[run.function, default: []].append(run) }
        for run in b { byFunctionB[run.function, default: []].append(run) }
        let names = Set(byFunctionA.keys).union(byFunctionB.keys).sorted()
        var changes: [AsyncChange] = []
        for name in names {
            let runsA = byFunctionA[name] ?? []
            let runsB = byFunctionB[name] ?? []
            var entries: [AsyncChange.Entry] = []
            for occurrence in 0..<max(runsA.count, runsB.count) {
                let runA = occurrence < runsA.count ? runsA[occurrence] : nil
                let runB = occurrence < runsB.count ? runsB[occurrence] : nil
                if let runA, let runB, Self.sameRun(runA, runB) { continue }
                entries.append(AsyncChange.Entry(occurrence: occurrence, a: runA, b: runB))
            }
            if !entries.isEmpty {
                changes.append(AsyncChange(function: name, countA: runsA.count, countB: runsB.count, entries: entries))
            }
        }
        return changes
    }

    /// The same worker and measured time (the cookie may differ: it follows the schedule,
    /// which other entries change; so may the moment, as another order moves it).
    private static func sameRun(_ a: AsyncRun, _ b: AsyncRun) -> Bool {
        a.pid == b.pid && a.measured == b.measured
    }
}
