import BootAnalysis
import TestSupport
import Testing

@testable import BootAnalysis

@Suite struct SeededRandomTests {
    /// The published SplitMix64 sequence for seed 0: orders must be the same on every machine.
    @Test func matchesTheReferenceSequence() {
        var generator = SplitMix64(seed: 0)
        #expect(
            [generator.next(), generator.next(), generator.next()] == [
                0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F,
            ])
    }

    @Test(arguments: [1, 2, 3, 7, 10, 1_000])
    func boundedValuesStayInRangeAndCoverIt(bound: Int) {
        var generator = SplitMix64(seed: 42, stream: UInt64(bound))
        var seen = Set<Int>()
        for _ in 0..<(bound * 40) {
            let value = generator.next(below: bound)
            #expect((0..<bound).contains(value))
            seen.insert(value)
        }
        if bound <= 10 { #expect(seen.count == bound) }
    }

    @Test func shufflesArePermutationsThatDependOnlyOnSeedAndStream() {
        for stream in 0..<50 as Range<UInt64> {
            var first = SplitMix64(seed: 9, stream: stream)
            var second = SplitMix64(seed: 9, stream: stream)
            var a = Array(0..<12)
            var b = Array(0..<12)
            first.shuffle(&a)
            second.shuffle(&b)
            #expect(a == b)
            #expect(a.sorted() == Array(0..<12))
        }
        var x = SplitMix64(seed: 9, stream: 1)
        var y = SplitMix64(seed: 9, stream: 2)
        #expect(x.next() != y.next())
    }
}
