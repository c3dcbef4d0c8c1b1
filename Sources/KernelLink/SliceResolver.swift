import KernelModel
import LinkerScript

/// Turns a pair of boundary symbols into the index range of table entries between them, as
/// `for (fn = start; fn < end; fn++)` walks it: empty when `start >= end`.
struct SliceResolver {
    let map: LinkMap
    let levels: LevelTable
    let addresses: [UInt64]

    /// The walk from `start` to `end`; `users` name who reads each symbol, for the error when
    /// the script does not define it (`initcall_levels[6]`, `console_init()`).
    mutating func slice(_ start: String, _ end: String, users: (start: String, end: String)) throws(LinkError)
        -> Range<Int>
    {
        let low = try address(start, users.start)
        let high = try address(end, users.end)
        guard low < high else { return 0..<0 }
        let first = lowerBound(low)
        let last = lowerBound(high)
        return first..<max(first, last)
    }

    private func address(_ symbol: String, _ user: String) throws(LinkError) -> UInt64 {
        if let error = BoundarySymbols.error(symbol, user: user, levels: levels, map: map) { throw error }
        return map.address(of: symbol) ?? 0
    }

    private func lowerBound(_ address: UInt64) -> Int {
        var low = 0
        var high = addresses.count
        while low < high {
            let mid = (low + high) / 2
            if addresses[mid] < address { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
