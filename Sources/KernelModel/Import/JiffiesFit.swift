/// The jiffies clocksource an imported log's early durations were read with
/// (``BootTimeline/jiffies``): until `clocksource_done_booting()` selects a better clocksource,
/// `ktime_get()` reads jiffies, so those calls print whole ticks (`after 0 usecs`, `after
/// 1953 usecs`: two ticks of 1 ms, `>> 10`) while their lines are microseconds apart. Found
/// where the log proves it: every such duration is a whole number of ticks of one `HZ`, at
/// least one is not zero, and one tick phase puts that many ticks inside nearly every call.
struct JiffiesFit {
    /// `HZ`, `TICK_NSEC` and the first tick's time.
    var hz: UInt64
    var tick: UInt64
    var phase: UInt64
    /// The calls timed on jiffies (indices into ``ImportedBoot/calls``), and the ticks each spans.
    var ticks: [Int: UInt64]
    /// How many of them the phase puts their ticks in, where the log has them.
    var fits: Int

    /// The `HZ` values kernels are built with, coarsest tick first (a duration of whole 2 ms
    /// ticks is whole 1 ms ticks too; the coarser one that fits is taken).
    static let hzValues: [UInt64] = [24, 32, 48, 64, 100, 128, 200, 250, 256, 300, 500, 512, 1000, 1024, 1200]
    /// kernel/Kconfig.hz's choices (`HZ_100` … `HZ_1000`), which most kernels use: of two fits
    /// equally good, one of these is taken over an architecture's own value.
    static let kconfigHZ: Set<UInt64> = [100, 250, 300, 1000]

    /// How good a fit is: the calls it fits, then whether its `HZ` is a Kconfig choice.
    var rank: (Int, Int) { (fits, Self.kconfigHZ.contains(hz) ? 1 : 0) }

    /// `TICK_NSEC`: `(NSEC_PER_SEC + HZ/2) / HZ`, the jiffies clocksource's step.
    static func tickNanoseconds(hz: UInt64) -> UInt64 { (1_000_000_000 + hz / 2) / hz }

    /// Bounds on the work over a log of any size: the phase is tried at the start of each of
    /// the first `maxArcs` calls' arcs, against the first `maxCalls` calls.
    static let maxArcs = 512
    static let maxCalls = 4_096

    /// One call's interval, in the replay's nanoseconds: its body starts after its `calling`
    /// line's printk and ends at its `returned` line.
    struct Span {
        var call: Int
        var start: UInt64
        var end: UInt64
        /// The printed duration.
        var duration: UInt64
    }

    /// The fit for `spans` printed in `unit` ns (1000 from 5.18, 1024 before), or nil: of the
    /// `HZ` values whose ticks make every duration, the one whose best phase fits the most
    /// calls (the coarsest of equals), if that is nine in ten.
    static func fit(_ spans: [Span], unit: UInt64) -> JiffiesFit? {
        guard spans.contains(where: { $0.duration > 0 }) else { return nil }
        var best: (fit: JiffiesFit, ticks: [UInt64])?
        for hz in hzValues {
            let tick = tickNanoseconds(hz: hz)
            guard let ticks = wholeTicks(spans, tick: tick, unit: unit),
                let (phase, fits) = bestPhase(spans, ticks: ticks, tick: tick)
            else { continue }
            let fit = JiffiesFit(hz: hz, tick: tick, phase: phase, ticks: [:], fits: fits)
            if best.map({ fit.rank > $0.fit.rank }) ?? true { best = (fit, ticks) }
        }
        guard var best, best.fit.fits * 10 >= min(spans.count, maxCalls) * 9 else { return nil }
        for (span, count) in zip(spans, best.ticks) { best.fit.ticks[span.call] = count }
        return best.fit
    }

    /// The ticks each printed duration is, when every one is whole ticks: `k` with `k * tick`
    /// printing as the duration.
    static func wholeTicks(_ spans: [Span], tick: UInt64, unit: UInt64) -> [UInt64]? {
        var ticks: [UInt64] = []
        ticks.reserveCapacity(spans.count)
        for span in spans {
            let (low, overflow) = span.duration.multipliedReportingOverflow(by: unit)
            guard !overflow, low < 86_400_000_000_000 else { return nil }
            let count = (low + tick - 1) / tick
            guard count &* tick < low + unit else { return nil }
            ticks.append(count)
        }
        return ticks
    }

    /// The phases (mod `tick`) that put `count` ticks in `(start, end]`: ticks at `phase + j *
    /// tick`, the first after `start` is `delta` later (in `(0, tick]`), and a span of `q` whole
    /// ticks and `r` more holds `q + 1` ticks when `delta <= r`, else `q`. As an arc: its first
    /// phase and how many follow; nil when no phase gives `count`.
    static func arc(_ span: Span, count: UInt64, tick: UInt64) -> (first: UInt64, length: UInt64)? {
        let length = span.end > span.start ? span.end - span.start : 0
        let (q, r) = length.quotientAndRemainder(dividingBy: tick)
        let a = span.start % tick
        if count == q &+ 1, r > 0 { return ((a + 1) % tick, r) }
        if count == q { return ((a + r + 1) % tick, tick - r) }
        return nil
    }

