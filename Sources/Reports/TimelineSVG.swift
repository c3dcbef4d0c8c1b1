import KernelBoot
import KernelLink
import KernelModel

/// A boot timeline as SVG, meant to read better than `scripts/bootgraph.pl`'s: the initcall
/// phase (from `console_init()` to init) on a time axis with ticks, every table walk as a band
/// of its own, one labelled row per long call, and the short calls of each level folded into
/// one row that says how many there were and how long they took together.
///
/// - A call gets a row when it took at least 1% of the time shown (and at least 1 µs), or
///   returned an error, drew a WARN or BUG, panicked, or was blacklisted; at most
///   ``rowLimit`` rows in all, the failures first, then the longest. The rest are folded.
/// - Colours: returned 0 (blue), returned an error (red), WARN or BUG (orange), panicked (dark
///   red), blacklisted (grey), folded short calls (light blue).
/// - The module inits of the loads after init (``BootResult/moduleRuns``) form a band of their
///   own, `modules`, under the same rules, each labelled with its `[module]` and pid; so do the
///   kernel/async.c entries workers ran beside the boot (``BootResult/asyncRuns``), `async`,
///   each labelled `<cookie>_<function>` with its worker's pid.
/// - Stage lines mark SMP bring-up, `free_initmem()`, init and the panic.
///
/// Plain SVG 1.1 (rectangles, lines, text, `<title>` tooltips), well-formed XML that browsers
/// and `rsvg-convert` render; output is linear in the boot (folded calls that share a pixel
/// are drawn as one rectangle) and the same boot gives the same bytes.
public enum TimelineSVG {
    /// The most calls drawn on rows of their own.
    public static let rowLimit = 200

    static let width = 1200.0
    static let labelWidth = 330.0
    static let plotLeft = 340.0
    static let plotRight = 1090.0
    static let rowHeight = 16.0
    static let levelHeaderHeight = 20.0
    static let top = 92.0

    enum Colour {
        static let ok = "#4c78a8"
        static let failed = "#e45756"
        static let warned = "#f58518"
        static let panicked = "#9b1c1c"
        static let blacklisted = "#9d9d9d"
        static let folded = "#9ecae9"
        static let level = "#c9d3e3"
        static let band = ["#f4f6fa", "#ffffff"]
        static let grid = "#e3e6eb"
        static let stage = "#6b7280"
        static let panic = "#9b1c1c"
    }

    /// How a call is drawn.
    enum Kind {
        case ok, failed, warned, panicked, blacklisted

        var colour: String {
            switch self {
            case .ok: return Colour.ok
            case .failed: return Colour.failed
            case .warned: return Colour.warned
            case .panicked: return Colour.panicked
            case .blacklisted: return Colour.blacklisted
            }
        }

        /// Whether the call gets a row whatever its length.
        var notable: Bool {
            if case .ok = self { return false }
            return true
        }
    }

    static func kind(_ run: ModuleInitRun) -> Kind {
        if run.panicked { return .panicked }
        if run.blacklisted { return .blacklisted }
        return run.ret < 0 ? .failed : .ok
    }

    static func kind(_ run: InitcallRun) -> Kind {
        if run.flags.contains(.panicked) || run.flags.contains(.warnPanicked) { return .panicked }
        if run.flags.contains(.blacklisted) { return .blacklisted }
        if run.ret < 0 { return .failed }
        if run.warned || run.flags.contains(.sleptInAtomic) { return .warned }
        return .ok
    }

    /// The whole document.
    public static func render(_ result: BootResult) -> String {
        Layout(result).svg()
    }

    /// Positions and rows, computed once.
    struct Layout {
        let result: BootResult
        let start: UInt64
        let end: UInt64
        /// Calls with rows of their own, by run index.
        let rows: Set<Int>
        let threshold: UInt64

        /// The time axis in pieces: stretches with calls scale linearly; a long stretch with
        /// none (the wait before `kernel_init`, SMP bring-up) is cut down to a fixed width.
        let segments: [Segment]
        /// Time shown at scale (the cut stretches left out).
        let shown: UInt64

        struct Segment {
            var start: UInt64
            var end: UInt64
            var cut: Bool
            var x0: Double
            var x1: Double
        }

