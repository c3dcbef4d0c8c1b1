import KernelBoot
import KernelLink
import KernelModel
import TestSupport
import Testing

/// `ktime_get()` reads the jiffies clocksource until `clocksource_done_booting()` selects a
/// better one (`timeline jiffies=`): the calls before it print whole ticks, the calls after
/// it their own time, as real logs show them.
@Suite struct ClocksourceTests {
    /// The `initcall … returned` lines of a boot of `release` with a 10 ms tick (HZ=100) whose
    /// first comes 3 ms in.
    static func returned(
        _ release: String, timeline: String = "jiffies=10ms jiffies_phase=3ms", switchCall: Bool = true
    )
        throws -> [String]
    {
        let text = """
            kernel "\(release)"
            cmdline "initcall_debug"
            timeline \(timeline)
            initramfs /init
            object a.o
              core_initcall before_tick time=4ms
              core_initcall over_tick time=2ms
            \(switchCall ? "  fs_initcall clocksource_done_booting time=7us" : "")
              device_initcall after_switch time=2ms
            """
        let result = try Linker.link(try BootFile.parse(text, file: "jiffies.boot")).boot()
        // "initcall foo+0x0/0x40 returned 0 after 9765 usecs" as "foo 9765".
        return result.records.map(\.text).filter { $0.hasPrefix("initcall ") }.map { line in
            let words = line.split(separator: " ")
            return "\(words[1].prefix { $0 != "+" }) \(words[words.count - 2])"
        }
    }

    @Test func wholeTicksUntilTheSwitch() throws {
        // The first two calls run from 67 ms: the first ends before the tick at 73 ms, the
        // second spans it. The switch call and the one after print their own time.
        #expect(
            try Self.returned("6.1") == [
                "before_tick 0", "over_tick 10000", "clocksource_done_booting 7", "after_switch 2000",
            ])
        // Before 5.18 the tick prints `>> 10`: 10 ms is 9765 "usecs".
        #expect(try Self.returned("4.0")[1] == "over_tick 9765")
        // Without a tick declared, ktime_get() reads the boot's own clock all along.
        #expect(try Self.returned("6.1", timeline: "printk=1us")[0] == "before_tick 4000")
    }

    @Test func withoutTheSwitchCallJiffiesAllAlong() throws {
        #expect(try Self.returned("6.1", switchCall: false).last == "after_switch 0")
    }

    @Test func theClocksourceReadsWholeTicksThenGoesOnFromTheSwitch() {
        var clocksource = Clocksource(tick: 10, phase: 3)
        #expect([0, 2, 3, 12, 13, 22].map(clocksource.ktime) == [0, 0, 10, 10, 20, 20])
        #expect(clocksource.readsJiffies)
        clocksource.switchFromJiffies(at: 15)
        #expect(!clocksource.readsJiffies)
        // It goes on from the reading it took over: 20 at 15, then nanosecond by nanosecond.
        #expect([15, 16, 40].map(clocksource.ktime) == [20, 21, 45])
        #expect(Clocksource().ktime(1234) == 1234)
        // A phase is within a tick.
        #expect(Clocksource(tick: 10, phase: 13).phase == 3)
    }

    /// The JSON's `duration_us` is the printed duration, not the span.
    @Test func measuredIsWhatTheRunRecords() throws {
        let text = """
            cmdline "initcall_debug"
            timeline jiffies=10ms jiffies_phase=3ms
            object a.o
              core_initcall before_tick time=4ms
            """
        let result = try Linker.link(try BootFile.parse(text, file: "jiffies.boot")).boot()
        let run = try #require(result.runs.first)
        #expect(run.measured == 0)
        #expect(run.durationMicroseconds == 0)
        #expect(run.rettime - run.calltime >= 4_000_000)
    }
}
