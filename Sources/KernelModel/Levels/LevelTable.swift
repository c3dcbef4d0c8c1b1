/// The initcall levels as data: which registration macros exist, which section each one's
/// entries go to, and the two tables `do_initcalls()` walks (`initcall_levels[]` and
/// `initcall_level_names[]` in init/main.c).
///
/// The boot walks exactly what this table says, so a custom table that forgets a boundary
/// behaves as the real kernel would (see ``LevelTable/linux6`` for the default).
public struct LevelTable: Sendable, Hashable, CustomStringConvertible {
    /// Every registration id, in the order the INIT_CALLS layout places their sections.
    public var ids: [InitcallID] {
        didSet { lookup = Lookup(ids) }
    }
    /// `initcall_levels[]`: N+1 boundary symbols; level n runs
    /// `[initcall_levels[n], initcall_levels[n+1])`.
    public var initcallLevels: [String]
    /// `initcall_level_names[]`: N names, used by the parameter pass and the level tracepoint.
    public var initcallLevelNames: [String]
    /// `do_pre_smp_initcalls()` walks `[__initcall_start, __initcall0_start)`; nil when the
    /// kernel has no such table walk (Linux before 2.6.28, a kernel that is not Linux).
    public var earlySlice: (start: String, end: String)?
    /// `console_init()` walks `[__con_initcall_start, __con_initcall_end)`; nil when the kernel
    /// has no console table.
    public var consoleSlice: (start: String, end: String)?
    /// How `do_initcalls()` walks `initcall_levels[]`: one `do_initcall_level()` with its own
    /// parameter pass per level (3.4 and later), or one plain loop from the first boundary to
    /// the last (up to 3.3), with no passes.
    public var loop: KernelVersion.InitcallLoop = .perLevel
    /// Where the table was written, when it was read from files: used to place findings.
    /// Not part of equality: two tables that say the same are equal wherever they came from.
    public var sources: LevelSources?
    /// Where each macro and id is in ``ids``, kept with it: tables read from files can hold
    /// thousands of macros, and every registration looks one up.
    private var lookup: Lookup

    private struct Lookup: Sendable {
        var byMacro = NameIndex()
        var byID: [String: Int] = [:]

        init(_ ids: [InitcallID]) {
            for (index, id) in ids.enumerated() {
                if byID[id.id] == nil { byID[id.id] = index }
                for macro in id.macros { byMacro.insertIfAbsent(macro, value: index) }
            }
        }
    }

    /// A table from its parts: the ids in layout order, `initcall_levels[]`,
    /// `initcall_level_names[]`, and the symbols bracketing the early and console walks (Linux's
    /// unless given).
    public init(
        ids: [InitcallID], initcallLevels: [String], initcallLevelNames: [String],
        earlySlice: (start: String, end: String)? = ("__initcall_start", "__initcall0_start"),
        consoleSlice: (start: String, end: String)? = ("__con_initcall_start", "__con_initcall_end"),
        loop: KernelVersion.InitcallLoop = .perLevel
    ) {
        self.ids = ids
        self.lookup = Lookup(ids)
        self.initcallLevels = initcallLevels
        self.initcallLevelNames = initcallLevelNames
        self.earlySlice = earlySlice
        self.consoleSlice = consoleSlice
        self.loop = loop
    }

    public static func == (lhs: LevelTable, rhs: LevelTable) -> Bool {
        lhs.ids == rhs.ids && lhs.initcallLevels == rhs.initcallLevels
            && lhs.initcallLevelNames == rhs.initcallLevelNames
            && lhs.earlySlice?.start == rhs.earlySlice?.start && lhs.earlySlice?.end == rhs.earlySlice?.end
            && lhs.consoleSlice?.start == rhs.consoleSlice?.start && lhs.consoleSlice?.end == rhs.consoleSlice?.end
            && lhs.loop == rhs.loop
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ids)
        hasher.combine(initcallLevels)
        hasher.combine(initcallLevelNames)
    }

    public var description: String {
        "LevelTable(ids: \(ids.map(\.id)), initcall_levels: \(initcallLevels), names: \(initcallLevelNames))"
    }

    /// The registration id a macro expands to (`core_initcall_sync` → `1s`), or nil.
    public func id(forMacro macro: String) -> InitcallID? {
        lookup.byMacro.value(for: macro).map { ids[$0] }
    }

    /// The index in ``ids`` of the id `macro` expands to, or nil.
    func macroIndex(_ macro: String) -> Int? {
        lookup.byMacro.value(for: macro)
    }

    /// The macro spelled `bytes` (the table's own string of it) and the index in ``ids`` of
    /// the id it expands to, or nil.
    func macro(matching bytes: UnsafeBufferPointer<UInt8>) -> (name: String, index: Int)? {
        lookup.byMacro.entry(for: bytes).map { ($0.name, $0.value) }
    }

    /// The registration id named `id` (`"6s"`), or nil.
    public func id(named id: String) -> InitcallID? {
        lookup.byID[id].map { ids[$0] }
    }

    /// The index in ``ids`` of the id named `id` (`"6s"`), or nil.
    public func index(ofID id: String) -> Int? { lookup.byID[id] }

    /// Every macro name, in table order.
    public var macroNames: [String] { ids.flatMap(\.macros) }

    /// The Linux 6.x table (include/linux/init.h, init/main.c,
    /// include/asm-generic/vmlinux.lds.h): `early`, `0` pure … `7` late with the `Ns` sync
    /// sections, `rootfs` between `5s` and `6` (the tail of level 5), and the console table.
    public static let linux6: LevelTable = {
        var ids: [InitcallID] = [InitcallID(id: "early", macros: ["early_initcall"])]
        let named: [(String, [String])] = [
            ("0", ["pure_initcall"]), ("1", ["core_initcall"]), ("2", ["postcore_initcall"]),
            ("3", ["arch_initcall"]), ("4", ["subsys_initcall"]), ("5", ["fs_initcall"]),
            ("rootfs", ["rootfs_initcall"]), ("6", ["device_initcall", "__initcall", "module_init"]),
            ("7", ["late_initcall"]),
        ]
        for (id, macros) in named {
            ids.append(InitcallID(id: id, macros: macros))
            // INIT_CALLS_LEVEL(level) collects `.initcall<level>s.init` right after each level,
            // `rootfss` included although no macro emits it.
            let syncMacros = macros.first.map { id == "0" || id == "rootfs" ? [] : [$0 + "_sync"] } ?? []
            ids.append(InitcallID(id: id + "s", macros: syncMacros))
        }
        ids.append(InitcallID(id: "con", macros: ["console_initcall"], sectionBase: ".con_initcall"))
        return LevelTable(
            ids: ids,
            initcallLevels: (0...7).map { "__initcall\($0)_start" } + ["__initcall_end"],
            initcallLevelNames: ["pure", "core", "postcore", "arch", "subsys", "fs", "device", "late"])
    }()
}