        init(_ result: BootResult) {
            self.result = result
            let first = result.levels.first?.start ?? result.runs.first?.calltime ?? 0
            start = first
            end = max(first + 1, PerfettoTrace.endTime(result))
            let asyncRuns = result.startedAsyncRuns
            let (segments, shown) = Layout.segments(result, asyncRuns: asyncRuns, start: start, end: end)
            self.segments = segments
            self.shown = shown
            threshold = max(1_000, shown / 100)
            var notable: [Int] = []
            var long: [Int] = []
            for (index, run) in result.runs.enumerated() {
                if TimelineSVG.kind(run).notable {
                    notable.append(index)
                } else if run.rettime &- run.calltime >= threshold {
                    long.append(index)
                }
            }
            if notable.count + long.count > TimelineSVG.rowLimit {
                // The longest, in a stable order: duration, then run order.
                long.sort {
                    let a = result.runs[$0].rettime &- result.runs[$0].calltime
                    let b = result.runs[$1].rettime &- result.runs[$1].calltime
                    return a != b ? a > b : $0 < $1
                }
            }
            let chosen = (notable + long).prefix(TimelineSVG.rowLimit)
            rows = Set(chosen)
            moduleRows = Layout.moduleRows(result, threshold: threshold, room: TimelineSVG.rowLimit - chosen.count)
            self.asyncRuns = asyncRuns
            asyncRows = Layout.asyncRows(
                asyncRuns, threshold: threshold, room: TimelineSVG.rowLimit - chosen.count - moduleRows.count)
        }

        /// The async entries drawn, and those with rows of their own (by index): the longest,
        /// in the rows left.
        let asyncRuns: [AsyncRun]
        let asyncRows: Set<Int>

        static func asyncRows(_ runs: [AsyncRun], threshold: UInt64, room: Int) -> Set<Int> {
            var long: [(Int, UInt64)] = []
            for (index, run) in runs.enumerated() where run.end &- run.start >= threshold {
                long.append((index, run.end &- run.start))
            }
            long.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return Set(long.map(\.0).prefix(max(0, room)))
        }

        /// Module inits with rows of their own, by index into ``BootResult/moduleRuns``: the
        /// same rule as the table's calls, in the rows left.
        let moduleRows: Set<Int>

        static func moduleRows(_ result: BootResult, threshold: UInt64, room: Int) -> Set<Int> {
            var notable: [Int] = []
            var long: [(Int, UInt64)] = []
            for (index, run) in result.moduleRuns.enumerated() {
                if TimelineSVG.kind(run).notable {
                    notable.append(index)
                } else if run.rettime &- run.calltime >= threshold {
                    long.append((index, run.rettime &- run.calltime))
                }
            }
            long.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            return Set((notable + long.map(\.0)).prefix(max(0, room)))
        }

        /// Width of a cut stretch, in pixels.
        static let cutWidth = 28.0

        /// Splits `[start, end]` at the gaps between walks with calls and `asyncRuns`; gaps longer than 8% of
        /// the whole are cut.
        static func segments(_ result: BootResult, asyncRuns: [AsyncRun], start: UInt64, end: UInt64)
            -> ([Segment], UInt64)
        {
            var busy: [(UInt64, UInt64)] = []
            // The module inits after init are one busy stretch, the wait before them cut.
            var extents = result.levels.filter { !$0.runs.isEmpty }.map { (start: $0.start, end: $0.end) }
            if let first = result.moduleRuns.map(\.start).min(), let last = result.moduleRuns.map(\.rettime).max() {
                extents.append((start: first, end: last))
            }
            // An async entry runs beside the boot: a stretch where only workers run is not cut.
            extents += asyncRuns.map { (start: $0.start, end: $0.end) }
            extents.sort { ($0.start, $0.end) < ($1.start, $1.end) }
            for span in extents {
                let a = max(start, min(span.start, end))
                let b = max(a, min(span.end, end))
                if let last = busy.last, a <= last.1 {
                    busy[busy.count - 1].1 = max(last.1, b)
                } else {
                    busy.append((a, b))
                }
            }
            let total = end - start
            var pieces: [(UInt64, UInt64, Bool)] = []
            var cursor = start
            for (a, b) in busy + [(end, end)] {
                if a > cursor {
                    pieces.append((cursor, a, a - cursor > total / 100 * 8))
                }
                if b > a { pieces.append((a, b, false)) }
                cursor = max(cursor, b)
            }
            if pieces.isEmpty { pieces = [(start, end, false)] }
            let cuts = pieces.filter(\.2).count
            let shown = max(1, pieces.filter { !$0.2 }.reduce(UInt64(0)) { $0 + ($1.1 - $1.0) })
            let scale =
                (TimelineSVG.plotRight - TimelineSVG.plotLeft - Double(cuts) * cutWidth) / Double(shown)
            var segments: [Segment] = []
            var x = TimelineSVG.plotLeft
            for (a, b, cut) in pieces {
                let width = cut ? cutWidth : Double(b - a) * scale
                segments.append(Segment(start: a, end: b, cut: cut, x0: x, x1: x + width))
                x += width
            }
            return (segments, shown)
        }

