import KernelBoot
import KernelLink
import KernelModel

/// A boot as Chrome trace-event JSON (the "JSON Object Format": `traceEvents`,
/// `displayTimeUnit`), which ui.perfetto.dev and chrome://tracing open.
///
/// - One process (pid 1), one thread track per kernel task: `tid` is the task's PID + 1,
///   because Perfetto treats pid and tid 0 as the idle task and merges them; the thread names
///   say which PID each is. The model runs every initcall on CPU 0, so there are no per-CPU
///   tracks.
/// - Complete events (`ph: "X"`, `ts`/`dur` in microseconds, exact to the nanosecond as a
///   decimal fraction): the stages `start_kernel` (PID 0), `kernel_init` and `smp_init`
///   (PID 1), every table walk as a level slice (`console`, `early`, `pure` … `late`, empty ones
///   included) enclosing its initcalls, and one slice per initcall with its function, object,
///   section, level, return value and its name, and what `do_one_initcall()` noted, as args.
/// - The module inits of the loads after init (``BootResult/moduleRuns``), one slice each on
///   the track of the task that loaded it (named after it: `PID 161 systemd-udevd`).
/// - Instant events (`ph: "i"`): the banner, SMP bring-up, `free_initmem()` and init (global
///   scope), WARNs and BUGs (thread scope, on the task that drew them), the panic (global).
///
/// Each track's events are in start-time order, an enclosing slice before what it encloses;
/// keys are in a fixed order and the same boot gives the same bytes.
public enum PerfettoTrace {
    /// The trace document, one event a line.
    public static func render(_ result: BootResult) -> String {
        let events = self.events(result)
        var output = "{\n  \"traceEvents\": [\n"
        output.reserveCapacity(events.count * 200)
        for (index, event) in events.enumerated() {
            output += "    "
            event.writeCompact(to: &output)
            output += index + 1 < events.count ? ",\n" : "\n"
        }
        output += "  ],\n  \"displayTimeUnit\": \"ms\",\n  \"otherData\": "
        otherData(result).writeCompact(to: &output)
        return output + "\n}\n"
    }

    /// The process id every event carries.
    static let processID = 1

    /// The `tid` of a kernel task's track.
    static func threadID(_ pid: Int32) -> Int { Int(pid) + 1 }

    /// What the document says about the boot besides its events.
    static func otherData(_ result: BootResult) -> JSON {
        var outcome: [(String, JSON)] = [("reached_init", .bool(result.reachedInit))]
        switch result.outcome {
        case .reachedInit(let path): outcome.append(("init", .string(path)))
        case .panicked(let message): outcome.append(("panic", .string(message)))
        case .hung(let reason): outcome.append(("hang", .string(reason)))
        }
        let description = result.image.description
        return .object([
            ("generator", .string("initcall-sim")),
            ("kernel", .string(description.version.release)),
            ("arch", .string(description.architecture.rawValue)),
            ("command_line", .string(result.commandLine)),
            ("outcome", .object(outcome)),
            ("taint", .string(result.taint)),
        ])
    }

    /// One event of a track, with what orders it: start time, then enclosing before enclosed
    /// (stage, level, call, instant), then the order it was made in.
    private struct Item {
        var start: UInt64
        var rank: Int
        var sequence: Int
        var json: JSON
    }

