import LinkerScript
import SourceInput

/// Why a levels file cannot be read.
public enum LevelDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The C preprocessor rejected the file (bad directive, unterminated `#if`, …).
    case preprocessor(LinkerScriptError)
    /// The file preprocesses but says something that is not a level table.
    case invalid(Diagnostic)

    public var diagnostic: Diagnostic {
        switch self {
        case .preprocessor(let error): return error.diagnostic
        case .invalid(let d): return d
        }
    }

    public var description: String { diagnostic.description }
}

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
/// arrays, when given, replace Linux's; when not, Linux 6.x's are used — which is exactly what
/// a kernel whose `init/main.c` was not edited does.
public enum LevelDefinitions {
    /// Reads and combines `files` (read with `loader`, preprocessed with `options`).
    public static func load(
        _ files: [String], options: Preprocessor.Options = Preprocessor.Options(kbuildDefines: false),
        loader: @escaping Preprocessor.FileLoader
    ) throws(LevelDefinitionError) -> LevelTable {
        var parts: [PreprocessedFile] = []
        for file in files {
            do throws(LinkerScriptError) {
                parts.append(try Preprocessor.preprocess(file: file, options: options, loader: loader))
            } catch {
                throw .preprocessor(error)
            }
        }
        return try table(from: parts)
    }

    /// Reads one levels file given as text.
    public static func parse(
        _ text: String, file: String, options: Preprocessor.Options = Preprocessor.Options(kbuildDefines: false),
        loader: @escaping Preprocessor.FileLoader = Preprocessor.noFiles
    ) throws(LevelDefinitionError) -> LevelTable {
        let part: PreprocessedFile
        do throws(LinkerScriptError) {
            part = try Preprocessor.preprocess(text, file: file, options: options, loader: loader)
        } catch {
            throw .preprocessor(error)
        }
        return try table(from: [part])
    }

    static func table(from parts: [PreprocessedFile]) throws(LevelDefinitionError) -> LevelTable {
        var registrations: [Registration] = []
        var levels: [(String, SourceLocation)]?
        var names: [(String, SourceLocation)]?
        for part in parts {
            registrations += try self.registrations(in: part.macros)
            var reader = ArrayReader(tokens: part.tokens, origins: part.source.origins ?? [])
            if let found = try reader.array("initcall_levels", strings: false) { levels = found }
            reader = ArrayReader(tokens: part.tokens, origins: part.source.origins ?? [])
            if let found = try reader.array("initcall_level_names", strings: true) { names = found }
        }
        var table = LevelTable.linux6
        if !registrations.isEmpty { table.ids = ids(from: registrations) }
        if let levels { table.initcallLevels = levels.map(\.0) }
        if let names { table.initcallLevelNames = names.map(\.0) }
        if let first = table.initcallLevels.first { table.earlySlice.end = first }
        var sources = LevelSources(files: parts.flatMap { $0.files.filter { $0 != "<command-line>" } })
        for registration in registrations { sources.macros[registration.macro] = registration.location }
        sources.initcallLevels = levels?.map(\.1)
        sources.initcallLevelNames = names?.map(\.1)
        table.sources = sources
        return table
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
                throw .preprocessor(error)
            }
            if let (id, base) = registration(tokens, probe: probe) {
                result.append(Registration(macro: macro.name, id: id, sectionBase: base, location: macro.location))
            }
        }
        return result
    }

    /// `__define_initcall ( fn , ID ) [;]` or `___define_initcall ( fn , ID , SECTION ) [;]`.
    static func registration(_ tokens: [String], probe: String) -> (String, String)? {
        var t = tokens
        while t.last == ";" { t.removeLast() }
        guard t.count >= 6, t[1] == "(", t[2] == probe, t[3] == ",", t.last == ")" else { return nil }
        if t[0] == "__define_initcall", t.count == 6, LevelTable.isNameBody(t[4]) {
            return (t[4], ".initcall\(t[4])")
        }
        if t[0] == "___define_initcall", t.count >= 8, LevelTable.isNameBody(t[4]), t[5] == "," {
            let section = t[6..<(t.count - 1)].joined()
            return section.isEmpty ? nil : (t[4], section)
        }
        return nil
    }

    /// Ids in the order their macros were defined, each with its macros, and the `<id>s`
    /// sibling INIT_CALLS_LEVEL collects added where no macro names it.
    static func ids(from registrations: [Registration]) -> [InitcallID] {
        var ids: [InitcallID] = []
        for r in registrations {
            if let index = ids.firstIndex(where: { $0.id == r.id }) {
                if !ids[index].macros.contains(r.macro) { ids[index].macros.append(r.macro) }
            } else {
                ids.append(InitcallID(id: r.id, macros: [r.macro], sectionBase: r.sectionBase))
            }
        }
        var result: [InitcallID] = []
        let names = Set(ids.map(\.id))
        for id in ids {
            if id.id.hasSuffix("s"), names.contains(String(id.id.dropLast())) { continue }
            result.append(id)
            guard id.sectionBase == ".initcall\(id.id)", id.id != "early" else { continue }
            result.append(ids.first { $0.id == id.id + "s" } ?? InitcallID(id: id.id + "s", macros: []))
        }
        // A sync id whose base id no macro names stays where it was.
        for id in ids where !result.contains(where: { $0.id == id.id }) { result.append(id) }
        return result
    }
}

