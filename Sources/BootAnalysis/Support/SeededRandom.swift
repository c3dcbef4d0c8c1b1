/// SplitMix64 (Steele, Lea, Flood 2014): a small, fast, seeded generator whose output depends
/// on nothing but the seed. Exploration derives one generator per link order from the user's
/// seed and the order's index, so that order N is the same whatever thread boots it.
///
/// The standard library's `shuffle(using:)` and `random(in:using:)` are not used on purpose:
/// their algorithms are not promised to stay the same across toolchains, and the orders must.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    package init(seed: UInt64) { state = seed }

    /// The generator for item `index` of a stream seeded with `seed`: the seed and the index
    /// are mixed, so neighbouring indices give unrelated sequences.
    package init(seed: UInt64, stream index: UInt64) {
        var mixer = SplitMix64(seed: seed)
        state = mixer.next() ^ SplitMix64.mix(index &+ 0x632B_E59B_D9B4_E019)
    }

    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in `0..<bound` (bound > 0), by rejection so that no value is favoured.
    package mutating func next(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        let limit = UInt64(bound)
        // The largest multiple of `limit` that fits: values at or above it are redrawn.
        let threshold = (0 &- limit) % limit
        while true {
            let value = next()
            if value >= threshold { return Int(value % limit) }
        }
    }

    /// Fisher–Yates, written out so that the permutation for a seed never changes.
    package mutating func shuffle<T>(_ values: inout [T]) {
        guard values.count > 1 else { return }
        for i in stride(from: values.count - 1, to: 0, by: -1) {
            let j = next(below: i + 1)
            if i != j { values.swapAt(i, j) }
        }
    }
}