    /// Every event: metadata, then each task's track in PID order, then the global instants.
    static func events(_ result: BootResult) -> [JSON] {
        var tracks: [Int32: [Item]] = [:]
        var global: [Item] = []
        var sequence = 0
        func add(_ pid: Int32?, _ start: UInt64, rank: Int, _ json: JSON) {
            let item = Item(start: start, rank: rank, sequence: sequence, json: json)
            sequence += 1
            if let pid { tracks[pid, default: []].append(item) } else { global.append(item) }
        }
        let pids = result.runs.map(\.pid) + result.levels.map(\.pid) + result.events.map(\.pid)
        let asyncRuns = result.startedAsyncRuns
        for pid in Set(pids + result.moduleRuns.map(\.pid) + asyncRuns.map(\.pid)) {
            tracks[pid] = tracks[pid] ?? []
        }
        let end = endTime(result)
        // The tasks' own slices enclose everything on their tracks; smp_init sits between
        // walks, after an empty early walk that starts at the same time (so it goes after them).
        let stages = stages(result, end: end)
        for stage in stages where stage.name != "smp_init" {
            add(stage.pid, stage.start, rank: 0, complete(stage.name, "stage", stage.pid, stage.start, stage.end, []))
        }
        for span in result.levels {
            add(
                span.pid, span.start, rank: 1,
                complete(
                    span.name, "level", span.pid, span.start, span.end,
                    [
                        ("level", .string(span.name)), ("initcalls", .int(span.runs.count)),
                    ]))
        }
        for stage in stages where stage.name == "smp_init" {
            add(stage.pid, stage.start, rank: 1, complete(stage.name, "stage", stage.pid, stage.start, stage.end, []))
        }
        for index in result.runs.indices {
            let run = result.runs[index]
            add(run.pid, run.calltime, rank: 2, initcall(result, index))
        }
        for run in result.moduleRuns where !run.blacklisted {
            add(run.pid, run.calltime, rank: 2, moduleInit(run))
        }
        for run in asyncRuns {
            add(run.pid, run.start, rank: 2, asyncEntry(result, run, end: end))
        }
        // The init that ran is the last one run_init_process() tried.
        let initEvent = result.reachedInit ? result.events.lastIndex { $0.kind == .runInit } : nil
        for (index, event) in result.events.enumerated() {
            guard let (name, scope, args) = instant(event, result, ranInit: index == initEvent) else { continue }
            add(
                scope == "g" ? nil : event.pid, event.timestamp, rank: 3,
                .object(
                    [
                        ("name", .string(name)), ("cat", .string(scope == "g" ? "stage" : "report")),
                        ("ph", .string("i")), ("s", .string(scope)), ("ts", .microseconds(event.timestamp)),
                        ("pid", .int(processID)), ("tid", .int(threadID(event.pid))),
                    ] + (args.isEmpty ? [] : [("args", .object(args))])))
        }
        var output = metadata(result, pids: tracks.keys.sorted(), comms: comms(result))
        for pid in tracks.keys.sorted() {
            output += ordered(tracks[pid] ?? []).map(\.json)
        }
        output += ordered(global).map(\.json)
        return output
    }

    private static func ordered(_ items: [Item]) -> [Item] {
        items.sorted {
            ($0.start, $0.rank, $0.sequence) < ($1.start, $1.rank, $1.sequence)
        }
    }

    /// The names of the tasks that loaded modules (the first each pid had).
    static func comms(_ result: BootResult) -> [Int32: String] {
        var names: [Int32: String] = [:]
        for run in result.moduleRuns where names[run.pid] == nil { names[run.pid] = run.comm }
        // A kworker (async/N before 2.6.36): the boot does not name the worker threads.
        for run in result.asyncRuns where names[run.pid] == nil { names[run.pid] = "async worker" }
        return names
    }

