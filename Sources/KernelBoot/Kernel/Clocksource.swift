import KernelModel

/// The clocksource `ktime_get()` reads, which `do_one_initcall()` times each call with. The
/// printk timestamps come from `local_clock()`, the virtual clock itself; `ktime_get()` may be
/// coarser.
///
/// Timekeeping starts on `clocksource_default_clock()`, the jiffies clocksource
/// (kernel/time/jiffies.c): it advances by `TICK_NSEC` at each timer tick and stands still in
/// between. Better clocksources (the TSC, an architected timer) register early, but
/// `clocksource_find_best()` picks none until `finished_booting` is set, which
/// `clocksource_done_booting()` (kernel/time/clocksource.c, an `fs_initcall`) does before it
/// selects one and prints `clocksource: Switched to clocksource …`. So the calls before it
/// print whole ticks (`after 0 usecs`, `after 3906 usecs` at HZ=250 before 5.18) while their
/// lines are microseconds apart. `timeline jiffies=` declares the tick; without it, `ktime_get()`
/// reads the virtual clock from boot, as a description written by hand expects.
package struct Clocksource: Sendable {
    /// `TICK_NSEC`: the jiffies clocksource's step; 0 reads the virtual clock all along.
    package var tick: UInt64 = 0
    /// When the first tick comes (below ``tick``); the ticks follow every ``tick``.
    package var phase: UInt64 = 0
    /// Where `clocksource_done_booting()` switched: the virtual time and the reading then.
    private var switched: (now: UInt64, ktime: UInt64)?

    package init(tick: UInt64 = 0, phase: UInt64 = 0) {
        self.tick = tick
        self.phase = tick == 0 ? 0 : phase % tick
    }

    /// The clocksource a description's `timeline jiffies= jiffies_phase=` declares.
    package init(_ timeline: BootTimeline) {
        self.init(tick: timeline.jiffies, phase: timeline.jiffiesPhase)
    }

    /// Whether `ktime_get()` still reads jiffies.
    package var readsJiffies: Bool { tick != 0 && switched == nil }

    /// `ktime_get()` at virtual time `now`: whole ticks on jiffies; after the switch the new
    /// clocksource goes on from the reading it took over (`timekeeping_notify()` keeps the time
    /// continuous), so durations are exact again.
    package func ktime(_ now: UInt64) -> UInt64 {
        // No tick declared (the usual description): the boot's own clock, at once.
        guard tick != 0 else { return now }
        if let switched { return switched.ktime &+ (now &- switched.now) }
        guard now >= phase else { return 0 }
        let ticks = (now - phase) / tick + 1
        let (reading, overflow) = ticks.multipliedReportingOverflow(by: tick)
        return overflow ? .max : reading
    }

    /// `clocksource_select()` from `clocksource_done_booting()`: the switch at `now`.
    package mutating func switchFromJiffies(at now: UInt64) {
        guard readsJiffies else { return }
        switched = (now, ktime(now))
    }
}
