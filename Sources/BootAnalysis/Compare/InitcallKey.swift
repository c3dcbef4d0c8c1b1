import KernelBoot

/// Names one call of one initcall across boots of different link orders: the function, the
/// object it was registered in, and which call of that pair it is (a function registered twice
/// runs twice). Table addresses and run positions change with link order; this does not.
public struct InitcallKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The initcall's function (`enc28j60_init`).
    public var function: String
    /// The object that registered it (`drivers/net/enc28j60.o`).
    public var object: String
    /// 0 for the first call of `function` from `object` in the boot, 1 for the second, …
    public var occurrence: Int

    /// Call number `occurrence` (0 for the first) of `function` as registered in `object`.
    public init(function: String, object: String, occurrence: Int = 0) {
        self.function = function
        self.object = object
        self.occurrence = occurrence
    }

    /// `enc28j60_init (drivers/net/enc28j60.o)`, with `#2` for a second call.
    public var description: String {
        "\(function)\(occurrence > 0 ? " #\(occurrence + 1)" : "") (\(object))"
    }

    public static func < (lhs: InitcallKey, rhs: InitcallKey) -> Bool {
        (lhs.function, lhs.object, lhs.occurrence) < (rhs.function, rhs.object, rhs.occurrence)
    }

    /// The key of every run of `result`, in run order.
    public static func keys(of result: BootResult) -> [InitcallKey] {
        var seen: [PairKey: Int] = [:]
        return result.runs.map { run in
            let entry = result.entry(of: run)
            let pair = PairKey(function: entry.function, object: entry.object)
            let occurrence = seen[pair, default: 0]
            seen[pair] = occurrence + 1
            return InitcallKey(function: entry.function, object: entry.object, occurrence: occurrence)
        }
    }

    private struct PairKey: Hashable {
        var function: String
        var object: String
    }
}