    /// `process_name`, then per track `thread_name` and `thread_sort_index`.
    static func metadata(_ result: BootResult, pids: [Int32], comms: [Int32: String] = [:]) -> [JSON] {
        let release = result.image.description.version.release
        var events: [JSON] = [
            .object([
                ("name", .string("process_name")), ("ph", .string("M")), ("pid", .int(processID)),
                ("tid", .int(threadID(pids.first ?? 0))),
                ("args", .object([("name", .string("Linux \(release) boot"))])),
            ])
        ]
        for pid in pids {
            let name: String
            switch pid {
            case 0: name = "PID 0 swapper/0: start_kernel"
            case 1: name = "PID 1 swapper/0: kernel_init"
            default: name = comms[pid].map { "PID \(pid) \($0)" } ?? "PID \(pid)"
            }
            events.append(
                .object([
                    ("name", .string("thread_name")), ("ph", .string("M")), ("pid", .int(processID)),
                    ("tid", .int(threadID(pid))), ("args", .object([("name", .string(name))])),
                ]))
            events.append(
                .object([
                    ("name", .string("thread_sort_index")), ("ph", .string("M")), ("pid", .int(processID)),
                    ("tid", .int(threadID(pid))), ("args", .object([("sort_index", .int(Int(pid)))])),
                ]))
        }
        return events
    }

    /// A complete event.
    static func complete(
        _ name: String, _ category: String, _ pid: Int32, _ start: UInt64, _ end: UInt64, _ args: [(String, JSON)],
        colour: String? = nil
    ) -> JSON {
        var members: [(String, JSON)] = [
            ("name", .string(name)), ("cat", .string(category)), ("ph", .string("X")),
            ("ts", .microseconds(start)), ("dur", .microseconds(end >= start ? end - start : 0)),
            ("pid", .int(processID)), ("tid", .int(threadID(pid))),
        ]
        if let colour { members.append(("cname", .string(colour))) }
        if !args.isEmpty { members.append(("args", .object(args))) }
        return .object(members)
    }

    /// The slice of one initcall run; failures and WARNs get chrome://tracing's reserved
    /// colours `terrible` and `bad`.
    static func initcall(_ result: BootResult, _ index: Int) -> JSON {
        let run = result.runs[index]
        let entry = result.entry(of: run)
        var args: [(String, JSON)] = [
            ("function", .string(entry.function)), ("object", .string(entry.object)),
            ("section", .string(entry.section)), ("level", .string(result.levelName(of: run))),
            ("ret", .int(run.ret)), ("ret_name", .string(Errno.describe(run.ret))), ("pid", .int(run.pid)),
            ("duration_us", .uint(run.durationMicroseconds)),
        ]
        let warnings = self.warnings(run)
        if !warnings.isEmpty { args.append(("warnings", .strings(warnings))) }
        if run.flags.contains(.blacklisted) { args.append(("blacklisted", .bool(true))) }
        if run.flags.contains(.panicked) || run.flags.contains(.warnPanicked) { args.append(("panicked", .bool(true))) }
        let missing = result.resources(of: index, .missing)
        if !missing.isEmpty { args.append(("missing", .strings(missing))) }
        let colour: String?
        if run.ret < 0 || run.flags.contains(.panicked) {
            colour = "terrible"
        } else if !warnings.isEmpty {
            colour = "bad"
        } else {
            colour = nil
        }
        return complete(entry.function, "initcall", run.pid, run.calltime, run.rettime, args, colour: colour)
    }

    /// The slice of a kernel/async.c entry on its worker's track, `<cookie>_<function>` as the
    /// worker's lines name it, cut at the end of a boot that stopped first.
    static func asyncEntry(_ result: BootResult, _ run: AsyncRun, end: UInt64) -> JSON {
        var args: [(String, JSON)] = [
            ("function", .string(run.function)), ("cookie", .uint(run.cookie)), ("pid", .int(run.pid)),
            ("queued_us", .uint((run.start &- run.scheduled) / 1_000)),
            ("duration_us", .uint(run.durationMicroseconds)),
        ]
        if let scheduler = run.scheduledBy, scheduler < result.runs.count {
            args.append(("scheduled_by", .string(result.entry(of: result.runs[scheduler]).function)))
        }
        return complete(
            "\(run.cookie)_\(run.function)", "async", run.pid, run.start, min(run.end, max(end, run.start)), args)
    }

