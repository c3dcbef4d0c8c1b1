/// Which table walk ran an initcall.
public enum InitcallSlice: Sendable, Hashable, Comparable {
    /// `console_init()` in `start_kernel()`.
    case console
    /// `do_pre_smp_initcalls()`.
    case early
    /// `do_initcall_level(n)`.
    case level(Int)

    public static func < (lhs: InitcallSlice, rhs: InitcallSlice) -> Bool { lhs.rank < rhs.rank }

    private var rank: Int {
        switch self {
        case .console: return -2
        case .early: return -1
        case .level(let n): return n
        }
    }
}

extension LevelTable {
    /// The name a walk runs under: `console`, `early`, or `initcall_level_names[n]` — the name of
    /// the level's parameter pass and of its `initcall_level` tracepoint. The kernel has no
    /// fallback (reading past the array is undefined; `check` reports it as
    /// `level-names-count`); the simulation calls such a level `level<n>`. The one place that
    /// names a level.
    public func name(of slice: InitcallSlice) -> String {
        switch slice {
        case .console: return "console"
        case .early: return "early"
        case .level(let n): return initcallLevelNames.indices.contains(n) ? initcallLevelNames[n] : "level\(n)"
        }
    }

    /// The boundary symbol that opens a walk (`__initcall6_start`), or nil for a level the
    /// table does not have.
    public func boundary(of slice: InitcallSlice) -> String? {
        switch slice {
        case .console: return consoleSlice.start
        case .early: return earlySlice.start
        case .level(let n): return initcallLevels.indices.contains(n) ? initcallLevels[n] : nil
        }
    }
}
