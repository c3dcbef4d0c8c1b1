/// The registrations of an imported boot, in log order, with the attributes that replay them.
extension BootFileWriter {
    mutating func body() {
        if !asyncByCall.isEmpty, eraVersion.isAtLeast(3, 18) {
            // From 3.18 the workers' lines are pr_debug(): the log shows they printed.
            line("# kernel/async.c's lines are pr_debug() from 3.18: DEBUG prints them, as they printed here")
            line("object kernel/async.o -DDEBUG")
        }
        // Module inits after the last built-in call are user space's loads (`load`); one
        // before it ran beside the initcalls (a request_module() helper), which the replay,
        // loading after init, cannot put back there.
        let lastBuiltIn = boot.events.lastIndex {
            if case .call(let index) = $0 { return boot.calls[index].phase != .outside }
            return false
        }
        for (position, event) in boot.events.enumerated() {
            switch event {
            case .record(let record):
                // A worker line of an async entry the description replays is printed again.
                if asyncReplayed.isEmpty || !asyncReplayed.contains(record.line) { comment(record) }
            case .call(let index):
                let call = boot.calls[index]
                if call.phase != .outside {
                    registration(call, index: index, ticks: jiffies?.ticks[index])
                } else if position > lastBuiltIn ?? -1, let load = ModuleLoadWriter(call), !loaded.contains(load.name),
                    objectNames[load.name + ".o"] == nil
                {
                    moduleLoad(load, call)
                } else {
                    outsideCall(call)
                }
            }
        }
    }

    /// A module's init from user space (one whose object, `NAME.o`, no built-in object of the
    /// description has taken): the module, its init replaying the call as a built-in
    /// registration does, and the `load` that runs it at the log's moment from the log's pid.
    mutating func moduleLoad(_ load: ModuleLoadWriter, _ call: ImportedBoot.Call) {
        loaded.insert(load.name)
        moduleLoads += 1
        if let end = previousModuleEnd, let start = call.calltime, start < end { overlappingLoads += 1 }
        previousModuleEnd = call.rettime ?? call.calltime
        line("module \(load.name)")
        // In-tree and GPL: no out-of-tree or license taint the log did not print.
        line("  MODULE_LICENSE \"GPL\"")
        line("  MODULE_INFO intree \"Y\"")
        line((["  module_init \(call.function)"] + attributes(call, inModule: true)).joined(separator: " "))
        var loadLine = "load \(load.name)"
        // `at=` takes at most a day (the reader's bound on every duration); a load after
        // that starts once the earlier ones are done.
        if let start = call.calltime, start <= 86_400_000_000 { loadLine += " at=" + Self.seconds(start) }
        loadLine += " pid=\(load.pid)"
        line(loadLine)
        // The next built-in registration, if any, opens an object of its own again.
        object = nil
    }

    /// `2.307595s`: a log timestamp as a `.boot` duration.
    static func seconds(_ microseconds: UInt64) -> String {
        let fraction = String(microseconds % 1_000_000)
        return "\(microseconds / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction + "s"
    }

    mutating func comment(_ record: DmesgRecord) {
        line("# " + Self.stamp(record.microseconds) + String(record.text))
    }

    static func stamp(_ microseconds: UInt64?) -> String {
        guard let microseconds else { return "" }
        let seconds = String(microseconds / 1_000_000)
        let fraction = String(microseconds % 1_000_000)
        return "[" + String(repeating: " ", count: max(0, 5 - seconds.count)) + seconds + "."
            + String(repeating: "0", count: 6 - fraction.count) + fraction + "] "
    }

    /// A module's init or async work: not part of the built-in tables, kept as comments.
    mutating func outsideCall(_ call: ImportedBoot.Call) {
        let module = call.module.map { " [\($0)]" } ?? ""
        let pid = call.pid.map { " @ \($0)" } ?? ""
        line("# " + Self.stamp(call.calltime) + "(not built in) calling  \(call.function)\(module)\(pid)")
        for record in call.records { comment(record) }
        if let duration = call.duration {
            line(
                "# " + Self.stamp(call.rettime)
                    + "(not built in) \(call.function) returned \(call.ret) after \(duration)")
        }
    }