    /// The slice of a module's init, on the track of the task that loaded it.
    static func moduleInit(_ run: ModuleInitRun) -> JSON {
        let args: [(String, JSON)] =
            [
                ("function", .string(run.function)), ("module", .string(run.module)), ("ret", .int(run.ret)),
                ("ret_name", .string(Errno.describe(run.ret))), ("pid", .int(run.pid)), ("comm", .string(run.comm)),
                ("duration_us", .uint(run.durationMicroseconds)),
            ] + (run.panicked ? [("panicked", .bool(true))] : [])
        let colour = run.ret < 0 || run.panicked ? "terrible" : nil
        return complete(run.function, "module_init", run.pid, run.calltime, run.rettime, args, colour: colour)
    }

    static func warnings(_ run: InitcallRun) -> [String] {
        var warnings: [String] = []
        if run.flags.contains(.preemptionImbalance) { warnings.append("preemption imbalance") }
        if run.flags.contains(.disabledInterrupts) { warnings.append("disabled interrupts") }
        if run.flags.contains(.sleptInAtomic) { warnings.append("sleeping function called from invalid context") }
        return warnings
    }

    /// The name, scope and args of the instant an event becomes, or nil for events shown as
    /// slices (SMP bring-up's end, `kernel_init`) or not at all (failed init attempts).
    static func instant(_ event: BootEvent, _ result: BootResult, ranInit: Bool) -> (String, String, [(String, JSON)])?
    {
        func record() -> [(String, JSON)] {
            result.records.indices.contains(event.record)
                ? [("text", .string(result.records[event.record].text))] : []
        }
        func function() -> [(String, JSON)] {
            guard let run = event.run, result.runs.indices.contains(run) else { return [] }
            return [("function", .string(result.entry(of: result.runs[run]).function))]
        }
        switch event.kind {
        case .banner: return ("banner", "g", record())
        case .smpBringUp: return ("smp bring-up", "g", record())
        case .freeInitmem: return ("free_initmem", "g", record())
        case .runInit:
            return ranInit ? ("init", "g", [("path", .string(event.detail))]) : nil
        case .warning: return ("WARN", "t", [("message", .string(event.detail))] + function())
        case .bug: return ("BUG", "t", [("message", .string(event.detail))] + function())
        case .panic: return ("panic", "g", [("message", .string(event.detail))] + function())
        case .kernelInit, .smpBroughtUp: return nil
        }
    }

    /// A stage slice of one track.
    struct Stage {
        var name: String
        var pid: Int32
        var start: UInt64
        var end: UInt64
    }

    /// `start_kernel` (PID 0, from the banner until `kernel_init` starts, or to the end),
    /// `kernel_init` (PID 1, to the end) and `smp_init` (PID 1).
    static func stages(_ result: BootResult, end: UInt64) -> [Stage] {
        var stages: [Stage] = []
        let banner = result.events.first { $0.kind == .banner }
        let kernelInit = result.events.first { $0.kind == .kernelInit }
        if let banner {
            stages.append(
                Stage(name: "start_kernel", pid: banner.pid, start: banner.timestamp, end: kernelInit?.timestamp ?? end)
            )
        }
        if let kernelInit {
            stages.append(Stage(name: "kernel_init", pid: kernelInit.pid, start: kernelInit.timestamp, end: end))
        }
        if let up = result.events.first(where: { $0.kind == .smpBringUp }) {
            let done = result.events.first { $0.kind == .smpBroughtUp }
            stages.append(Stage(name: "smp_init", pid: up.pid, start: up.timestamp, end: done?.timestamp ?? end))
        }
        return stages
    }

    /// The last moment of the boot: its last record, walk or call.
    static func endTime(_ result: BootResult) -> UInt64 {
        max(
            result.records.last?.timestamp ?? 0, result.levels.map(\.end).max() ?? 0,
            result.runs.last?.rettime ?? 0, result.events.last?.timestamp ?? 0,
            result.moduleRuns.map(\.rettime).max() ?? 0)
    }
}
