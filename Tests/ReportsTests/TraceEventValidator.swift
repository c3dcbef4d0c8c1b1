import Foundation

/// The rules of the Chrome trace-event format ("Trace Event Format", JSON Object Format) that
/// ui.perfetto.dev and chrome://tracing rely on, checked on a document's text: valid JSON, a
/// `traceEvents` array, the fields each phase requires, non-negative times and durations,
/// start times that never go back on one track, and complete events that nest properly on
/// their track (a slice either contains another or ends before it starts).
enum TraceEventValidator {
    /// One event, as the checks need it: times in integer nanoseconds.
    struct Event {
        var index: Int
        var phase: String
        var name: String
        var category: String
        var pid: Int
        var tid: Int
        var start: Int64
        var end: Int64
        var scope: String?
        var args: [String: Any]
    }

    /// The events of a valid document, or the problems found.
    static func parse(_ text: String) -> (events: [Event], problems: [String]) {
        var problems: [String] = []
        guard let data = text.data(using: .utf8),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return ([], ["not a JSON object"]) }
        if let unit = root["displayTimeUnit"], !["ms", "ns"].contains(unit as? String ?? "") {
            problems.append("displayTimeUnit must be \"ms\" or \"ns\"")
        }
        guard let list = root["traceEvents"] as? [Any] else { return ([], problems + ["no traceEvents array"]) }
        var events: [Event] = []
        for (index, item) in list.enumerated() {
            guard let object = item as? [String: Any] else {
                problems.append("event \(index) is not an object")
                continue
            }
            guard let phase = object["ph"] as? String else {
                problems.append("event \(index) has no ph")
                continue
            }
            guard let name = object["name"] as? String else {
                problems.append("event \(index) has no name")
                continue
            }
            guard let pid = integer(object["pid"]), let tid = integer(object["tid"]) else {
                problems.append("event \(index) (\(name)) needs integer pid and tid")
                continue
            }
            var event = Event(
                index: index, phase: phase, name: name, category: object["cat"] as? String ?? "", pid: pid,
                tid: tid, start: 0, end: 0, scope: object["s"] as? String,
                args: object["args"] as? [String: Any] ?? [:])
            switch phase {
            case "X":
                guard let ts = nanoseconds(object["ts"]), let dur = nanoseconds(object["dur"]) else {
                    problems.append("complete event \(index) (\(name)) needs numeric ts and dur")
                    continue
                }
                if ts < 0 || dur < 0 { problems.append("event \(index) (\(name)) has a negative ts or dur") }
                event.start = ts
                event.end = ts + dur
            case "i", "I":
                guard let ts = nanoseconds(object["ts"]) else {
                    problems.append("instant event \(index) (\(name)) needs a numeric ts")
                    continue
                }
                if ts < 0 { problems.append("event \(index) (\(name)) has a negative ts") }
                if let scope = event.scope, !["g", "p", "t"].contains(scope) {
                    problems.append("instant event \(index) (\(name)) has scope '\(scope)', not g, p or t")
                }
                event.start = ts
                event.end = ts
            case "M":
                let known = [
                    "process_name", "thread_name", "process_sort_index", "thread_sort_index", "process_labels",
                ]
                if !known.contains(name) { problems.append("metadata event \(index) has unknown name \(name)") }
                if name.hasSuffix("_name"), event.args["name"] as? String == nil {
                    problems.append("metadata event \(index) (\(name)) needs args.name")
                }
                if name.hasSuffix("_sort_index"), integer(event.args["sort_index"]) == nil {
                    problems.append("metadata event \(index) (\(name)) needs an integer args.sort_index")
                }
            default:
                problems.append("event \(index) has phase \(phase), which this document should not use")
            }
            events.append(event)
        }
        problems += trackProblems(events)
        return (events, problems)
    }

    /// Per track: start times never go back, complete events nest, every track is named.
    static func trackProblems(_ events: [Event]) -> [String] {
        var problems: [String] = []
        var named = Set<[Int]>()
        for event in events where event.phase == "M" && event.name == "thread_name" {
            named.insert([event.pid, event.tid])
        }
        var lastStart: [[Int]: Int64] = [:]
        var open: [[Int]: [Event]] = [:]
        for event in events where event.phase == "X" || (event.phase == "i" && event.scope == "t") {
            let track = [event.pid, event.tid]
            if !named.contains(track) { problems.append("track \(track) has no thread_name") }
            if let last = lastStart[track], event.start < last {
                problems.append("event \(event.index) (\(event.name)) starts before the event before it on its track")
            }
            lastStart[track] = event.start
            guard event.phase == "X" else { continue }
            var stack = open[track] ?? []
            // Slices that ended before this one starts are closed (one that ends where a
            // zero-length slice sits still holds it).
            while let top = stack.last, top.end < event.start || (top.end == event.start && event.end > event.start) {
                stack.removeLast()
            }
            if let top = stack.last, event.end > top.end {
                problems.append(
                    "event \(event.index) (\(event.name)) overlaps event \(top.index) (\(top.name)) without nesting in it"
                )
            }
            stack.append(event)
            open[track] = stack
        }
        return problems
    }

    /// The innermost complete event on `event`'s track that encloses it, if any.
    static func parent(of event: Event, in events: [Event]) -> Event? {
        events.filter {
            $0.phase == "X" && $0.pid == event.pid && $0.tid == event.tid && $0.index < event.index
                && $0.start <= event.start && event.end <= $0.end
        }.last
    }

    static func integer(_ value: Any?) -> Int? {
        guard let number = value as? NSNumber, number.doubleValue.rounded() == number.doubleValue else { return nil }
        return number.intValue
    }

    /// Microseconds (fractions allowed) as integer nanoseconds.
    static func nanoseconds(_ value: Any?) -> Int64? {
        guard let number = value as? NSNumber else { return nil }
        return Int64((number.doubleValue * 1_000).rounded())
    }
}
