import LinkerScript
import SourceInput

/// Reads level tables from the files a kernel keeps them in, as a kernel engineer edits them:
///
///     /* include/linux/init.h */
///     #if 1
///     #define prev_device_initcall(fn)	__define_initcall(fn, 6)
///     #define device_initcall(fn)		__define_initcall(fn, 7)
///     #define late_initcall(fn)		__define_initcall(fn, 8)
///     #else
///     #define device_initcall(fn)		__define_initcall(fn, 6)
///     #define late_initcall(fn)		__define_initcall(fn, 7)
///     #endif
///
///     /* init/main.c */
///     static initcall_entry_t *initcall_levels[] __initdata = { __initcall0_start, …, __initcall_end, };
///     static const char *initcall_level_names[] __initdata = { "pure", …, };
///
/// Every function-like macro whose expansion of `NAME(fn)` is `__define_initcall(fn, ID)`
/// registers at `ID` (section `.initcall<ID>.init`); one that gives
/// `___define_initcall(fn, ID, SECTION)` registers in `SECTION.init` (the console table). The
/// arrays, when given, replace the `base` table's; when not, the base's are used — which is
/// exactly what a kernel whose `init/main.c` was not edited does. The base is Linux 6.x's
/// table unless the caller names the release being edited (``LevelTable/linux(for:)``).
public enum LevelDefinitions {
    /// Reads and combines `files` (read with `loader`, preprocessed with `options`), on top of
    /// `base`: what the files do not define stays as the base has it.
    public static func load(
        _ files: [String], options: Preprocessor.Options = Preprocessor.Options(kbuildDefines: false),
        base: LevelTable = .linux6, loader: @escaping Preprocessor.FileLoader
    ) throws(LevelDefinitionError) -> LevelTable {
        var parts: [PreprocessedFile] = []
        for file in files {
            do throws(LinkerScriptError) {
                parts.append(try Preprocessor.preprocess(file: file, options: options, loader: loader))
            } catch {
                throw .preprocessor(error)
            }
        }
        return try table(from: parts, base: base)
    }

    /// Reads one levels file given as text, on top of `base`.
    public static func parse(
        _ text: String, file: String, options: Preprocessor.Options = Preprocessor.Options(kbuildDefines: false),
        base: LevelTable = .linux6, loader: @escaping Preprocessor.FileLoader = Preprocessor.noFiles
    ) throws(LevelDefinitionError) -> LevelTable {
        let part: PreprocessedFile
        do throws(LinkerScriptError) {
            part = try Preprocessor.preprocess(text, file: file, options: options, loader: loader)
        } catch {
            throw .preprocessor(error)
        }
        return try table(from: [part], base: base)
    }

    static func table(from parts: [PreprocessedFile], base: LevelTable) throws(LevelDefinitionError) -> LevelTable {
        var registrations: [Registration] = []
        var levels: [(String, SourceLocation)]?
        var names: [(String, SourceLocation)]?
        var walks = DeclaredWalks()
        for part in parts {
            let found = try self.registrations(in: part.macros)
            registrations += found
            var reader = ArrayReader(tokens: part.tokens, origins: part.source.origins ?? [])
            let partLevels = try reader.array("initcall_levels", strings: false)
            reader = ArrayReader(tokens: part.tokens, origins: part.source.origins ?? [])
            let partNames = try reader.array("initcall_level_names", strings: true)
            let partWalks = DeclaredWalks(WalkReader(tokens: part.tokens))
            // A file that says nothing about levels (empty, or not a kernel file at all) was
            // named by mistake: keeping the Linux table without a word would hide that.
            if found.isEmpty, partLevels == nil, partNames == nil, partWalks.isEmpty { throw definesNothing(part) }
            if let partLevels { levels = partLevels }
            if let partNames { names = partNames }
            walks.update(with: partWalks)
        }
        var table = base
        table.sources = nil
        // INIT_CALLS_LEVEL() collects each level's `_sync` section (3.4 and later); the single
        // INITCALLS list of older kernels names only the sections that exist.
        let singleLoop = levels == nil && (walks.levels != nil || base.loop == .single)
        if !registrations.isEmpty { table.ids = ids(from: registrations, addingSyncSiblings: !singleLoop) }
        if let levels { table.initcallLevels = levels.map(\.0) }
        if let names { table.initcallLevelNames = names.map(\.0) }
        walks.apply(to: &table, levelsGiven: levels != nil)
        var sources = LevelSources(files: parts.flatMap { $0.files.filter { $0 != "<command-line>" } })
        sources.warnings = parts.flatMap(\.warnings)
        for registration in registrations { sources.macros[registration.macro] = registration.location }
        sources.initcallLevels = levels?.map(\.1)
        sources.initcallLevelNames = names?.map(\.1)
        table.sources = sources
        return table
    }