        func x(_ time: UInt64) -> Double {
            let clamped = min(max(time, start), end)
            // The last segment starting at or before the time.
            var low = 0
            var high = segments.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if segments[middle].start <= clamped { low = middle } else { high = middle - 1 }
            }
            let segment = segments[low]
            guard segment.end > segment.start else { return segment.x0 }
            return segment.x0
                + Double(clamped - segment.start) * (segment.x1 - segment.x0) / Double(segment.end - segment.start)
        }

        /// The walks drawn: those with calls.
        var spans: [LevelSpan] { result.levels.filter { !$0.runs.isEmpty } }

        func svg() -> String {
            var body = ""
            var y = TimelineSVG.top
            for (index, span) in spans.enumerated() {
                y = level(span, band: index, y: y, into: &body)
            }
            if !asyncRuns.isEmpty { y = asyncBand(band: spans.count, y: y, into: &body) }
            if !result.moduleRuns.isEmpty {
                y = modules(band: spans.count + (asyncRuns.isEmpty ? 0 : 1), y: y, into: &body)
            }
            let plotBottom = y
            let height = plotBottom + 84
            var output = """
                <?xml version="1.0" encoding="UTF-8"?>
                <svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="\(Int(TimelineSVG.width))" height="\(Int(height))" viewBox="0 0 \(Int(TimelineSVG.width)) \(Int(height))" font-family="DejaVu Sans, Verdana, Arial, sans-serif" font-size="11">

                """
            output +=
                "<rect x=\"0\" y=\"0\" width=\"\(Int(TimelineSVG.width))\" height=\"\(Int(height))\" fill=\"#ffffff\"/>\n"
            output += header()
            output += axis(top: TimelineSVG.top, bottom: plotBottom)
            output += body
            output += cuts(top: TimelineSVG.top, bottom: plotBottom)
            output += stages(top: TimelineSVG.top, bottom: plotBottom)
            output += legend(y: plotBottom + 56)
            return output + "</svg>\n"
        }

        // MARK: Header

        func header() -> String {
            let description = result.image.description
            let title = description.sourceFile.map { "Boot timeline: \($0)" } ?? "Boot timeline"
            let calls = result.runs.count
            let failed = result.runs.filter { $0.ret < 0 && !$0.flags.contains(.blacklisted) }.count
            let warned = result.runs.filter { TimelineSVG.kind($0) == .warned }.count
            let blacklisted = result.runs.filter { $0.flags.contains(.blacklisted) }.count
            let inCalls = result.runs.reduce(UInt64(0)) { $0 &+ ($1.rettime &- $1.calltime) }
            var line2 =
                "Linux \(description.version.release) \(description.architecture.rawValue), \(result.onlineCPUs) CPU\(result.onlineCPUs == 1 ? "" : "s") · \(calls) initcall\(calls == 1 ? "" : "s"), \(TimelineSVG.duration(inCalls)) in initcalls · "
            switch result.outcome {
            case .reachedInit(let path):
                // Module loads after init extend the plot, not the boot.
                let ran = result.moduleRuns.isEmpty ? end : result.bootEndTime
                line2 += "ran \(path) at \(TimelineSVG.time(ran))"
            case .panicked(let message):
                line2 += "panicked at \(TimelineSVG.time(end)): \(message)"
            case .hung(let reason):
                line2 += "hangs at \(TimelineSVG.time(end)): \(reason)"
            }
            let line3 =
                "\(failed) returned an error · \(warned) WARNed · \(blacklisted) blacklisted · own rows: calls of \(TimelineSVG.duration(threshold)) or more (1% of the time shown), failures and WARNs; the rest folded per level; ≈ marks stretches without initcalls, cut short"
            return "<text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\">\(TimelineSVG.escape(title))</text>\n"
                + "<text x=\"16\" y=\"46\" fill=\"#374151\">\(TimelineSVG.escape(line2))</text>\n"
                + "<text x=\"16\" y=\"62\" fill=\"#6b7280\" font-size=\"10\">\(TimelineSVG.escape(line3))</text>\n"
        }

