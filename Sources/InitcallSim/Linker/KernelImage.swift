import LinkerScript

/// A linked kernel: the initcall tables in address order, the boundary symbols resolved into
/// the slices `console_init()`, `do_pre_smp_initcalls()` and `do_initcalls()` walk, and what the
/// link left out. Immutable and `Sendable`: boot it as often as you like, from any task.
public struct KernelImage: Sendable {
    /// The description it was linked from (objects in description order).
    public let description: KernelDescription
    /// Object paths in the order they were linked.
    public let linkOrder: [String]
    /// Every placed initcall entry, in address order.
    public let table: [PlacedInitcall]
    /// The bodies of `table`, parallel to it, so the boot loop touches nothing else.
    package let bodies: ContiguousArray<InitcallBody>
    /// `[__con_initcall_start, __con_initcall_end)` as indices into `table`.
    public let consoleSlice: Range<Int>
    /// `[__initcall_start, __initcall0_start)`.
    public let earlySlice: Range<Int>
    /// `[initcall_levels[n], initcall_levels[n+1])` for each level n.
    public let levelSlices: [Range<Int>]
    /// Entries whose section no pattern of the script collects: ld would place them as
    /// orphan sections outside every table, so they never run.
    public let orphans: [PlacedInitcall]
    /// Entries a `/DISCARD/` pattern threw away (built-in `module_exit` functions).
    public let discarded: [PlacedInitcall]
    /// The full layout, as `ld -M` would print it.
    public let linkMap: LinkMap

    public var levels: LevelTable { description.levels }

    /// The size `free_initmem()` reports: a fixed base plus this image's initcall code and
    /// tables, in KiB.
    public let initMemoryKilobytes: Int

    init(
        description: KernelDescription, linkOrder: [String], table: [PlacedInitcall], bodies: ContiguousArray<InitcallBody>,
        consoleSlice: Range<Int>, earlySlice: Range<Int>, levelSlices: [Range<Int>], orphans: [PlacedInitcall],
        discarded: [PlacedInitcall], linkMap: LinkMap
    ) {
        self.description = description
        self.linkOrder = linkOrder
        self.table = table
        self.bodies = bodies
        self.consoleSlice = consoleSlice
        self.earlySlice = earlySlice
        self.levelSlices = levelSlices
        self.orphans = orphans
        self.discarded = discarded
        self.linkMap = linkMap
        let code = table.reduce(0) { $0 &+ $1.size }
        let tables = table.count &* Int(description.architecture.entrySize)
        self.initMemoryKilobytes = 2_560 + (code &+ tables &+ 1_023) / 1_024
    }

    /// The entries that will run, in run order, with the slice each runs in: console, early,
    /// then levels 0…N−1. An entry appears once per slice that covers it.
    public var runOrder: [(slice: InitcallSlice, entry: Int)] {
        var order: [(InitcallSlice, Int)] = consoleSlice.map { (.console, $0) }
        order += earlySlice.map { (.early, $0) }
        for (level, slice) in levelSlices.enumerated() {
            order += slice.map { (.level(level), $0) }
        }
        return order
    }

    /// The level name of a slice: `console`, `early`, or `initcall_level_names[n]`.
    public func name(of slice: InitcallSlice) -> String {
        switch slice {
        case .console: return "console"
        case .early: return "early"
        case .level(let n): return n < levels.initcallLevelNames.count ? levels.initcallLevelNames[n] : "level\(n)"
        }
    }
}

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

/// One entry of the linked initcall tables.
///
/// Everything but the address lives in one shared, immutable storage object, so copying an
/// entry — which every relink of an exploration does a thousand times per order — costs one
/// reference count instead of one per string.
public struct PlacedInitcall: Sendable, Hashable {
    private final class Storage: Sendable {
        let function: String
        let size: Int
        let object: String
        let section: String
        let macro: String
        let id: String
        let sourceOrder: Int
        let sourceLine: Int?
        let provides: [String]
        let requires: [String]

        init(
            function: String, size: Int, object: String, section: String, macro: String, id: String,
            sourceOrder: Int, sourceLine: Int?, provides: [String], requires: [String]
        ) {
            self.function = function
            self.size = size
            self.object = object
            self.section = section
            self.macro = macro
            self.id = id
            self.sourceOrder = sourceOrder
            self.sourceLine = sourceLine
            self.provides = provides
            self.requires = requires
        }
    }

    private let storage: Storage
    /// Its address in the table; nil for orphans and discarded entries.
    public var address: UInt64?

    public init(
        function: String, size: Int, object: String, section: String, macro: String, id: String,
        address: UInt64?, sourceOrder: Int, sourceLine: Int?, provides: [String], requires: [String]
    ) {
        self.storage = Storage(
            function: function, size: size, object: object, section: section, macro: macro, id: id,
            sourceOrder: sourceOrder, sourceLine: sourceLine, provides: provides, requires: requires)
        self.address = address
    }

    public var function: String { storage.function }
    /// The symbol size `%pS` prints.
    public var size: Int { storage.size }
    public var object: String { storage.object }
    /// The input section the entry was emitted into (`.initcall6.init`).
    public var section: String { storage.section }
    /// The macro that registered it (`module_init`).
    public var macro: String { storage.macro }
    public var id: String { storage.id }
    /// Its position among the object's registrations (0 = first in the source).
    public var sourceOrder: Int { storage.sourceOrder }
    public var sourceLine: Int? { storage.sourceLine }
    /// Declared resources, for dependency analysis without booting.
    public var provides: [String] { storage.provides }
    public var requires: [String] { storage.requires }

    public static func == (lhs: PlacedInitcall, rhs: PlacedInitcall) -> Bool {
        lhs.address == rhs.address
            && (lhs.storage === rhs.storage
                || (lhs.function == rhs.function && lhs.size == rhs.size && lhs.object == rhs.object
                    && lhs.section == rhs.section && lhs.macro == rhs.macro && lhs.id == rhs.id
                    && lhs.sourceOrder == rhs.sourceOrder && lhs.sourceLine == rhs.sourceLine
                    && lhs.provides == rhs.provides && lhs.requires == rhs.requires))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(function)
        hasher.combine(object)
        hasher.combine(section)
        hasher.combine(sourceOrder)
        hasher.combine(address)
    }

    /// `%pS` of the entry: `name+0x0/0xsize`.
    public var symbolText: String { "\(function)+0x0/0x\(String(size, radix: 16))" }

    /// The C source file the object was compiled from (`drivers/net/enc28j60.c`).
    public var sourceFile: String {
        object.hasSuffix(".o") ? String(object.dropLast(2)) + ".c" : object
    }
}