    /// A built-in call; `ticks`: it was timed on jiffies, and printed that many ticks.
    mutating func registration(_ call: ImportedBoot.Call, index: Int, ticks: UInt64? = nil) {
        guard Self.isIdentifier(call.function) else {
            // `foo.cold`, a bare address without kallsyms: no C function to declare.
            return line("# not a C identifier, left out: " + Self.stamp(call.calltime) + "calling  " + call.function)
        }
        if call.phase == .early, !pid1Started { startPID1(at: nil) }
        if call.phase == .levels, !smpDone { smpInit() }
        let objectName = call.object.map { $0 + ".o" } ?? "unknown.o"
        if objectName != object { openObject(objectName) }
        var words = ["  " + macro(call)]
        let gap = call.calltime.map { $0 &* 1_000 > clock ? $0 &* 1_000 - clock : 0 } ?? 0
        clock &+= gap
        if gap > 0 { words.append("gap=" + Self.duration(gap)) }
        let callStart = clock
        words += attributes(call, ticks: ticks)
        if moments != nil {
            let bodyStart = callStart &+ printkCost &+ lastBody.flush
            moments?[index] = CallMoments(bodyStart: bodyStart, bodyEnd: bodyStart &+ lastBody.time, end: clock)
        }
        // The entries it hands to async_schedule(), declared before it, scheduled as its body starts.
        for plan in asyncByCall[index] ?? [] {
            line(asyncDeclaration(plan))
            words.append("async=+0ns:" + plan.name)
        }
        line(words.joined(separator: " ") + levelComment(call))
    }

    /// The `initcall_debug` records of one call in the release (``KernelVersion/InitcallDebugStyle/recordsPerCall``).
    var debugRecordsPerCall: UInt64 { UInt64(eraVersion.initcallDebugStyle.recordsPerCall) }

    /// `smp_init()`'s lines and its per-CPU time, between the early slice and level 0: two
    /// lines from 4.10 (`smp: Bringing up secondary CPUs ...`, `smp: Brought up …`), one before
    /// (``KernelVersion/SmpAnnouncement/records``).
    mutating func smpInit() {
        smpDone = true
        if !pid1Started { startPID1(at: boot.smpBringUp) }
        let cpus = UInt64(max(1, boot.cpus ?? 1))
        let lines = UInt64(eraVersion.smpAnnouncement.records)
        clock &+= lines &* printkCost &+ perCPU &* (cpus - 1)
    }

    /// `rest_init()`: with no early call to carry the time to PID 1, `kernel_init=` puts
    /// `smp_init()`'s first line where the log has it.
    mutating func startPID1(at microseconds: UInt64?) {
        pid1Started = true
        guard let microseconds, microseconds &* 1_000 > clock else { return }
        kernelInit = microseconds &* 1_000 - clock
        clock = microseconds &* 1_000
    }

    mutating func openObject(_ name: String) {
        let count = (objectNames[name] ?? 0) + 1
        objectNames[name] = count
        object = name
        if name == "unknown.o", count == 1 { line("# objects unknown: no 5.12+ System.map names them") }
        line("object " + (count == 1 ? name : String(name.dropLast(2)) + "-part\(count).o"))
    }

    /// The macro for a call's id, as the release's own level table names it (the reader takes
    /// exactly those); a call whose level is unknown takes the previous call's. An id the
    /// release has no macro for (a System.map's `early` on a 2.6.16 banner) is written as
    /// `__define_initcall`, which registers at any id, so the description still reads.
    mutating func macro(_ call: ImportedBoot.Call) -> String {
        let id = call.id ?? lastID
        if call.phase == .levels { lastID = id }
        return levels.id(named: id)?.macros.first.map { "\($0) \(call.function)" }
            ?? "__define_initcall \(call.function) \(id)"
    }

    func levelComment(_ call: ImportedBoot.Call) -> String {
        call.id == nil ? "  # level unknown" : ""
    }

