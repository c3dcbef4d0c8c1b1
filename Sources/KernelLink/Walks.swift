import KernelModel

/// The table walks of a linked image: `[__con_initcall_start, __con_initcall_end)`,
/// `[__initcall_start, __initcall0_start)` and `[initcall_levels[n], initcall_levels[n+1])`,
/// each as the range of table indices `for (fn = start; fn < end; fn++)` visits.
public struct Walks: Sendable, Hashable {
    /// The entries `console_init()` walks: `[__con_initcall_start, __con_initcall_end)`.
    public var console: Range<Int>
    /// The entries `do_pre_smp_initcalls()` walks: `[__initcall_start, __initcall0_start)`.
    public var early: Range<Int>
    /// For each level n, the entries `do_initcall_level(n)` walks:
    /// `[initcall_levels[n], initcall_levels[n+1])`.
    public var levels: [Range<Int>]

    /// The walks of an image, as table index ranges.
    public init(console: Range<Int>, early: Range<Int>, levels: [Range<Int>]) {
        self.console = console
        self.early = early
        self.levels = levels
    }

    /// Every walk with its range, in run order.
    public var all: [(slice: InitcallSlice, range: Range<Int>)] {
        [(.console, console), (.early, early)] + levels.enumerated().map { (.level($0.offset), $0.element) }
    }

    /// Every (slice, entry) visit, in run order.
    public var runOrder: [(slice: InitcallSlice, entry: Int)] {
        all.flatMap { walk in walk.range.map { (walk.slice, $0) } }
    }

    /// The first walk, in run order, that visits table entry `index`.
    public func firstSlice(of index: Int) -> InitcallSlice? {
        // The walks of ``all`` in the same order, without building that array for every entry.
        if console.contains(index) { return .console }
        if early.contains(index) { return .early }
        return levels.firstIndex { $0.contains(index) }.map { .level($0) }
    }
}
