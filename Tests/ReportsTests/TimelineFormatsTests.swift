import Foundation
import KernelBoot
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `boot --format perfetto`, `ftrace` and `svg` on the examples: each checked against the rules
/// of its format, and golden.
@Suite("timeline formats")
struct TimelineFormatsTests {
    let golden = Golden("ReportsTests")

    static let examples = ["board.boot", "do-one-initcall.boot", "panic.boot", "same-level-pair.boot"]

    static func boot(_ name: String) throws -> BootResult {
        var description = try BootFile.load(Fixtures.example(name))
        description.sourceFile = "Examples/\(name)"
        return try Linker.link(description).boot()
    }

    static func stem(_ name: String) -> String { String(name.dropLast(".boot".count)) }

    // MARK: Perfetto

    @Test(arguments: examples)
    func perfettoFollowsTheTraceEventRules(_ name: String) throws {
        let result = try Self.boot(name)
        let text = PerfettoTrace.render(result)
        let (events, problems) = TraceEventValidator.parse(text)
        #expect(problems == [])
        // One slice per initcall run, inside the slice of its level on the same track.
        let calls = events.filter { $0.phase == "X" && $0.category == "initcall" }
        #expect(calls.count == result.runs.count)
        for (call, run) in zip(calls, result.runs) {
            let entry = result.entry(of: run)
            #expect(call.name == entry.function)
            #expect(call.args["object"] as? String == entry.object)
            #expect(call.args["section"] as? String == entry.section)
            #expect(call.args["level"] as? String == result.levelName(of: run))
            #expect((call.args["ret"] as? NSNumber)?.int32Value == run.ret)
            #expect(call.args["ret_name"] as? String == Errno.describe(run.ret))
            #expect(call.end - call.start == Int64(run.rettime - run.calltime))
            let parent = TraceEventValidator.parent(of: call, in: events)
            #expect(parent?.category == "level" && parent?.name == result.levelName(of: run), "\(call.name)")
        }
        // Every walk is a level slice, empty levels included.
        let levels = events.filter { $0.phase == "X" && $0.category == "level" }
        #expect(levels.map(\.name) == result.levels.map(\.name))
        // Stage markers and reports.
        let instants = events.filter { $0.phase == "i" }.map(\.name)
        #expect(instants.contains("banner"))
        #expect(instants.filter { $0 == "WARN" }.count == result.events.filter { $0.kind == .warning }.count)
        #expect(instants.filter { $0 == "BUG" }.count == result.events.filter { $0.kind == .bug }.count)
        #expect(instants.contains("panic") == !result.reachedInit)
        #expect(instants.contains("init") == result.reachedInit)
        if result.reachedInit { #expect(instants.contains("free_initmem") && instants.contains("smp bring-up")) }
    }

    @Test func perfettoGolden() throws {
        try golden.check(PerfettoTrace.render(try Self.boot("board.boot")), against: "board.perfetto.json")
        try golden.check(
            PerfettoTrace.render(try Self.boot("do-one-initcall.boot")), against: "do-one-initcall.perfetto.json")
        try golden.check(PerfettoTrace.render(try Self.boot("panic.boot")), against: "panic.perfetto.json")
    }

    @Test func perfettoTracksAvoidPidAndTidZero() throws {
        let (events, _) = TraceEventValidator.parse(PerfettoTrace.render(try Self.boot("board.boot")))
        #expect(events.allSatisfy { $0.pid != 0 && $0.tid != 0 })
        let names = events.filter { $0.name == "thread_name" }.compactMap { $0.args["name"] as? String }
        #expect(names == ["PID 0 swapper/0: start_kernel", "PID 1 swapper/0: kernel_init"])
    }

    /// The validator itself must catch what it claims to.
    @Test(arguments: [
        (#"{"traceEvents": [{"name": "a", "ph": "X", "ts": 1, "dur": -1, "pid": 1, "tid": 1}]}"#, "negative"),
        (
            #"{"traceEvents": [{"name": "thread_name", "ph": "M", "pid": 1, "tid": 1, "args": {"name": "t"}}, {"name": "a", "ph": "X", "ts": 0, "dur": 10, "pid": 1, "tid": 1}, {"name": "b", "ph": "X", "ts": 5, "dur": 10, "pid": 1, "tid": 1}]}"#,
            "overlaps"
        ),
        (
            #"{"traceEvents": [{"name": "thread_name", "ph": "M", "pid": 1, "tid": 1, "args": {"name": "t"}}, {"name": "a", "ph": "X", "ts": 5, "dur": 1, "pid": 1, "tid": 1}, {"name": "b", "ph": "X", "ts": 1, "dur": 1, "pid": 1, "tid": 1}]}"#,
            "starts before"
        ),
        (#"{"traceEvents": [{"name": "a", "ph": "X", "ts": 1, "dur": 1}]}"#, "pid and tid"),
        (#"{"traceEvents": [{"name": "a", "ph": "i", "ts": 1, "s": "x", "pid": 1, "tid": 1}]}"#, "scope"),
        (#"{"traceEvents": [{"name": "a", "ph": "X", "ts": 1, "dur": 1, "pid": 1, "tid": 1}]}"#, "no thread_name"),
        (#"{"traceEvents": [ {"name": "a" ]}"#, "not a JSON object"),
        (#"{"displayTimeUnit": "s", "traceEvents": []}"#, "displayTimeUnit"),
    ])
    func validatorRejects(_ document: String, _ problem: String) {
        let problems = TraceEventValidator.parse(document).problems
        #expect(problems.contains { $0.contains(problem) }, "\(problems)")
    }

    // MARK: ftrace

    /// What trace parsers match (trace-cmd's and Perfetto's systrace readers take this shape):
    /// task-pid, [cpu], five flag columns, seconds.microseconds, event name, fields.
    static let traceLine = try? NSRegularExpression(
        pattern: #"^ *(\S.{0,15})-(\d+) +\[(\d{3})\] ([.a-zA-Z0-9]{5}) +(\d+)\.(\d{6}): (initcall_\w+): (.*)$"#)

    struct TraceLine {
        var task: String
        var pid: Int32
        var cpu: Int
        var flags: String
        var micros: UInt64
        var event: String
        var fields: String
    }

    static func parseTrace(_ text: String) -> (header: [String], lines: [TraceLine], bad: [String]) {
        var header: [String] = []
        var lines: [TraceLine] = []
        var bad: [String] = []
        for line in text.split(separator: "\n").map(String.init) {
            if line.hasPrefix("#") {
                header.append(line)
                continue
            }
            let range = NSRange(line.startIndex..., in: line)
            guard let match = traceLine?.firstMatch(in: line, range: range) else {
                bad.append(line)
                continue
            }
            func group(_ i: Int) -> String { Range(match.range(at: i), in: line).map { String(line[$0]) } ?? "" }
            guard let pid = Int32(group(2)), let cpu = Int(group(3)), let seconds = UInt64(group(5)),
                let micros = UInt64(group(6))
            else {
                bad.append(line)
                continue
            }
            lines.append(
                TraceLine(
                    task: group(1), pid: pid, cpu: cpu, flags: group(4), micros: seconds * 1_000_000 + micros,
                    event: group(7), fields: group(8)))
        }
        return (header, lines, bad)
    }

    @Test(arguments: examples)
    func ftraceLinesParseAndPairUp(_ name: String) throws {
        let result = try Self.boot(name)
        let text = FtraceRenderer.render(result)
        let (header, lines, bad) = Self.parseTrace(text)
        #expect(bad == [])
        #expect(header.count == 12)
        #expect(header.first == "# tracer: nop")
        #expect(
            header[2] == "# entries-in-buffer/entries-written: \(lines.count)/\(lines.count)   #P:\(result.onlineCPUs)")
        // Columns as trace_print_context() lays them out: '[' at 25, flags at 31, ':' at 49.
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let characters = Array(line)
            #expect(characters[25] == "[" && characters[29] == "]" && characters[49] == ":", "\(line)")
        }
        // Levels: every walk, in order, empty ones included.
        let levels = lines.filter { $0.event == "initcall_level" }.map(\.fields)
        #expect(levels == result.levels.map { "level=\($0.name)" })
        // Calls: a start per call that was not blacklisted, a finish per call that returned.
        let called = result.runs.filter { !$0.flags.contains(.blacklisted) }
        let starts = lines.filter { $0.event == "initcall_start" }
        let finishes = lines.filter { $0.event == "initcall_finish" }
        #expect(starts.map(\.fields) == called.map { "func=\(result.entry(of: $0).symbolText)" })
        let returned = called.filter { !$0.flags.contains(.panicked) }
        #expect(finishes.map(\.fields) == returned.map { "func=\(result.entry(of: $0).symbolText) ret=\($0.ret)" })
        // Tasks: PID 0 is <idle>, in start_kernel with preemption disabled; PID 1 is swapper/0.
        for line in lines {
            #expect(line.task == (line.pid == 0 ? "<idle>" : "swapper/0"))
            #expect(line.flags == (line.pid == 0 ? "...1." : "....."))
            #expect(line.cpu == 0)
        }
        // Times never go back.
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.micros <= $1.micros })
    }

    /// With initcall_debug, each event carries the time of the printk line it travels with.
    @Test func ftraceTimesMatchTheDmesgLines() throws {
        let result = try Self.boot("board.boot")
        let (_, lines, _) = Self.parseTrace(FtraceRenderer.render(result))
        var calling: [String: UInt64] = [:]
        var returned: [String: UInt64] = [:]
        for record in result.records {
            let micros = record.timestamp / 1_000
            if record.text.hasPrefix("calling  ") {
                calling[String(record.text.dropFirst(9).prefix { $0 != " " })] = micros
            } else if record.text.hasPrefix("initcall "), record.text.contains(" returned ") {
                returned[String(record.text.dropFirst(9).prefix { $0 != " " })] = micros
            }
        }
        #expect(!calling.isEmpty)
        for line in lines where line.event != "initcall_level" {
            let symbol = String(line.fields.dropFirst("func=".count).prefix { $0 != " " })
            #expect(line.micros == (line.event == "initcall_start" ? calling[symbol] : returned[symbol]), "\(symbol)")
        }
    }

    @Test func ftraceRoundsToTheNearestMicrosecondAsNs2usecsDoes() {
        #expect(FtraceRenderer.time(1_499) == "    0.000001")
        #expect(FtraceRenderer.time(1_500) == "    0.000002")
        #expect(FtraceRenderer.time(123_456_789_499) == "  123.456789")
    }

    @Test func ftraceGolden() throws {
        for name in ["board.boot", "do-one-initcall.boot", "panic.boot"] {
            try golden.check(FtraceRenderer.render(try Self.boot(name)), against: "\(Self.stem(name)).trace")
        }
    }

    @Test func kernelsBefore4_17HaveNoInitcallEvents() {
        #expect(!FtraceRenderer.hasInitcallEvents(KernelVersion("4.14.0")))
        #expect(FtraceRenderer.hasInitcallEvents(KernelVersion("4.17.0")))
        #expect(FtraceRenderer.hasInitcallEvents(KernelVersion("6.8.0-sim")))
    }

    // MARK: SVG

    final class XMLCheck: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:]
        var root: String?
        var texts: [String] = []
        var error: String?

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            if root == nil { root = name }
            elements[name, default: 0] += 1
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { texts.append(string) }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            error = "\(parseError) at \(parser.lineNumber):\(parser.columnNumber)"
        }

        static func check(_ text: String) -> XMLCheck {
            let check = XMLCheck()
            let parser = XMLParser(data: Data(text.utf8))
            parser.delegate = check
            if !parser.parse(), check.error == nil { check.error = "parse failed" }
            return check
        }
    }

    @Test(arguments: examples)
    func svgIsWellFormedXML(_ name: String) throws {
        let result = try Self.boot(name)
        let svg = TimelineSVG.render(result)
        let check = XMLCheck.check(svg)
        #expect(check.error == nil)
        #expect(check.root == "svg")
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        // Every level with calls is a band; every call is on a row of its own or folded.
        let text = check.texts.joined(separator: "\n")
        for span in result.levels where !span.runs.isEmpty { #expect(text.contains(span.name)) }
        #expect(check.elements["text", default: 0] > 0 && check.elements["rect", default: 0] > 0)
    }

    @Test func svgRowsFoldsAndColours() throws {
        let board = TimelineSVG.render(try Self.boot("board.boot"))
        // e1000 returns -ENODEV: its own row, in the failure colour, with the errno.
        #expect(board.contains("e1000_init_module<tspan"))
        #expect(board.contains("fill=\"#e45756\"><title>e1000_init_module"))
        #expect(board.contains("returned -ENODEV"))
        // Short calls folded, with their count and summed time.
        #expect(board.contains("+ 2 short calls, 392 µs in all"))
        // The time axis has ticks, and the stretch before kernel_init is cut short.
        #expect(board.contains(">70 ms</text>"))
        #expect(board.contains(">≈</text>"))
        let warned = TimelineSVG.render(try Self.boot("do-one-initcall.boot"))
        #expect(warned.contains("fill=\"#f58518\"><title>leaky_lock_init"))
        #expect(warned.contains("WARN: preemption imbalance"))
        #expect(warned.contains("blacklisted (-EPERM)"))
        let panicked = TimelineSVG.render(try Self.boot("panic.boot"))
        #expect(panicked.contains("fill=\"#9b1c1c\"><title>init_ima"))
        #expect(panicked.contains(">panic "))
    }

    @Test func svgEscapesText() {
        #expect(TimelineSVG.escape("a<b & \"c\" 'd'>") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
        #expect(TimelineSVG.escape("bell\u{7}") == "bell\u{FFFD}")
        var description = KernelDescription()
        description.sourceFile = "boards/a&b <test>.boot"
        description.object("drivers/x.o") { tu in tu.device_initcall(InitFunction("x_init") { _ in 0 }) }
        let svg = TimelineSVG.render((try? Linker.link(description).boot())!)
        #expect(XMLCheck.check(svg).error == nil)
        #expect(svg.contains("boards/a&amp;b &lt;test&gt;.boot"))
    }

    @Test func svgGolden() throws {
        for name in ["board.boot", "do-one-initcall.boot", "panic.boot"] {
            try golden.check(TimelineSVG.render(try Self.boot(name)), against: "\(Self.stem(name)).svg")
        }
    }

    @Test func svgTicksAreRoundNumbers() {
        #expect(TimelineSVG.tickStep(65_000_000) == 10_000_000)
        #expect(TimelineSVG.tickStep(3_000_000_000) == 500_000_000)
        #expect(TimelineSVG.tickStep(1) == 1)
        #expect(TimelineSVG.tickLabel(70_000_000, step: 5_000_000) == "70 ms")
        #expect(TimelineSVG.tickLabel(62_500_000, step: 500_000) == "62.5 ms")
        #expect(TimelineSVG.tickLabel(1_500_000_000, step: 500_000_000) == "1.5 s")
        #expect(TimelineSVG.duration(2_600_000) == "2.60 ms")
        #expect(TimelineSVG.duration(45_000) == "45 µs")
    }

    /// A boot with many calls keeps a bounded number of rows and rectangles.
    @Test func svgStaysBoundedOnLargeBoots() throws {
        var description = KernelDescription()
        for object in 0..<300 {
            description.object("drivers/many/obj\(object).o") { tu in
                for i in 0..<10 {
                    let n = object * 10 + i
                    tu.device_initcall(
                        InitFunction("many_init_\(n)") { k in
                            k.udelay(n % 97 == 0 ? 900 : 3)
                            return n % 211 == 0 ? -19 : 0
                        })
                }
            }
        }
        let result = try Linker.link(description).boot()
        let svg = TimelineSVG.render(result)
        #expect(XMLCheck.check(svg).error == nil)
        let rects = svg.components(separatedBy: "<rect").count - 1
        #expect(rects < 1_500, "\(rects) rectangles for \(result.runs.count) calls")
        #expect(svg.components(separatedBy: "class=\"call\"").count - 1 <= TimelineSVG.rowLimit)
    }
}

/// kernel/async.c's entries on the timelines: a slice per entry on its worker's track, named
/// as the worker's lines name it, and an entry in the JSON document.
@Suite struct AsyncTimelineTests {
    static let text = """
        kernel "3.12.0"
        cmdline "initcall_debug"
        timeline printk=1us
        initramfs /init
        object drivers/ata/libata-core.o
          async async_port_probe time=40ms pid=91 size=0x49
          async port2 function=async_port_probe time=30ms pid=93 delay=1ms size=0x49 synchronize=cookie
          async port3 function=async_port_probe time=5ms pid=91 size=0x49
          device_initcall ata_init time=1ms async=+100us:async_port_probe async=port2 async=port3
        """

    @Test func entriesAreSlicesOnTheirWorkersTracks() throws {
        let result = try Linker.link(try BootFile.parse(Self.text, file: "async.boot")).boot()
        let (events, problems) = TraceEventValidator.parse(PerfettoTrace.render(result))
        // Port 3's worker is busy with port 1: it starts once that one is done, and the two
        // slices on pid 91's track follow each other.
        #expect(problems == [])
        let slices = events.filter { $0.phase == "X" && $0.category == "async" }
        #expect(slices.map(\.name) == ["1_async_port_probe", "3_async_port_probe", "2_async_port_probe"])
        #expect(slices.map(\.tid) == [92, 92, 94])
        #expect(slices.allSatisfy { $0.args["scheduled_by"] as? String == "ata_init" })
        #expect(slices[1].start >= slices[0].end)
        #expect(
            events.contains { $0.phase == "M" && $0.tid == 92 && $0.args["name"] as? String == "PID 91 async worker" })
        // The SVG has an async band with the long entries on rows, and stays well-formed.
        let svg = TimelineSVG.render(result)
        let check = TimelineFormatsTests.XMLCheck.check(svg)
        #expect(check.error == nil)
        let texts = check.texts.joined(separator: "\n")
        #expect(texts.contains("async"))
        #expect(texts.contains("3 entries on workers (kernel/async.c)"))
        #expect(texts.contains("1_async_port_probe"))
        let json = BootJSON.document(result).rendered()
        #expect(json.contains(#""async": ["#))
        #expect(json.contains(#""cookie": 3,"#))
    }
}