    /// time=, returns=, size=, address=, printk=, preempt=/irqs=, panic=; advances the clock as the
    /// engine will.
    /// `inModule`: a module's init, which runs after the boot's clock (`load at=` places it).
    /// `ticks`: timed on jiffies (``JiffiesFit``): the body runs from after its `calling` line
    /// to its `returned` line, ending where the ticks it spans print its duration.
    mutating func attributes(_ call: ImportedBoot.Call, inModule: Bool = false, ticks: UInt64? = nil) -> [String] {
        lastBody = (0, 0)
        if call.blacklisted {
            clock &+= printkCost
            return []
        }
        var words: [String] = []
        let inner = UInt64(call.records.count) &* printkCost
        var total = max(inner, durationNanoseconds(call))
        var flush = flushNanoseconds(call, body: total)
        if let ticks, let jiffies {
            let start = clock &+ printkCost
            let end = jiffies.end(
                start: start, count: ticks, target: (call.rettime ?? 0) &* 1_000, minimum: start &+ inner)
            total = end &- start
            flush = 0
        }
        lastBody = (flush, total > inner ? total - inner : 0)
        if total > inner { words.append("time=" + Self.duration(total - inner)) }
        if flush > 0 { words.append("flush=" + Self.duration(flush)) }
        if !inModule {
            clock &+= printkCost &* (debugRecordsPerCall &+ UInt64(call.warnRecords)) &+ flush &+ total
        }
        if call.ret != 0 { words.append("returns=\(call.ret)") }
        if let size = call.size, (1...0x10_0000).contains(size) { words.append("size=0x" + String(size, radix: 16)) }
        if let address = call.address { words.append("address=0x" + String(address, radix: 16)) }
        let times = lineTimes(call, time: total - inner, flush: flush)
        for (record, at) in zip(call.records, times) { words.append(Self.printkWord(record, at: at)) }
        if let sanity = call.sanity {
            if sanity.contains("preemption imbalance") { words.append("preempt=+1") }
            if sanity.contains("disabled interrupts") { words.append("irqs=off") }
        }
        if let panic = call.panic, !panic.isEmpty { words.append("panic=" + Self.quoted(panic)) }
        return words
    }

    /// `printk=[+DUR:]LEVEL:"text"` of a logged line, printed `at` into the body (nil: after
    /// its `time=`). An empty record is a lone newline (`printk("\n")`), which the engine stores
    /// as one.
    static func printkWord(_ record: DmesgRecord, at: UInt64?) -> String {
        let level = LogLevel(rawValue: record.level ?? LogLevel.KERN_INFO.rawValue) ?? .KERN_INFO
        let timing = at.map { "+" + duration($0) + ":" } ?? ""
        let text = record.text.isEmpty ? "\"\\n\"" : quoted(String(record.text).replacingPercent())
        return "printk=" + timing + "\(level.name):" + text
    }

    /// Each line's `printk=+DUR:`: the moment of the call's `time=` it was printed at, so that
    /// it comes back at its timestamp. The engine takes the start time after the `calling`
    /// line's printk and `flush=`, and each line before this one cost one printk. Nil for a
    /// line printed once all of `time=` has passed (what a line without `+DUR:` does), and for
    /// every line of a call whose lines the log's own arithmetic cannot place: a log without
    /// timestamps, or a line more than a microsecond (the timestamps' resolution) before the
    /// body's start, after its end or before the line before it — clocks that disagree (a
    /// duration read from a coarser clock than printk's, msecs) or lines from other CPUs. Those
    /// print at the end of the body, as before: in loads that overlap, a line moved early would
    /// fall inside another load's lines.
    func lineTimes(_ call: ImportedBoot.Call, time: UInt64, flush: UInt64) -> [UInt64?] {
        let none = call.records.map { _ in UInt64?.none }
        guard let start = bodyStart(call, flush: flush) else { return none }
        let slack: UInt64 = 1_000
        var previous: UInt64 = 0
        var times: [UInt64?] = []
        for (index, record) in call.records.enumerated() {
            guard let stamp = record.microseconds else { return none }
            let printed = start &+ UInt64(index) &* printkCost
            let at = stamp &* 1_000
            guard at &+ slack >= printed else { return none }
            let elapsed = at > printed ? at - printed : 0
            guard elapsed <= time &+ slack, elapsed &+ slack >= previous else { return none }
            previous = min(max(elapsed, previous), time)
            times.append(previous < time ? previous : nil)
        }
        return times
    }