    /// The table walks the files' C code declares (see ``WalkReader``), later files winning.
    struct DeclaredWalks {
        var levels: (start: String, end: String)?
        var early: (start: String, end: String)?
        var console: (start: String, end: String)?

        init() {}

        init(_ reader: WalkReader) {
            levels = reader.walk(in: "do_initcalls").map { ($0.start, $0.end) }
            early = reader.walk(in: "do_pre_smp_initcalls").map { ($0.start, $0.end) }
            console = reader.walk(in: "console_init").map { ($0.start, $0.end) }
        }

        var isEmpty: Bool { levels == nil && early == nil && console == nil }

        mutating func update(with other: DeclaredWalks) {
            levels = other.levels ?? levels
            early = other.early ?? early
            console = other.console ?? console
        }

        /// Sets the walks: a `do_initcalls()` loop makes a single-loop kernel (up to 3.3); a
        /// walk the code does not declare exists when the table has something to run in it
        /// — an early walk when a macro registers at `early`, the console walk when one fills
        /// the console table — as in Linux; a kernel without either has no such walk.
        func apply(to table: inout LevelTable, levelsGiven: Bool) {
            if levelsGiven { table.loop = .perLevel }
            if let levels, !levelsGiven {
                table.loop = .single
                table.initcallLevels = [levels.start, levels.end]
                table.initcallLevelNames = ["initcalls"]
            }
            if let early {
                table.earlySlice = early
            } else if table.id(named: "early") != nil, let first = table.initcallLevels.first {
                table.earlySlice = ("__initcall_start", first)
            } else {
                table.earlySlice = nil
            }
            let fillsConsole = table.ids.contains { $0.sectionBase == ".con_initcall" }
            if let console {
                table.consoleSlice = console
            } else if !fillsConsole {
                table.consoleSlice = nil
            } else if table.consoleSlice == nil {
                table.consoleSlice = ("__con_initcall_start", "__con_initcall_end")
            }
        }
    }

    private static func definesNothing(_ part: PreprocessedFile) -> LevelDefinitionError {
        let file = part.source.file
        return .invalid(
            Diagnostic(
                .error, at: SourceLocation(file: file, line: 1, column: 1),
                "'\(file)' defines no initcall level",
                notes: [
                    "a levels file defines registration macros (#define device_initcall(fn) __define_initcall(fn, 6)), or initcall_levels[] and initcall_level_names[] as init/main.c does"
                ]))
    }

    struct Registration {
        var macro: String
        var id: String
        var sectionBase: String
        var location: SourceLocation
    }

