/// The async entries of an imported log as `async` declarations and `async=` attributes.
///
/// The log never says which call handed an entry to `async_schedule()`: only when a worker
/// started it. Cookies are given in scheduling order, so the entry with cookie N was scheduled
/// no later than the first `calling` line of any entry numbered N or more; the writer makes
/// the built-in call that had last started then its scheduler (at the start of its body), and
/// gives the entry the delay that starts it at its line's moment of the replay — the log's
/// timestamp, or without timestamps the replay's own moment of that place in the log.
extension BootFileWriter {
    /// One entry as the description writes it.
    struct AsyncPlan {
        var entry: Int
        var name: String
        var delay: UInt64
        var time: UInt64
        /// The `printk=` values of what its worker printed (caller ids), timed where they fit.
        var printk: [String] = []
    }

    /// A call's moments in the replay (ns), from the writer's clock.
    struct CallMoments {
        /// When its body starts (after its `calling` line and `flush=`).
        var bodyStart: UInt64
        /// When its `time=` ends: its lines without `+DUR:` print from here.
        var bodyEnd: UInt64
        /// After its `returned` line.
        var end: UInt64
    }

    /// The entries to write, by the call that schedules them (in cookie order), and the log
    /// lines the replay prints itself. `moments` are the calls' moments from a first pass of
    /// the writer; `logEnd` the replay's clock at the end of that pass.
    static func asyncPlans(_ boot: ImportedBoot, moments: [Int: CallMoments], logEnd: UInt64, printkCost: UInt64)
        -> (byCall: [Int: [AsyncPlan]], replayed: Set<Int>, notes: [String])
    {
        let order = boot.asyncEntries.indices.sorted {
            (boot.asyncEntries[$0].cookie, $0) < (boot.asyncEntries[$1].cookie, $1)
        }
        // The scheduler of each entry: the host of the earliest calling line from it on.
        var schedulers = [Int?](repeating: nil, count: order.count)
        var earliest: (line: Int, host: Int?)?
        for position in order.indices.reversed() {
            let entry = boot.asyncEntries[order[position]]
            if let first = earliest, first.line <= entry.line {
                // The earlier line from a later cookie bounds this one too.
            } else {
                earliest = (entry.line, entry.host)
            }
            schedulers[position] = earliest?.host
        }
        // The written calls in order, to step back from a scheduler whose body starts too late.
        let written = moments.keys.sorted()
        let offsets = slotOffsets(boot, printkCost: printkCost)
        var byCall: [Int: [AsyncPlan]] = [:]
        var replayed: Set<Int> = []
        var previousScheduler = -1
        var names: Set<String> = []
        var cookies: [UInt64] = []
        var unfinished = 0
        for (position, index) in order.enumerated() {
            let entry = boot.asyncEntries[index]
            // A blacklisted call never runs its body; a call left out (no C name) has no moments.
            guard let host = schedulers[position], moments[host] != nil, isIdentifier(entry.function),
                (1...4_194_304).contains(entry.pid), cookies.last != entry.cookie
            else { continue }
            let start =
                startMoment(entry, offset: offsets[index] ?? 0, moments: moments, printkCost: printkCost)
                ?? (moments[host]?.bodyStart ?? 0)
            let scheduler = earlierScheduler(
                host, start: start, after: previousScheduler, written: written, moments: moments, boot: boot)
            guard let scheduler, let schedule = moments[scheduler] else { continue }
            previousScheduler = scheduler
            // The function's name for its first entry, then with the cookie (and, should a
            // function of that name exist, underscores until the name is free).
            var name = entry.function
            if names.contains(name) { name += "_\(entry.cookie)" }
            while names.contains(name) { name += "_" }
            names.insert(name)
            if entry.duration == nil { unfinished += 1 }
            var time = bodyTime(entry, start: start, logEnd: logEnd, printkCost: printkCost)
            let (printk, untimed) = lines(entry, start: start, time: time, printkCost: printkCost)
            // Lines printed after time= cost the worker their printk each, inside its duration.
            let cost = UInt64(untimed) &* printkCost
            time = time > cost ? time - cost : 0
            let delay = start > schedule.bodyStart ? start - schedule.bodyStart : 0
            byCall[scheduler, default: []].append(
                AsyncPlan(entry: index, name: name, delay: delay, time: time, printk: printk))
            for line in entry.lines { replayed.insert(line) }
            cookies.append(entry.cookie)
        }
        var notes: [String] = []
        if !cookies.isEmpty {
            notes.append(
                "\(cookies.count) async entr\(cookies.count == 1 ? "y" : "ies") (kernel/async.c): the log does not say which call scheduled each, so each is scheduled by the call that had last started when the first worker line of its cookie or a later one printed, with the delay that starts it where the log has it"
            )
        }
        if cookies != (0..<cookies.count).map({ UInt64($0) + 1 }) {
            notes.append(
                "the log's async cookies are not 1 to \(cookies.count) (an excerpt, or entries the log does not show): the replay numbers them from 1"
            )
        }
        if unfinished > 0 {
            notes.append(
                "\(unfinished) async entr\(unfinished == 1 ? "y has" : "ies have") no returned line in the log: each runs until 1 ms after the log's last call"
            )
        }
        return (byCall, replayed, notes)
    }