        // MARK: Axis

        func axis(top: Double, bottom: Double) -> String {
            let step = TimelineSVG.tickStep(shown)
            var output = "<g class=\"axis\">\n"
            // Labels left to right; a tick label too close to the one before is left out.
            var labels: [(x: Double, text: String, cut: Bool)] = []
            for segment in segments {
                if segment.cut {
                    labels.append(((segment.x0 + segment.x1) / 2, "≈", true))
                    continue
                }
                var tick = (segment.start + step - 1) / step * step
                while tick <= segment.end {
                    let x = self.x(tick)
                    output +=
                        "<line x1=\"\(TimelineSVG.number(x))\" y1=\"\(TimelineSVG.number(top - 4))\" x2=\"\(TimelineSVG.number(x))\" y2=\"\(TimelineSVG.number(bottom))\" stroke=\"\(Colour.grid)\"/>\n"
                    labels.append((x, TimelineSVG.tickLabel(tick, step: step), false))
                    tick += step
                }
                output +=
                    "<line x1=\"\(TimelineSVG.number(segment.x0))\" y1=\"\(TimelineSVG.number(top - 4))\" x2=\"\(TimelineSVG.number(segment.x1))\" y2=\"\(TimelineSVG.number(top - 4))\" stroke=\"#9ca3af\"/>\n"
            }
            var lastX = -Double.infinity
            for (index, label) in labels.enumerated() {
                let crowdsCut =
                    labels.indices.contains(index + 1) && labels[index + 1].cut && labels[index + 1].x - label.x < 30
                if !label.cut, label.x - lastX < 44 || crowdsCut { continue }
                lastX = label.x
                output +=
                    "<text x=\"\(TimelineSVG.number(label.x))\" y=\"\(TimelineSVG.number(top - 8))\" text-anchor=\"middle\" fill=\"\(label.cut ? "#9ca3af" : "#4b5563")\" font-size=\"10\">\(TimelineSVG.escape(label.text))</text>\n"
            }
            return output + "</g>\n"
        }

        /// The stretches cut short, shaded over the bands.
        func cuts(top: Double, bottom: Double) -> String {
            var output = ""
            for segment in segments where segment.cut {
                output +=
                    "<rect x=\"\(TimelineSVG.number(segment.x0 + 4))\" y=\"\(TimelineSVG.number(top - 4))\" width=\"\(TimelineSVG.number(segment.x1 - segment.x0 - 8))\" height=\"\(TimelineSVG.number(bottom - top + 4))\" fill=\"#d1d5db\" fill-opacity=\"0.45\"><title>\(TimelineSVG.escape("\(TimelineSVG.duration(segment.end - segment.start)) without initcalls (\(TimelineSVG.time(segment.start)) to \(TimelineSVG.time(segment.end))), cut short"))</title></rect>\n"
            }
            return output.isEmpty ? "" : "<g class=\"cuts\">\n" + output + "</g>\n"
        }

        // MARK: Levels