    /// The macros that register an initcall, in definition order.
    static func registrations(in macros: MacroTable) throws(LevelDefinitionError) -> [Registration] {
        let probe = "__initcall_sim_fn"
        let expanding = macros.removing(["__define_initcall", "___define_initcall"])
        var result: [Registration] = []
        for macro in macros.definitions {
            guard let parameters = macro.parameters, parameters.count == 1, !macro.isVariadic,
                !["__define_initcall", "___define_initcall"].contains(macro.name)
            else { continue }
            let tokens: [String]
            do throws(LinkerScriptError) {
                tokens = try Preprocessor.expand("\(macro.name)(\(probe))", macros: expanding)
            } catch {
                // The expansion is ours; the problem is in the #define the user wrote.
                let diagnostic = error.diagnostic
                throw .invalid(
                    Diagnostic(
                        .error, at: macro.location, diagnostic.message,
                        notes: ["while reading what \(macro.name)(fn) expands to"]
                            + diagnostic.notes.filter { !$0.hasPrefix("'\(macro.name)' is defined at") }))
            }
            if let (id, base) = registration(tokens, probe: probe) {
                result.append(Registration(macro: macro.name, id: id, sectionBase: base, location: macro.location))
            } else if let problem = unreadable(macro.name, tokens) {
                throw .invalid(Diagnostic(.error, at: macro.location, problem.message, notes: problem.notes))
            }
        }
        return result
    }

    /// The id and section base a level macro's expansion registers at, in each form
    /// `include/linux/init.h` has had (reference §2.6):
    ///
    /// - `__define_initcall(fn, ID)` — 3.8 and later (section `.initcall<ID>.init`);
    /// - `___define_initcall(fn, ID, SECTION)` — 4.19 and later (section `SECTION.init`);
    /// - `__define_initcall("LEVEL", fn, ID)` — 2.6.17 to 3.7, the level a string: the section
    ///   is `".initcall" level ".init"`;
    /// - `__define_initcall("LEVEL", fn)` — 2.6.1x, levels 1–7 only.
    ///
    /// A trailing `;` is allowed. Nil for anything else.
    static func registration(_ tokens: [String], probe: String) -> (String, String)? {
        var t = tokens
        while t.last == ";" { t.removeLast() }
        if let placed = sectionAttribute(t, probe: probe) { return placed }
        guard t.count >= 6, t[1] == "(", t.last == ")" else { return nil }
        if t[2] == probe, t[3] == "," {
            if t[0] == "__define_initcall", t.count == 6, LevelTable.isNameBody(t[4]) {
                return (t[4], ".initcall\(t[4])")
            }
            if t[0] == "___define_initcall", t.count >= 8, LevelTable.isNameBody(t[4]), t[5] == "," {
                let section = t[6..<(t.count - 1)].joined()
                return section.isEmpty ? nil : (t[4], section)
            }
            return nil
        }
        // The 2.6 forms: a string level first, then the function, then (2.6.17+) the id.
        guard t[0] == "__define_initcall", let level = stringLiteral(t[2]), LevelTable.isNameBody(level), t[3] == ",",
            t[4] == probe
        else { return nil }
        let twoArguments = t.count == 6
        let threeArguments = t.count == 8 && t[5] == "," && LevelTable.isNameBody(t[6])
        guard twoArguments || threeArguments else { return nil }
        return (level, ".initcall\(level)")
    }

    /// Why a macro that reads like a level macro cannot be read, or nil when it is simply not
    /// one: its expansion calls `__define_initcall`/`___define_initcall` with arguments of no
    /// form the kernel used, or calls something one typo away from them. Silently keeping
    /// the old table there would hide the mistake until a boot runs the wrong level.
    static func unreadable(_ name: String, _ tokens: [String]) -> (message: String, notes: [String])? {
        guard let first = tokens.first else { return nil }
        let defines = ["__define_initcall", "___define_initcall"]
        let forms = [
            "__define_initcall(fn, id)", "___define_initcall(fn, id, .section)", "__define_initcall(\"level\", fn, id)",
            "__define_initcall(\"level\", fn)",
        ]
        let expansion = tokens.joined(separator: " ").replacingOccurrences(of: "__initcall_sim_fn", with: "fn")
        if defines.contains(first) {
            return (
                "cannot read what \(name)(fn) registers: it expands to '\(expansion)'",
                ["a level macro expands to one of: " + forms.joined(separator: ", ")]
            )
        }
        let close = Suggestions.closest(to: first, in: defines)
        guard !close.isEmpty, first.count > 8 else { return nil }
        return (
            "\(name)(fn) expands to '\(expansion)': no such macro '\(first)'",
            ["did you mean \(close.map { "'\($0)'" }.joined(separator: " or "))?"]
        )
    }