    /// The call that schedules an entry starting at `start`: `host`, or where the host's body
    /// starts after `start` (its `calling` line took the console that long: a worker line
    /// came before its body), the latest written call before it whose body had started — no
    /// earlier than `after`, the previous entry's (cookies follow the schedule), and at most
    /// 64 calls back. Nil when no call can (all blacklisted).
    private static func earlierScheduler(
        _ host: Int, start: UInt64, after: Int, written: [Int], moments: [Int: CallMoments], boot: ImportedBoot
    ) -> Int? {
        guard var position = Self.position(of: host, in: written) else { return nil }
        var steps = 0
        while position > 0, steps < 64, written[position - 1] >= max(after, 0),
            (moments[written[position]]?.bodyStart ?? 0) > start || boot.calls[written[position]].blacklisted
        {
            position -= 1
            steps += 1
        }
        let scheduler = written[position]
        return boot.calls[scheduler].blacklisted || scheduler < after ? nil : scheduler
    }

    /// The index of `call` in the sorted `written`.
    private static func position(of call: Int, in written: [Int]) -> Int? {
        var low = 0
        var high = written.count
        while low < high {
            let middle = (low + high) / 2
            if written[middle] < call { low = middle + 1 } else { high = middle }
        }
        return low < written.count && written[low] == call ? low : nil
    }

    /// When the entry's worker starts it in the replay (ns): its `calling` line's timestamp,
    /// or in a log without timestamps its place among its host's lines (which print after the
    /// host's `time=`) or after the host returned.
    private static func startMoment(
        _ entry: ImportedBoot.AsyncEntry, offset: UInt64, moments: [Int: CallMoments], printkCost: UInt64
    ) -> UInt64? {
        if let start = entry.start { return start &* 1_000 }
        guard let host = entry.host, let hostMoments = moments[host] else { return nil }
        guard let before = entry.hostRecords else { return hostMoments.end }
        // Before the host's first line: anywhere in its time=, in the log's order (below).
        if before == 0 { return min(hostMoments.bodyStart &+ offset, hostMoments.bodyEnd) }
        return hostMoments.bodyEnd &+ UInt64(before) &* printkCost
    }

    /// Without timestamps, the entries whose `calling` lines came before any line of the call
    /// they came in start one after another from its body's start, in the log's order, each
    /// after the lines the ones before it print first (its `calling` line, and the
    /// `async_waiting` line of one that waits): so their lines come back in that order too.
    private static func slotOffsets(_ boot: ImportedBoot, printkCost: UInt64) -> [Int: UInt64] {
        var offsets: [Int: UInt64] = [:]
        var next: [Int: UInt64] = [:]
        for (index, entry) in boot.asyncEntries.enumerated() where entry.start == nil && entry.hostRecords == 0 {
            guard let host = entry.host else { continue }
            let offset = next[host] ?? 0
            offsets[index] = offset
            next[host] = offset &+ printkCost &* (entry.waits ? 2 : 1)
        }
        return offsets
    }

    /// The entry's `time=`: its printed duration (`>> 10`) less what the worker spent on its
    /// own lines and waiting before the body — the timestamps' span where they agree with it;
    /// without a `returned` line, until 1 ms after the log's end.
    private static func bodyTime(_ entry: ImportedBoot.AsyncEntry, start: UInt64, logEnd: UInt64, printkCost: UInt64)
        -> UInt64
    {
        guard let duration = entry.duration else {
            return (logEnd > start ? logEnd - start : 0) &+ 1_000_000
        }
        let low = min(duration, 86_400_000_000) &* 1_024
        var measured = low
        if let begin = entry.start, let end = entry.rettime, end > begin {
            let span = (end - begin) &* 1_000
            if span > printkCost, (low...(low + 1_023)).contains(span - printkCost) { measured = span - printkCost }
        }
        guard entry.waits else { return measured }
        let waiting = printkCost &* 2 &+ (entry.waited ?? 0) &* 1_024
        return measured > waiting ? measured - waiting : 0
    }

    /// What the entry's worker printed, as `printk=` values: each at its moment of the body
    /// (`+DUR:`) when all fit — in order, within `time` — else all after it; and how many are
    /// after it. The body starts after the `calling` line (and the `async_continuing` line of
    /// one that waited).
    private static func lines(_ entry: ImportedBoot.AsyncEntry, start: UInt64, time: UInt64, printkCost: UInt64)
        -> (values: [String], untimed: Int)
    {
        guard !entry.records.isEmpty else { return ([], 0) }
        let resumed = entry.waits ? entry.continuedAt.map { $0 &* 1_000 } : nil
        let bodyStart = (resumed ?? start) &+ printkCost
        var moments: [UInt64]? = []
        var previous: UInt64 = 0
        for record in entry.records {
            guard let stamp = record.microseconds.map({ $0 &* 1_000 }), stamp >= bodyStart,
                stamp - bodyStart >= previous, stamp - bodyStart <= time
            else {
                moments = nil
                break
            }
            previous = stamp - bodyStart
            moments?.append(previous)
        }
        let values = entry.records.enumerated().map { index, record in
            printkWord(record, at: moments?[index])
        }
        return (values, moments == nil ? entry.records.count : 0)
    }

    /// The `async` line of a planned entry.
    func asyncDeclaration(_ plan: AsyncPlan) -> String {
        let entry = boot.asyncEntries[plan.entry]
        var words = ["  async", plan.name]
        if plan.name != entry.function { words.append("function=" + entry.function) }
        words.append("pid=\(entry.pid)")
        if let size = entry.size, (1...0x10_0000).contains(size) { words.append("size=0x" + String(size, radix: 16)) }
        if plan.delay > 0 { words.append("delay=" + Self.duration(plan.delay)) }
        if plan.time > 0 { words.append("time=" + Self.duration(plan.time)) }
        if entry.waits { words.append("synchronize=cookie") }
        return (words + plan.printk).joined(separator: " ")
    }
}