        /// One level's band: a header row with the level's extent, its long calls, its folded
        /// short calls. Returns the y below it.
        func level(_ span: LevelSpan, band: Int, y top: Double, into output: inout String) -> Double {
            let own = span.runs.filter { rows.contains($0) }
            let short = span.runs.filter { !rows.contains($0) }
            let spanTime = span.end &- span.start
            let count = span.runs.count
            let (header, height) = bandHeader(
                span.name, summary: "\(count) call\(count == 1 ? "" : "s"), \(TimelineSVG.duration(spanTime))",
                band: band, top: top, rows: own.count, folded: !short.isEmpty)
            output += header
            let x0 = x(span.start)
            let x1 = max(x(span.end), x0 + 1)
            output +=
                "<rect x=\"\(TimelineSVG.number(x0))\" y=\"\(TimelineSVG.number(top + 5))\" width=\"\(TimelineSVG.number(x1 - x0))\" height=\"11\" rx=\"2\" fill=\"\(Colour.level)\"><title>\(TimelineSVG.escape("\(span.name): \(count) initcalls from \(TimelineSVG.time(span.start)) to \(TimelineSVG.time(span.end))"))</title></rect>\n"
            var y = top + TimelineSVG.levelHeaderHeight
            for index in own {
                output += row(index, y: y)
                y += TimelineSVG.rowHeight
            }
            if !short.isEmpty {
                output += folded(short, y: y)
                y += TimelineSVG.rowHeight
            }
            output += "</g>\n"
            return top + height
        }

        /// The band of the module inits user space ran after init (the `load`s): a header row
        /// with their extent, the long and failed ones on rows, the rest folded.
        func modules(band: Int, y top: Double, into output: inout String) -> Double {
            let runs = result.moduleRuns
            let own = runs.indices.filter { moduleRows.contains($0) }
            let short = runs.indices.filter { !moduleRows.contains($0) }
            let first = runs.map(\.start).min() ?? 0
            let last = runs.map(\.rettime).max() ?? first
            return rowsBand(
                "modules",
                summary:
                    "\(runs.count) init\(runs.count == 1 ? "" : "s") from user space, \(TimelineSVG.duration(last &- first))",
                band: band, top: top, rows: own.map { index in { moduleRow(runs[index], y: $0) } },
                folded: short.map { (runs[$0].calltime, runs[$0].rettime) }, into: &output)
        }

        /// A band of its own rows (each drawn at its y) and one folded row of the rest.
        func rowsBand(
            _ name: String, summary: String, band: Int, top: Double, rows: [(Double) -> String],
            folded calls: [(start: UInt64, end: UInt64)], into output: inout String
        ) -> Double {
            let (header, height) = bandHeader(
                name, summary: summary, band: band, top: top, rows: rows.count, folded: !calls.isEmpty)
            output += header
            var y = top + TimelineSVG.levelHeaderHeight
            for row in rows {
                output += row(y)
                y += TimelineSVG.rowHeight
            }
            if !calls.isEmpty { output += folded(calls, y: y) }
            output += "</g>\n"
            return top + height
        }

        /// The band of the async entries: a header row with their extent, the long ones on rows
        /// (`<cookie>_<function>`, the worker's pid, what it took and how long it was queued),
        /// the rest folded.
        func asyncBand(band: Int, y top: Double, into output: inout String) -> Double {
            let own = asyncRuns.indices.filter { asyncRows.contains($0) }
            let short = asyncRuns.indices.filter { !asyncRows.contains($0) }
            let first = asyncRuns.map(\.start).min() ?? 0
            let last = asyncRuns.map(\.end).max() ?? first
            let count = asyncRuns.count
            return rowsBand(
                "async",
                summary:
                    "\(count) entr\(count == 1 ? "y" : "ies") on workers (kernel/async.c), \(TimelineSVG.duration(last &- first))",
                band: band, top: top, rows: own.map { index in { asyncRow(asyncRuns[index], y: $0) } },
                folded: short.map { (asyncRuns[$0].start, asyncRuns[$0].end) }, into: &output)
        }

        /// An async entry's row: `<cookie>_<function>`, its worker, bar, time and queue wait.
        func asyncRow(_ run: AsyncRun, y: Double) -> String {
            let took = TimelineSVG.duration(run.end &- run.start)
            let queued = TimelineSVG.duration(run.start &- run.scheduled)
            let scheduler = run.scheduledBy.flatMap {
                $0 < result.runs.count ? result.entry(of: result.runs[$0]).function : nil
            }
            let tooltip =
                "\(run.cookie)_\(run.symbolText) @ \(run.pid): \(took), queued \(queued)"
                + (scheduler.map { ", scheduled by \($0)" } ?? "")
            return bar(
                function: "\(run.cookie)_\(run.function)", tag: "@ \(run.pid)", from: run.start, to: run.end, kind: .ok,
                note: "\(took), queued \(queued)", tooltip: tooltip, y: y)
        }