    /// Before 4.19 `console_initcall()` (and `security_initcall()`) defined the entry by hand:
    /// `static initcall_t __initcall_##fn __used __section(.con_initcall.init) = fn`, or with
    /// `__attribute__((__section__(".con_initcall.init")))`. The section, read from the
    /// attribute, gives the table; the id is `con` for the console table.
    static func sectionAttribute(_ t: [String], probe: String) -> (String, String)? {
        guard t.count >= 3, t[t.count - 1] == probe, t[t.count - 2] == "=",
            let keyword = t.firstIndex(where: { $0 == "__section__" || $0 == "__section" }),
            keyword + 2 < t.count, t[keyword + 1] == "("
        else { return nil }
        var section = ""
        var index = keyword + 2
        while index < t.count, t[index] != ")" {
            section += stringLiteral(t[index]) ?? t[index]
            index += 1
        }
        guard section.hasSuffix(".init"), section.count > ".init".count, section.hasPrefix(".") else { return nil }
        let base = String(section.dropLast(".init".count))
        return LevelTable.isNameBody(idOfSection(base)) ? (idOfSection(base), base) : nil
    }

    /// The id a hand-placed section registers at: `con` for the console table, `6` for
    /// `.initcall6`, and the last dot-separated part otherwise (`board` for another kernel's
    /// `.tinyk_init.board`, `security_initcall` for `.security_initcall`).
    static func idOfSection(_ base: String) -> String {
        if base == ".con_initcall" { return "con" }
        if base.hasPrefix(".initcall"), base.count > ".initcall".count {
            return String(base.dropFirst(".initcall".count))
        }
        return String(base.split(separator: ".").last ?? "")
    }

    /// The contents of a C string literal token (`"6s"` → `6s`), or nil.
    private static func stringLiteral(_ token: String) -> String? {
        guard token.count >= 2, token.hasPrefix("\""), token.hasSuffix("\"") else { return nil }
        return String(token.dropFirst().dropLast())
    }

    /// Ids in the order their macros were defined, each with its macros, and the `<id>s`
    /// sibling INIT_CALLS_LEVEL collects added where no macro names it.
    static func ids(from registrations: [Registration], addingSyncSiblings: Bool = true) -> [InitcallID] {
        // Dictionaries, not searches: a file may define thousands of level macros.
        var ids: [InitcallID] = []
        var indexOf: [String: Int] = [:]
        var macrosOf: [Int: Set<String>] = [:]
        for r in registrations {
            if let index = indexOf[r.id] {
                if macrosOf[index, default: []].insert(r.macro).inserted { ids[index].macros.append(r.macro) }
            } else {
                indexOf[r.id] = ids.count
                macrosOf[ids.count] = [r.macro]
                ids.append(InitcallID(id: r.id, macros: [r.macro], sectionBase: r.sectionBase))
            }
        }
        var result: [InitcallID] = []
        var placed = Set<String>()
        for id in ids {
            if id.id.hasSuffix("s"), indexOf[String(id.id.dropLast())] != nil { continue }
            result.append(id)
            placed.insert(id.id)
            guard id.sectionBase == ".initcall\(id.id)", id.id != "early" else { continue }
            if let index = indexOf[id.id + "s"] {
                result.append(ids[index])
                placed.insert(ids[index].id)
            } else if addingSyncSiblings {
                result.append(InitcallID(id: id.id + "s", macros: []))
            }
        }
        // A sync id whose base id no macro names stays where it was.
        for id in ids where !placed.contains(id.id) { result.append(id) }
        return result
    }
}
