import BootAnalysis
import TestSupport
import Testing

@testable import BootAnalysis

@Suite struct SequenceAlignmentTests {
    @Test func aSwapMarksTheEntryThatMovedUp() {
        // New order [s, e, a] of old [s, a, e]: e moved up, s and a kept.
        #expect(SequenceAlignment.kept([0, 2, 1]) == [true, false, true])
    }

    @Test func newItemsAreNeverKept() {
        #expect(SequenceAlignment.kept([nil, 0, nil, 1]) == [false, true, false, true])
    }

    /// The kept items are increasing in their old positions and as many as the longest
    /// increasing subsequence (checked by the quadratic textbook algorithm).
    @Test func keepsALongestIncreasingRun() {
        for stream in 0..<200 as Range<UInt64> {
            var generator = SplitMix64(seed: 5, stream: stream)
            let count = 1 + generator.next(below: 12)
            var positions: [Int?] = Array(0..<count)
            generator.shuffle(&positions)
            if count > 2 { positions[generator.next(below: count)] = nil }
            let kept = SequenceAlignment.kept(positions)
            let values = positions.indices.filter { kept[$0] }.compactMap { positions[$0] }
            #expect(values == values.sorted())
            #expect(values.count == Self.longestIncreasing(positions.compactMap { $0 }))
        }
    }

    static func longestIncreasing(_ values: [Int]) -> Int {
        var best = Array(repeating: 1, count: values.count)
        for i in values.indices {
            for j in 0..<i where values[j] < values[i] { best[i] = max(best[i], best[j] + 1) }
        }
        return best.max() ?? 0
    }
}
