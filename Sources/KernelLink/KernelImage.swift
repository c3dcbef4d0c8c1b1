import KernelModel
import LinkerScript
import SourceInput

/// A linked kernel: the initcall tables in address order, the boundary symbols resolved into
/// the slices `console_init()`, `do_pre_smp_initcalls()` and `do_initcalls()` walk, and what the
/// link left out. Immutable and `Sendable`: boot it as often as you like, from any task.
public struct KernelImage: Sendable {
    /// The description it was linked from (objects in description order).
    public let description: KernelDescription
    /// Object paths in the order they were linked.
    public let linkOrder: [String]
    /// Every placed initcall entry, in address order, each with the statement that placed it
    /// and the walk that runs it.
    public let table: [PlacedInitcall]
    /// The bodies of `table`, parallel to it, so the boot loop touches nothing else.
    package let bodies: ContiguousArray<InitcallBody>
    /// The table walks, as index ranges into `table`.
    public let walks: Walks
    /// Entries whose section no pattern of the script collects: ld would place them as
    /// orphan sections outside every table, so they never run.
    public let orphans: [PlacedInitcall]
    /// Entries a `/DISCARD/` pattern threw away (built-in `module_exit` functions).
    public let discarded: [PlacedInitcall]
    /// The full layout, as `ld -M` would print it; nil for an image relinked without
    /// rebuilding it (exploration boots thousands of orders and never reads it).
    public let linkMap: LinkMap?
    /// What the layout warned about (see ``LinkMap/warnings``): values it could not compute
    /// and what it did instead, each at its place in the script. Kept for relinked images
    /// too, whose ``linkMap`` may be nil.
    public let layoutWarnings: [Diagnostic]
    /// The size `free_initmem()` reports: a fixed base plus this image's initcall code and
    /// tables, in KiB.
    public let initMemoryKilobytes: Int
    /// The description's part of `__param` (`__start___param` … `__stop___param`): every
    /// object's parameters, objects in link order. The kernel's own come first at boot.
    public let parameters: [ParamEntry]
    /// The description's part of `.init.setup` (`__setup_start` … `__setup_end`): every object's
    /// `__setup`/`early_param` handlers, objects in link order, after the kernel's own.
    public let setups: [PlacedSetup]
    /// Whether any entry has a ``PlacedInitcall/gap`` or ``PlacedInitcall/flush`` (imported
    /// boots): the boot loop reads them only then.
    package let hasGaps: Bool

    init(
        description: KernelDescription, linkOrder: [String], table: [PlacedInitcall],
        bodies: ContiguousArray<InitcallBody>,
        walks: Walks, orphans: [PlacedInitcall], discarded: [PlacedInitcall], linkMap: LinkMap?,
        layoutWarnings: [Diagnostic]
    ) {
        self.description = description
        self.linkOrder = linkOrder
        self.table = table
        self.bodies = bodies
        self.walks = walks
        self.orphans = orphans
        self.discarded = discarded
        self.linkMap = linkMap
        self.layoutWarnings = layoutWarnings
        var code = 0
        var hasGaps = false
        for entry in table {
            code &+= entry.size
            if entry.gap != 0 || entry.flush != 0 { hasGaps = true }
        }
        self.hasGaps = hasGaps
        let tables = table.count &* Int(description.architecture.entrySize)
        // `free_initmem()` frees whole pages (`__init_begin`/`__init_end` are page-aligned), and
        // prints K(pages): always a multiple of 4 on 4 KiB pages.
        self.initMemoryKilobytes = 2_560 &+ (code &+ tables &+ 4_095) / 4_096 &* 4
        // Most descriptions declare no parameter: keep relinks (explore) from building maps.
        if description.objects.contains(where: { !$0.params.isEmpty || !$0.setups.isEmpty }) {
            let byPath = Dictionary(description.objects.map { ($0.path, $0) }) { first, _ in first }
            let linked = linkOrder.compactMap { byPath[$0] }
            self.parameters = ParamEntry.table(linked)
            self.setups = PlacedSetup.table(linked)
        } else {
            self.parameters = []
            self.setups = []
        }
    }

    /// The level table the image was linked with: the description's.
    public var levels: LevelTable { description.levels }
    /// `[__con_initcall_start, __con_initcall_end)` as indices into `table`.
    public var consoleSlice: Range<Int> { walks.console }
    /// `[__initcall_start, __initcall0_start)`.
    public var earlySlice: Range<Int> { walks.early }
    /// `[initcall_levels[n], initcall_levels[n+1])` for each level n.
    public var levelSlices: [Range<Int>] { walks.levels }

    /// The entries that will run, in run order, with the slice each runs in: console, early,
    /// then levels 0…N−1. An entry appears once per slice that covers it.
    public var runOrder: [(slice: InitcallSlice, entry: Int)] { walks.runOrder }

    /// The level name of a slice: `console`, `early`, or `initcall_level_names[n]`.
    public func name(of slice: InitcallSlice) -> String { levels.name(of: slice) }
}