    /// The phase that fits the most calls (the smallest of equals), and how many it fits.
    static func bestPhase(_ spans: [Span], ticks: [UInt64], tick: UInt64) -> (phase: UInt64, fits: Int)? {
        let arcs = zip(spans.prefix(maxCalls), ticks).map { arc($0, count: $1, tick: tick) }
        var best: (phase: UInt64, fits: Int)?
        for candidate in arcs.prefix(maxArcs).compactMap({ $0?.first }) {
            let fits = arcs.reduce(0) { sum, arc in
                guard let arc else { return sum }
                return (candidate &+ tick &- arc.first) % tick < arc.length ? sum + 1 : sum
            }
            if best.map({ fits > $0.fits || (fits == $0.fits && candidate < $0.phase) }) ?? true {
                best = (candidate, fits)
            }
        }
        return best
    }

    /// Where a call of `count` ticks that starts at `start` ends, as near `target` as the ticks
    /// allow and no sooner than `minimum`: the replay's clock may have drifted from the log's,
    /// and the printed duration must stay the log's.
    func end(start: UInt64, count: UInt64, target: UInt64, minimum: UInt64) -> UInt64 {
        var delta = (phase &+ tick &- start % tick) % tick
        if delta == 0 { delta = tick }
        // With `count` ticks in (start, end]: end in [first + (count-1) tick, first + count tick).
        let low = count == 0 ? start : start &+ delta &+ (count - 1) &* tick
        let high = start &+ delta &+ count &* tick &- 1
        return max(minimum, min(max(target, low), high))
    }
}

/// The imported calls a jiffies clocksource may have timed.
extension BootFileWriter {
    /// `ktime_us_delta()`'s 1000 ns from 5.18, `>> 10` before.
    var durationUnit: UInt64 { eraVersion.isAtLeast(5, 18) ? 1_000 : 1_024 }

    /// The built-in calls before `clocksource_done_booting()` with both lines' timestamps and
    /// a microsecond duration (2.6.28 on); all of them when the log does not show that call and
    /// loads no module (the replay would time its loads on jiffies too). None when one of them
    /// lacks a timestamp.
    func jiffiesCandidates() -> [Int] {
        guard eraVersion.isAtLeast(2, 6, 28) else { return [] }
        let switchCall = boot.calls.firstIndex { $0.phase != .outside && $0.function == "clocksource_done_booting" }
        if switchCall == nil, boot.calls.contains(where: { $0.phase == .outside && $0.duration != nil }) { return [] }
        var candidates: [Int] = []
        for (index, call) in boot.calls[..<(switchCall ?? boot.calls.count)].enumerated()
        where call.phase != .outside && !call.blacklisted && call.duration != nil {
            guard call.durationUnit == .microseconds, call.calltime != nil, call.rettime != nil else { return [] }
            candidates.append(index)
        }
        return candidates
    }

    /// Whether the call's printed duration is a whole number of ticks at some `HZ`.
    func isWholeTicks(_ index: Int) -> Bool {
        let span = JiffiesFit.Span(call: index, start: 0, end: 0, duration: boot.calls[index].duration ?? 0)
        return JiffiesFit.hzValues.contains {
            JiffiesFit.wholeTicks([span], tick: JiffiesFit.tickNanoseconds(hz: $0), unit: durationUnit) != nil
        }
    }

    /// Without a release: whether the early durations are whole ticks read `>> 10` (9765 usecs
    /// is 10 ms at HZ=100, 1953 usecs two at HZ=1000) where `ktime_us_delta()`'s µs make fewer
    /// of them fit, or only at an `HZ` Kconfig does not offer: a release from 2.6.28 to 5.17.
    /// A later call whose lines are closer than its duration read `>> 10` would be proves the
    /// opposite.
    static func provesShiftedTicks(_ boot: ImportedBoot) -> Bool {
        let writer = BootFileWriter(boot: boot, fitting: false)
        let candidates = writer.jiffiesCandidates()
        let timedOnJiffies = Set(candidates)
        for (index, call) in boot.calls.enumerated() where !timedOnJiffies.contains(index) {
            guard let start = call.calltime, let end = call.rettime, let duration = call.duration, end >= start,
                call.durationUnit == .microseconds
            else { continue }
            // Within the timestamps' microsecond, the span holds less than the duration `>> 10`.
            if (end - start &+ 1) &* 1_000 < duration &* 1_024 { return false }
        }
        let spans = writer.jiffiesSpans(candidates)
        guard let shifted = JiffiesFit.fit(spans, unit: 1_024) else { return false }
        guard let microseconds = JiffiesFit.fit(spans, unit: 1_000) else { return true }
        return microseconds.rank < shifted.rank
    }

    /// The candidates' bodies as the replay will place them: from after the `calling` line's
    /// printk to the `returned` line.
    func jiffiesSpans(_ candidates: [Int]) -> [JiffiesFit.Span] {
        candidates.map { index in
            let call = boot.calls[index]
            return JiffiesFit.Span(
                call: index, start: bodyStart(call, flush: 0) ?? 0, end: (call.rettime ?? 0) &* 1_000,
                duration: call.duration ?? 0)
        }
    }
}
