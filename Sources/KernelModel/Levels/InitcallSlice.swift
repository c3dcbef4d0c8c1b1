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
        case .console: return consoleSlice?.start
        case .early: return earlySlice?.start
        case .level(let n): return initcallLevels.indices.contains(n) ? initcallLevels[n] : nil
        }
    }

    /// Who reads boundary number `n` of `initcall_levels[]`, as a link error names it:
    /// `initcall_levels[6]`, or `do_initcalls()` for a single-loop table (up to 3.3), whose
    /// loop reads `__initcall_start` and `__initcall_end` itself.
    public func boundaryUser(_ n: Int) -> String {
        loop == .single ? "do_initcalls()" : "initcall_levels[\(n)]"
    }

    /// What boundary number `n` is in a layout listing: `initcall_levels[6]`, or
    /// `do_initcalls() start`/`end` for a single-loop table.
    public func boundaryRole(_ n: Int) -> String {
        guard loop == .single else { return "initcall_levels[\(n)]" }
        return n == 0 ? "do_initcalls() start" : "do_initcalls() end"
    }
}