        /// A module init's row: function and `[module]`, bar, time and what it returned, pid.
        func moduleRow(_ run: ModuleInitRun, y: Double) -> String {
            let kind = TimelineSVG.kind(run)
            var note = kind == .blacklisted ? "blacklisted (-EPERM)" : TimelineSVG.duration(run.rettime &- run.calltime)
            if kind == .failed { note += ", returned \(Errno.describe(run.ret))" }
            if kind == .panicked { note += ", panicked" }
            note += " @ \(run.pid)"
            let tooltip = "\(run.function) [\(run.module)] @ \(run.pid) \(run.comm): \(note)"
            return bar(
                function: run.function, tag: "[\(run.module)]", from: run.calltime, to: run.rettime, kind: kind,
                note: note, tooltip: tooltip, y: y)
        }

        /// A band's opening: its group, background (alternating by `band`), name and summary, and
        /// its height for `rows` rows of their own and a folded row or not.
        func bandHeader(_ name: String, summary: String, band: Int, top: Double, rows: Int, folded: Bool) -> (
            svg: String, height: Double
        ) {
            let height =
                TimelineSVG.levelHeaderHeight + Double(rows) * TimelineSVG.rowHeight
                + (folded ? TimelineSVG.rowHeight : 0) + 6
            var output = "<g class=\"level\">\n"
            output +=
                "<rect x=\"0\" y=\"\(TimelineSVG.number(top))\" width=\"\(Int(TimelineSVG.width))\" height=\"\(TimelineSVG.number(height))\" fill=\"\(Colour.band[band % 2])\"/>\n"
            output +=
                "<text x=\"16\" y=\"\(TimelineSVG.number(top + 14))\" font-weight=\"bold\">\(TimelineSVG.escape(name))</text>\n"
            output +=
                "<text x=\"\(TimelineSVG.number(TimelineSVG.labelWidth))\" y=\"\(TimelineSVG.number(top + 14))\" text-anchor=\"end\" fill=\"#4b5563\" font-size=\"10\">\(summary)</text>\n"
            return (output, height)
        }

        /// A call's own row: label, bar, and what it took and returned.
        func row(_ index: Int, y: Double) -> String {
            let run = result.runs[index]
            let entry = result.entry(of: run)
            let kind = TimelineSVG.kind(run)
            let took = TimelineSVG.duration(run.rettime &- run.calltime)
            var note = took
            var tooltip =
                "\(entry.function) (\(entry.object)), \(result.levelName(of: run)): \(took), returned \(Errno.describe(run.ret))"
            switch kind {
            case .failed:
                note += ", returned \(Errno.describe(run.ret))"
            case .warned:
                let warnings = PerfettoTrace.warnings(run)
                note += ", WARN: " + warnings.joined(separator: ", ")
                tooltip += ", WARN: " + warnings.joined(separator: ", ")
            case .panicked:
                note += ", panicked"
                tooltip += ", panicked"
            case .blacklisted:
                note = "blacklisted (-EPERM)"
            case .ok:
                break
            }
            let missing = result.resources(of: index, .missing)
            if !missing.isEmpty { note += " (missing \(missing.joined(separator: ", ")))" }
            return bar(
                function: entry.function, tag: entry.object, from: run.calltime, to: run.rettime, kind: kind,
                note: note,
                tooltip: tooltip, y: y)
        }

