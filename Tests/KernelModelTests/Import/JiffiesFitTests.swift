import Testing

@testable import KernelModel

/// The pieces of the jiffies fit (``JiffiesFit``): the ticks inside a call, whole ticks of a
/// printed duration, and where a replayed call ends.
@Suite struct JiffiesFitTests {
    /// The arcs of phases that put a number of ticks in a call: a 2.5 ms call from 1 ms holds one
    /// 4 ms tick when it comes in (1, 3.5] ms, none when it comes in (3.5, 5].
    @Test func ticksInACall() {
        let span = JiffiesFit.Span(call: 0, start: 1_000_000, end: 3_500_000, duration: 0)
        let one = JiffiesFit.arc(span, count: 1, tick: 4_000_000)
        #expect(one?.first == 1_000_001 && one?.length == 2_500_000)
        let none = JiffiesFit.arc(span, count: 0, tick: 4_000_000)
        #expect(none?.first == 3_500_001 && none?.length == 1_500_000)
        #expect(JiffiesFit.arc(span, count: 2, tick: 4_000_000) == nil)
        // 9765 ">> 10" usecs is one 10 ms tick; 9766 is none.
        let printed = { (usecs: UInt64) in JiffiesFit.Span(call: 0, start: 0, end: 0, duration: usecs) }
        #expect(JiffiesFit.wholeTicks([printed(9765), printed(0)], tick: 10_000_000, unit: 1_024) == [1, 0])
        #expect(JiffiesFit.wholeTicks([printed(9766)], tick: 10_000_000, unit: 1_024) == nil)
        // A call placed late by the replay still spans its ticks: its end moves as little as
        // they allow.
        let fit = JiffiesFit(hz: 250, tick: 4_000_000, phase: 0, ticks: [:], fits: 0)
        #expect(fit.end(start: 1_000_000, count: 1, target: 3_000_000, minimum: 0) == 4_000_000)
        #expect(fit.end(start: 1_000_000, count: 0, target: 5_000_000, minimum: 0) == 3_999_999)
        #expect(fit.end(start: 1_000_000, count: 1, target: 6_000_000, minimum: 0) == 6_000_000)
    }
}
