import SourceInput

/// A compiled object file (translation unit) of the kernel image: its path, as kbuild and the
/// linker name it, its initcall registrations in source order, and the parameters and boot
/// option handlers it declares.
public struct ObjectFile: Sendable {
    /// The object's path, as kbuild and the linker name it (`drivers/base/core.o`).
    public var path: String
    /// `KBUILD_MODNAME`: the name of the module the object is built into, which prefixes its
    /// parameters on the command line (`par.age`). By default the object's base name with `-`
    /// and `,` made `_`, as kbuild's `name-fix` does for a single-object module.
    public var modname: String
    /// Its registrations, in source order.
    public var entries: [InitcallEntry]
    /// Its parameters (`module_param()` and friends), in source order: its part of `__param`.
    public var params: [ModuleParam] = []
    /// Its `MODULE_PARM_DESC()` texts, in source order.
    public var paramDescriptions: [ParamDescription] = []
    /// Its `__setup()` and `early_param()` handlers, in source order: its part of `.init.setup`.
    public var setups: [SetupDeclaration] = []
    /// Registrations that named a macro the level table does not define; linking fails on them
    /// as compiling would ("implicit declaration of function").
    public var unknownMacros: [(macro: String, function: String, source: SourceLocation?)]
    /// The `-D` names it was compiled with (`ccflags-y += -DDEBUG`, `CFLAGS_foo.o += -DDEBUG`):
    /// with `DEBUG` its `pr_debug()` calls print, as `#define DEBUG` at the top of the file does.
    public var defines: [String] = []

    /// Whether the object defines `DEBUG`.
    public var definesDEBUG: Bool { defines.contains { $0 == "DEBUG" || $0.hasPrefix("DEBUG=") } }

    /// An object with registrations already made (see
    /// ``LevelTable/registration(_:macro:source:)``).
    public init(path: String, entries: [InitcallEntry] = []) {
        self.path = path
        self.modname = ObjectFile.defaultModname(path)
        self.entries = entries
        self.unknownMacros = []
    }

    /// Builds an object the way a C file is written: registrations in source order.
    ///
    ///     let core = ObjectFile("drivers/base/core.o") { tu in
    ///         tu.core_initcall(driver_core_init)
    ///     }
    public init(_ path: String, levels: LevelTable = .linux6, _ build: (TranslationUnit) -> Void) {
        let unit = TranslationUnit(path: path, levels: levels)
        build(unit)
        self.path = path
        self.modname = unit.modname
        self.entries = unit.entries
        self.unknownMacros = unit.unknownMacros
        self.params = unit.params
        self.paramDescriptions = unit.paramDescriptions
        self.setups = unit.setups
    }

    /// `KBUILD_MODNAME` kbuild gives a single-object module: the base name without `.o`, with
    /// `-` and `,` turned into `_` (scripts/Makefile.lib, `name-fix-token`).
    public static func defaultModname(_ path: String) -> String {
        // By bytes, as make and the shell see the name: '/', '.', '-' and ',' are ASCII and
        // never part of a multi-byte sequence.
        path.withUTF8Bytes { bytes in
            let start = bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0
            var end = bytes.count
            if let dot = bytes[start...].lastIndex(of: UInt8(ascii: ".")), dot != start { end = dot }
            let isSeparator = { (byte: UInt8) in byte == UInt8(ascii: "-") || byte == UInt8(ascii: ",") }
            let base = bytes[start..<end]
            // Most names have nothing to replace: no copy of the bytes for them.
            guard base.contains(where: isSeparator) else {
                return String(decoding: UnsafeBufferPointer(rebasing: base), as: UTF8.self)
            }
            return String(decoding: base.map { isSeparator($0) ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
        }
    }
}

/// What a parameter is for (`parm=name:desc` in `.modinfo`). Mirrors `MODULE_PARM_DESC()`
/// (include/linux/moduleparam.h).
public struct ParamDescription: Sendable, Hashable {
    /// The parameter's name (without prefix).
    public var name: String
    /// The description.
    public var text: String
    /// Where it was written.
    public var source: SourceLocation?

    /// The description `text` of parameter `name`.
    public init(name: String, text: String, source: SourceLocation? = nil) {
        self.name = name
        self.text = text
        self.source = source
    }
}
