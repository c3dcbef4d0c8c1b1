import SourceInput

/// A compiled object file (translation unit) of the kernel image: its path, as kbuild and the
/// linker name it, and its initcall registrations in source order.
public struct ObjectFile: Sendable {
    /// The object's path, as kbuild and the linker name it (`drivers/base/core.o`).
    public var path: String
    /// Its registrations, in source order.
    public var entries: [InitcallEntry]
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
        self.entries = unit.entries
        self.unknownMacros = unit.unknownMacros
    }
}