        /// A row's label (function and a grey tag: the object or `[module]`), its bar from
        /// `start` to `end`, and the note beside it.
        func bar(
            function name: String, tag: String, from start: UInt64, to end: UInt64, kind: Kind, note: String,
            tooltip: String, y: Double
        ) -> String {
            let function = TimelineSVG.truncate(name, to: 30)
            let objectRoom = max(8, Int((TimelineSVG.labelWidth - 24 - Double(function.count) * 6.6) / 5.6))
            let object = TimelineSVG.truncateLeft(tag, to: objectRoom)
            let x0 = x(start)
            let x1 = max(x(end), x0 + 1.5)
            let textY = TimelineSVG.number(y + 12)
            var output = "<g class=\"call\">\n"
            output +=
                "<text x=\"24\" y=\"\(textY)\">\(TimelineSVG.escape(function))<tspan dx=\"6\" fill=\"#6b7280\" font-size=\"9\">\(TimelineSVG.escape(object))</tspan></text>\n"
            output +=
                "<rect x=\"\(TimelineSVG.number(x0))\" y=\"\(TimelineSVG.number(y + 3))\" width=\"\(TimelineSVG.number(x1 - x0))\" height=\"11\" fill=\"\(kind.colour)\"><title>\(TimelineSVG.escape(tooltip))</title></rect>\n"
            // Right of the bar if it fits, else left of it, else inside it in white.
            let textWidth = Double(note.count) * 5.8
            let colour = kind == .ok ? "#374151" : kind.colour
            let (noteX, anchor, fill): (Double, String, String)
            if x1 + 4 + textWidth <= TimelineSVG.width - 8 {
                (noteX, anchor, fill) = (x1 + 4, "start", colour)
            } else if x0 - 4 - textWidth >= TimelineSVG.plotLeft {
                (noteX, anchor, fill) = (x0 - 4, "end", colour)
            } else {
                (noteX, anchor, fill) = (x0 + 4, "start", "#ffffff")
            }
            output +=
                "<text x=\"\(TimelineSVG.number(noteX))\" y=\"\(textY)\"\(anchor == "end" ? " text-anchor=\"end\"" : "") font-size=\"10\" fill=\"\(fill)\">\(TimelineSVG.escape(note))</text>\n"
            return output + "</g>\n"
        }

        /// The short calls of a level on one row: adjacent calls that share a pixel become one
        /// rectangle; the label says how many and how long in all.
        func folded(_ runs: [Int], y: Double) -> String {
            folded(runs.map { (result.runs[$0].calltime, result.runs[$0].rettime) }, y: y)
        }

        /// ``folded(_:y:)`` of calls given by their times.
        func folded(_ calls: [(start: UInt64, end: UInt64)], y: Double) -> String {
            var total: UInt64 = 0
            var output = "<g class=\"folded\">\n"
            var current: (Double, Double)?
            func flush() {
                guard let (a, b) = current else { return }
                output +=
                    "<rect x=\"\(TimelineSVG.number(a))\" y=\"\(TimelineSVG.number(y + 4))\" width=\"\(TimelineSVG.number(max(b - a, 1)))\" height=\"9\" fill=\"\(Colour.folded)\"/>\n"
            }
            for call in calls {
                total &+= call.end &- call.start
                let a = x(call.start)
                let b = x(call.end)
                if let (ca, cb) = current, a <= cb + 1 {
                    current = (ca, max(cb, b))
                } else {
                    flush()
                    current = (a, b)
                }
            }
            flush()
            let count = calls.count
            let label = "\(count) short call\(count == 1 ? "" : "s"), \(TimelineSVG.duration(total)) in all"
            output +=
                "<text x=\"24\" y=\"\(TimelineSVG.number(y + 12))\" fill=\"#4b5563\" font-style=\"italic\">+ \(TimelineSVG.escape(label))</text>\n"
            return output + "</g>\n"
        }

        // MARK: Stages and legend

        /// Dashed lines for SMP bring-up, free_initmem, init and the panic, labels below the
        /// plot (alternating rows where they would collide).
        func stages(top: Double, bottom: Double) -> String {
            var marks: [(UInt64, String, String)] = []
            let initEvent = result.reachedInit ? result.events.lastIndex { $0.kind == .runInit } : nil
            for (index, event) in result.events.enumerated() {
                switch event.kind {
                case .smpBringUp: marks.append((event.timestamp, "smp bring-up", Colour.stage))
                case .freeInitmem: marks.append((event.timestamp, "free_initmem", Colour.stage))
                case .runInit where index == initEvent: marks.append((event.timestamp, "init", Colour.stage))
                case .panic: marks.append((event.timestamp, "panic", Colour.panic))
                default: break
                }
            }
            var output = "<g class=\"stages\">\n"
            var lastX = -Double.infinity
            var lowered = false
            for (time, name, colour) in marks where time >= start && time <= end {
                let xValue = x(time)
                lowered = xValue - lastX < 70 ? !lowered : false
                lastX = xValue
                let x = TimelineSVG.number(xValue)
                output +=
                    "<line x1=\"\(x)\" y1=\"\(TimelineSVG.number(top - 4))\" x2=\"\(x)\" y2=\"\(TimelineSVG.number(bottom + 4))\" stroke=\"\(colour)\" stroke-dasharray=\"4 3\"/>\n"
                output +=
                    "<text x=\"\(x)\" y=\"\(TimelineSVG.number(bottom + (lowered ? 30 : 17)))\" text-anchor=\"middle\" font-size=\"10\" fill=\"\(colour)\">\(TimelineSVG.escape(name)) \(TimelineSVG.time(time))</text>\n"
            }
            return output + "</g>\n"
        }

        func legend(y: Double) -> String {
            let items: [(String, String)] = [
                (Colour.ok, "returned 0"), (Colour.failed, "returned an error"), (Colour.warned, "WARN or BUG"),
                (Colour.panicked, "panicked"), (Colour.blacklisted, "blacklisted"),
                (Colour.folded, "short calls, folded"), (Colour.level, "level (table walk)"),
            ]
            var output = "<g class=\"legend\">\n"
            var x = 16.0
            for (colour, label) in items {
                output +=
                    "<rect x=\"\(TimelineSVG.number(x))\" y=\"\(TimelineSVG.number(y - 9))\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>\n"
                output +=
                    "<text x=\"\(TimelineSVG.number(x + 14))\" y=\"\(TimelineSVG.number(y))\" font-size=\"10\">\(TimelineSVG.escape(label))</text>\n"
                x += 30 + Double(label.count) * 6
            }
            return output + "</g>\n"
        }
    }

    // MARK: Text

    /// XML character escapes for text and attribute values.
    package static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&apos;"
            // XML 1.0 has no way to write other control characters.
            case _ where scalar.value < 0x20 && scalar != "\t" && scalar != "\n": output += "\u{FFFD}"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func truncate(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(max(1, limit - 1))) + "…"
    }

    static func truncateLeft(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : "…" + String(text.suffix(max(1, limit - 1)))
    }

    /// A coordinate with one decimal, written the same everywhere.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = tenths.magnitude
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    /// `value / 10^decimals` rounded to `decimals` places.
    static func decimal(_ nanoseconds: UInt64, unit: UInt64, decimals: Int) -> String {
        var scale: UInt64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let step = unit / scale
        let scaled = step == 0 ? nanoseconds * (scale / unit) : (nanoseconds + step / 2) / step
        let whole = scaled / scale
        guard decimals > 0 else { return String(whole) }
        let fraction = String(scaled % scale)
        return "\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }

    /// A duration: `45 µs`, `2.60 ms`, `1.234 s`.
    package static func duration(_ nanoseconds: UInt64) -> String {
        if nanoseconds < 1_000_000 { return decimal(nanoseconds, unit: 1_000, decimals: 0) + " µs" }
        if nanoseconds < 1_000_000_000 { return decimal(nanoseconds, unit: 1_000_000, decimals: 2) + " ms" }
        return decimal(nanoseconds, unit: 1_000_000_000, decimals: 3) + " s"
    }

    /// A boot time: `105.153 ms`, `2.456 s`.
    package static func time(_ nanoseconds: UInt64) -> String {
        nanoseconds < 1_000_000_000
            ? decimal(nanoseconds, unit: 1_000_000, decimals: 3) + " ms"
            : decimal(nanoseconds, unit: 1_000_000_000, decimals: 3) + " s"
    }

    /// 1, 2 or 5 × 10^k nanoseconds, about eight ticks over `span`.
    package static func tickStep(_ span: UInt64) -> UInt64 {
        let target = max(1, span / 8)
        var magnitude: UInt64 = 1
        while magnitude <= target / 10 { magnitude *= 10 }
        for multiple: UInt64 in [1, 2, 5, 10] where magnitude * multiple >= target {
            return magnitude * multiple
        }
        return magnitude * 10
    }

    /// A tick's label with the decimals its step needs: `62 ms`, `62.5 ms`, `1.5 s`.
    package static func tickLabel(_ time: UInt64, step: UInt64) -> String {
        let unit: UInt64 = step >= 100_000_000 ? 1_000_000_000 : 1_000_000
        var decimals = 0
        var resolution = unit
        while resolution > step, decimals < 6 {
            resolution /= 10
            decimals += 1
        }
        return decimal(time, unit: unit, decimals: decimals) + (unit == 1_000_000_000 ? " s" : " ms")
    }
}