    /// When the replay starts a call's body (ns): its `calling` line's time, then that line's
    /// printk and `flush=` (`do_one_initcall()` takes its start time after them). Nil without
    /// timestamps.
    func bodyStart(_ call: ImportedBoot.Call, flush: UInt64) -> UInt64? {
        call.calltime.map { $0 &* 1_000 &+ printkCost &+ flush }
    }

    /// The nanoseconds the engine turns into the printed duration: `ktime_us_delta()` from
    /// 5.18 (µs of 1000 ns), `>> 10` from 2.6.28 (of 1024 ns), `>> 20` for msecs.
    func durationRange(_ call: ImportedBoot.Call) -> ClosedRange<UInt64> {
        guard let duration = call.duration else { return 0...0 }
        let unit: UInt64
        switch call.durationUnit {
        case .milliseconds: unit = 1 << 20
        case .microseconds: unit = eraVersion.isAtLeast(5, 18) ? 1_000 : 1_024
        }
        let limit: UInt64 = 86_400_000_000_000
        let (low, overflow) = duration.multipliedReportingOverflow(by: unit)
        guard !overflow, low < limit else { return limit...limit }
        return low...(low + unit - 1)
    }

    /// The body's whole time: where the log's own arithmetic allows, the time between the
    /// call's calling line and the line that closes it less the records printed in between
    /// (a duration printed in `>> 10` "usecs" or `>> 20` "msecs" alone leaves up to a unit
    /// open); else the printed duration's lowest value. For a call that panicked, from after
    /// its calling line to the panic.
    func durationNanoseconds(_ call: ImportedBoot.Call) -> UInt64 {
        guard call.duration != nil else {
            guard let start = call.calltime, let end = call.rettime, end > start else { return 0 }
            let span = (end - start) &* 1_000
            return span > printkCost ? span - printkCost : 0
        }
        let range = durationRange(call)
        if let start = call.calltime, let end = call.rettime, end > start {
            let overhead = printkCost &* recordsBeforeClose
            let span = (end - start) &* 1_000
            if span > overhead, range.contains(span - overhead) { return span - overhead }
        }
        return range.lowerBound
    }

    /// What the `calling` line's console output took (``InitFunction/flush``): the time
    /// between the call's calling line and the line after its body that neither one printk
    /// nor the body (`body`, within the printed duration) explains, so that the line comes
    /// back at its timestamp. In 2.6.22–2.6.25 the line after the body is `returned %d.`,
    /// which it places; the `ran for` line after that took a serial console's time too, which
    /// one cost per record cannot follow.
    func flushNanoseconds(_ call: ImportedBoot.Call, body: UInt64) -> UInt64 {
        let address = eraVersion.initcallDebugStyle == .address
        guard call.duration != nil, let start = call.calltime,
            let end = address ? call.returnedLineTime : call.rettime, end > start
        else { return 0 }
        let span = (end - start) &* 1_000
        let explained = printkCost &+ body
        return span > explained ? span - explained : 0
    }

    /// The call's own records stamped before the line that closes it: its calling line, and in
    /// 2.6.22–2.6.25 the `returned %d.` line before `ran for`.
    var recordsBeforeClose: UInt64 { eraVersion.initcallDebugStyle == .address ? 2 : 1 }
}

extension String {
    /// A literal text as a `printk()` format: `%` doubled.
    func replacingPercent() -> String {
        guard contains("%") else { return self }
        var out = ""
        for character in self { out += character == "%" ? "%%" : String(character) }
        return out
    }
}

/// What a module call of an imported log needs to be a `load`: a module and function the
/// `.boot` reader takes (C identifiers) and the pid that loaded it.
struct ModuleLoadWriter {
    var name: String
    var pid: Int32

    init?(_ call: ImportedBoot.Call) {
        guard let name = call.module, BootFileWriter.isIdentifier(name), BootFileWriter.isIdentifier(call.function),
            !call.blacklisted, let pid = call.pid, (1...4_194_304).contains(pid)
        else { return nil }
        self.name = name
        self.pid = pid
    }
}
