/// Writing a level table back as the three places a kernel keeps it: the `INIT_CALLS` part of
/// the linker script, the registration macros of `include/linux/init.h`, and the two tables
/// of `init/main.c`. What these write reads back (with ``LevelDefinitions``) as the same table.
extension LevelTable {
    /// A group of the layout: the id whose `__initcall<id>_start` symbol opens it, and the ids
    /// collected after the symbol (the id, then its `_sync` sibling), as INIT_CALLS_LEVEL does.
    struct LayoutGroup {
        var symbol: String?
        var ids: [String]
    }

    /// The `.initcall` ids grouped as INIT_CALLS places them: `early` without a symbol of its
    /// own (it follows `__initcall_start`), every other id with `__initcall<id>_start` and its
    /// `<id>s` sibling. The console table is not part of INIT_CALLS.
    var layoutGroups: [LayoutGroup] {
        var groups: [LayoutGroup] = []
        let names = Set(ids.map(\.id))
        for id in ids where id.sectionBase == ".initcall\(id.id)" {
            if id.id.hasSuffix("s"), names.contains(String(id.id.dropLast())) { continue }
            if id.id == "early" {
                groups.append(LayoutGroup(symbol: nil, ids: [id.id]))
            } else {
                groups.append(LayoutGroup(symbol: "__initcall\(id.id)_start", ids: [id.id, id.id + "s"]))
            }
        }
        return groups
    }

    /// The expanded `INIT_CALLS` statements, one a line, as `cpp -P` would leave them (one
    /// statement a line rather than one long line):
    ///
    ///     __initcall_start = .;
    ///     KEEP(*(.initcallearly.init))
    ///     __initcall0_start = .;
    ///     KEEP(*(.initcall0.init))
    ///     KEEP(*(.initcall0s.init))
    ///     …
    ///     __initcall_end = .;
    public func initCallsText(indent: String = "\t\t") -> String {
        var lines = ["\(initCallsStart) = .;"]
        for group in layoutGroups {
            if let symbol = group.symbol { lines.append("\(symbol) = .;") }
            lines += group.ids.map { "KEEP(*(.initcall\($0).init))" }
        }
        lines.append("\(initcallLevels.last ?? "__initcall_end") = .;")
        return lines.map { indent + $0 }.joined(separator: "\n") + "\n"
    }

    /// `#define INIT_CALLS …` in the form of include/asm-generic/vmlinux.lds.h, with
    /// `INIT_CALLS_LEVEL(level)` for each level group.
    public func initCallsMacroText() -> String {
        var body = ["\(initCallsStart) = .;"]
        for group in layoutGroups {
            if let symbol = group.symbol, let id = group.ids.first, symbol == "__initcall\(id)_start" {
                body.append("INIT_CALLS_LEVEL(\(id))")
            } else {
                body += group.ids.map { "KEEP(*(.initcall\($0).init))" }
            }
        }
        body.append("\(initcallLevels.last ?? "__initcall_end") = .;")
        return "#define INIT_CALLS\t\t\t\t\t\t\t\\\n" + body.map { "\t\t" + $0 }.joined(separator: "\t\\\n") + "\n"
    }

    /// The registration macros as `include/linux/init.h` writes them, one `#define` a macro:
    /// `#define device_initcall(fn) __define_initcall(fn, 6)`; the console table's with
    /// `___define_initcall(fn, con, .con_initcall)`.
    public func headerText() -> String {
        var lines: [String] = []
        for id in ids {
            for macro in id.macros {
                if id.sectionBase == ".initcall\(id.id)" {
                    lines.append("#define \(macro)(fn)\t\t__define_initcall(fn, \(id.id))")
                } else {
                    lines.append("#define \(macro)(fn)\t\t___define_initcall(fn, \(id.id), \(id.sectionBase))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `initcall_levels[]` and `initcall_level_names[]` as init/main.c declares them.
    public func initcallLevelsText() -> String {
        var text = "static initcall_entry_t *initcall_levels[] __initdata = {\n"
        for symbol in initcallLevels { text += "\t\(symbol),\n" }
        text += "};\n\n/* Keep these in sync with initcalls in include/linux/init.h */\n"
        text += "static const char *initcall_level_names[] __initdata = {\n"
        for name in initcallLevelNames { text += "\t\"\(name)\",\n" }
        return text + "};\n"
    }

    /// The symbol `INIT_CALLS` opens with: where the early walk starts, `__initcall_start`
    /// when the table has none.
    var initCallsStart: String { earlySlice?.start ?? "__initcall_start" }

    /// The first symbol of the table walks: where the early walk starts, or the first level.
    public var initCallsFirst: String { earlySlice?.start ?? initcallLevels.first ?? "__initcall_start" }
}