/// Reads `NAME[] … = { a, b, … };` from preprocessed C tokens: identifiers for
/// `initcall_levels[]`, string literals for `initcall_level_names[]`.
struct ArrayReader {
    let tokens: [(text: String, location: SourceLocation)]
    /// The preprocessed lines' origins, for the caret display of errors.
    let origins: [LineOrigin]
    var position = 0

    /// The entries of the last definition of `name` in the tokens, or nil if there is none.
    mutating func array(_ name: String, strings: Bool) throws(LevelDefinitionError) -> [(String, SourceLocation)]? {
        var found: [(String, SourceLocation)]?
        while position < tokens.count {
            guard tokens[position].text == name, position + 2 < tokens.count, tokens[position + 1].text == "[" else {
                position += 1
                continue
            }
            let start = tokens[position].location
            position += 2
            // Skip to `=` (past `]`, attributes such as __initdata); a declaration without
            // one (`extern …[];`) is not a definition.
            while position < tokens.count, tokens[position].text != "=", tokens[position].text != ";" { position += 1 }
            guard position < tokens.count, tokens[position].text == "=" else { continue }
            position += 1
            found = try entries(of: name, strings: strings, at: start)
        }
        return found
    }

    private mutating func entries(of name: String, strings: Bool, at start: SourceLocation) throws(LevelDefinitionError)
        -> [(String, SourceLocation)]
    {
        guard position < tokens.count, tokens[position].text == "{" else {
            throw invalid("expected '{' after '\(name)[] ='", at: position < tokens.count ? tokens[position].location : start)
        }
        position += 1
        var result: [(String, SourceLocation)] = []
        let wantsString = strings
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            if token.text == "}" { return result }
            if token.text == "," { continue }
            if wantsString {
                guard token.text.hasPrefix("\""), token.text.hasSuffix("\""), token.text.count >= 2 else {
                    throw invalid("expected a level name in quotes in \(name)[], found '\(token.text)'", at: token.location)
                }
                result.append((String(token.text.dropFirst().dropLast()), token.location))
            } else {
                guard let first = token.text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic,
                    LevelTable.isNameBody(token.text)
                else {
                    throw invalid("expected a boundary symbol in \(name)[], found '\(token.text)'", at: token.location)
                }
                result.append((token.text, token.location))
            }
        }
        throw invalid("'\(name)[]' is not closed with '}'", at: start)
    }

    private func invalid(_ message: String, at location: SourceLocation) -> LevelDefinitionError {
        let line = origins.first { $0.file == location.file && $0.line == location.line }?.text
        return .invalid(Diagnostic(.error, at: location, message, sourceLine: line))
    }
}
