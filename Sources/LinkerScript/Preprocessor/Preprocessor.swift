import SourceInput

/// The C preprocessor in front of the linker-script parser, as kbuild runs it over
/// `arch/*/kernel/vmlinux.lds.S` (`cpp -P -D__ASSEMBLY__ -DLINKER_SCRIPT`): `#define` with
/// `#` and `##`, `#undef`, `#if`/`#ifdef`/`#ifndef`/`#elif`/`#else`/`#endif`, `#include`,
/// comments and backslash continuations. The output is a ``ScriptSource`` whose every line
/// knows the file and line it came from, so that ld syntax errors point at what the user wrote.
///
///     let pre = try Preprocessor.preprocess(file: "vmlinux.lds.S", options: .init(defines: ["CONFIG_X86_64"]))
///     let script = try LinkerScript.parse(pre.source)
public enum Preprocessor {
    /// Reads a file given its path; throws when there is none.
    public typealias FileLoader = @Sendable (String) throws -> String

    /// How a run goes: `cpp`'s `-D`, `-U` and `-I` options, the directories includes may read from,
    /// the work budgets, and kbuild's predefined macros.
    public struct Options: Sendable, Hashable {
        /// `-D` arguments: `NAME`, `NAME=VALUE`, `NAME(args)=body`.
        public var defines: [String]
        /// `-U` arguments, applied after the defines.
        public var undefines: [String]
        /// `-I` directories, searched in order for `<…>` includes, and after the including
        /// file's own directory for `"…"` includes.
        public var includeDirectories: [String]
        /// Directories an included file must lie in; nil means the main file's directory plus
        /// the include directories.
        public var allowedRoots: [String]?
        /// Nesting of `#include` (GCC allows 200; scripts need a handful).
        public var maxIncludeDepth: Int
        /// Tokens macro expansion may produce over the whole run.
        public var expansionBudget: Int
        /// Tokens the run may read from all files together (bounds include loops).
        public var inputBudget: Int
        /// Predefine `__ASSEMBLY__` and `LINKER_SCRIPT` as kbuild's `cpp_lds_S` rule does.
        public var kbuildDefines: Bool

        /// Options as `cpp` takes them; the defaults are kbuild's (`__ASSEMBLY__` and
        /// `LINKER_SCRIPT` predefined) with the budgets the README documents.
        public init(
            defines: [String] = [], undefines: [String] = [], includeDirectories: [String] = [],
            allowedRoots: [String]? = nil, maxIncludeDepth: Int = 40, expansionBudget: Int = 1_000_000,
            inputBudget: Int = 1_000_000, kbuildDefines: Bool = true
        ) {
            self.defines = defines
            self.undefines = undefines
            self.includeDirectories = includeDirectories
            self.allowedRoots = allowedRoots
            self.maxIncludeDepth = maxIncludeDepth
            self.expansionBudget = expansionBudget
            self.inputBudget = inputBudget
            self.kbuildDefines = kbuildDefines
        }
    }

    /// Preprocesses `text`, the contents of `file`; includes are read with `loader`.
    public static func preprocess(
        _ text: String, file: String, options: Options = Options(), loader: @escaping FileLoader = Preprocessor.noFiles
    ) throws(LinkerScriptError) -> PreprocessedFile {
        var run = PreprocessorRun(options: options, loader: loader, mainFile: file)
        try run.defineFromCommandLine()
        try run.process(text, file: file, depth: 0)
        return run.result()
    }

    /// Reads `file` with `loader` and preprocesses it.
    public static func preprocess(file: String, options: Options = Options(), loader: @escaping FileLoader)
        throws(LinkerScriptError) -> PreprocessedFile
    {
        try preprocess(try read(file, loader: loader), file: file, options: options, loader: loader)
    }

    /// The text of `file`, or an error at `file:1:1` saying why it cannot be read.
    static func read(_ file: String, loader: FileLoader) throws(LinkerScriptError) -> String {
        do {
            return try loader(file)
        } catch {
            throw .preprocessor(
                Diagnostic(
                    .error, at: InputFile.location(of: error, path: file),
                    "cannot read '\(file)': \(InputFile.explain(error))"))
        }
    }

    /// True when `text` needs the preprocessor: its name ends in `.S` or `.h`, or a line starts
    /// with a directive (`#define`, `#include`, `#if…`, `#undef`). A `# 12 "file"` line marker
    /// of already preprocessed text does not count.
    public static func needsPreprocessing(_ text: String, file: String) -> Bool {
        if file.hasSuffix(".S") || file.hasSuffix(".h") { return true }
        for line in SourceText.lines(text) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            guard trimmed.first == "#" else { continue }
            let word = trimmed.dropFirst().drop { $0 == " " || $0 == "\t" }.prefix { $0.isLetter }
            if ["define", "include", "if", "ifdef", "ifndef", "undef"].contains(String(word)) { return true }
        }
        return false
    }

    /// Expands `text` with `macros` and returns the resulting token spellings; used to see
    /// what a level macro such as `device_initcall(fn)` turns into.
    public static func expand(_ text: String, macros: MacroTable, file: String = "<expansion>")
        throws(LinkerScriptError)
        -> [String]
    {
        let files = PreprocessorFiles()
        let index = files.add(file, text: text)
        var tokens = try PreprocessingLexer(text: text, file: index, fileName: file).tokenize()
        tokens.removeAll { $0.isNewline }
        var expander = MacroExpander(macros: macros, files: files, budget: 100_000)
        return try expander.expand(tokens).map(\.text)
    }

    /// A loader for text that includes nothing: every file is missing.
    @Sendable public static func noFiles(_ path: String) throws -> String { throw NoFile() }

    struct NoFile: Error, CustomStringConvertible {
        var description: String { "no such file" }
    }
}

extension LinkerScript {
    /// Reads a linker script from `file`, through the preprocessor when it is in macro form
    /// (see ``Preprocessor/needsPreprocessing(_:file:)``). Preprocessor warnings join the
    /// parser's.
    public static func load(
        _ file: String, options: Preprocessor.Options = Preprocessor.Options(),
        loader: @escaping Preprocessor.FileLoader
    ) throws(LinkerScriptError) -> LinkerScript {
        try parse(try Preprocessor.read(file, loader: loader), file: file, options: options, loader: loader)
    }

    /// Parses `text`, preprocessing it first when it is in macro form.
    public static func parse(
        _ text: String, file: String, options: Preprocessor.Options, loader: @escaping Preprocessor.FileLoader
    ) throws(LinkerScriptError) -> LinkerScript {
        guard Preprocessor.needsPreprocessing(text, file: file) || !options.defines.isEmpty else {
            return try parse(text, file: file)
        }
        let preprocessed = try Preprocessor.preprocess(text, file: file, options: options, loader: loader)
        var script = try parse(preprocessed.source)
        script.warnings = preprocessed.warnings + script.warnings
        return script
    }
}
