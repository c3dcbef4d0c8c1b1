/// A compiled object file (translation unit) of the kernel image: its path, as kbuild and the
/// linker name it, and its initcall registrations in source order.
public struct ObjectFile: Sendable {
    public var path: String
    public var entries: [InitcallEntry]
    /// Registrations that named a macro the level table does not define; linking fails on them
    /// as compiling would ("implicit declaration of function").
    public var unknownMacros: [(macro: String, function: String, line: Int?)]

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

/// The registration macros, usable inside ``ObjectFile/init(_:levels:_:)``. Each call appends
/// one entry in source order, exactly as each macro line in a `.c` file emits one table entry.
/// Macros of custom levels are reached by name through dynamic member lookup:
/// `tu.prev_device_initcall(fn)`.
@dynamicMemberLookup
public final class TranslationUnit {
    public let path: String
    public let levels: LevelTable
    private(set) var entries: [InitcallEntry] = []
    private(set) var unknownMacros: [(macro: String, function: String, line: Int?)] = []

    init(path: String, levels: LevelTable) {
        self.path = path
        self.levels = levels
    }

    /// Registers `fn` with the macro named `macro`, as the level table defines it.
    public func register(_ fn: InitFunction, macro: String, line: Int? = nil) {
        if macro == "module_exit" || macro == "__exitcall" {
            entries.append(
                InitcallEntry(function: fn, macro: macro, id: "", sectionBase: ".exitcall", kind: .exitcall, sourceLine: line))
            return
        }
        guard let id = levels.id(forMacro: macro) else {
            unknownMacros.append((macro, fn.name, line))
            return
        }
        entries.append(InitcallEntry(function: fn, macro: macro, id: id.id, sectionBase: id.sectionBase, sourceLine: line))
    }

    /// `__define_initcall(fn, id)`: an entry in `.initcall<id>.init`, whatever the level table
    /// says; an id no pattern collects makes an orphan that never runs, as in the kernel.
    public func __define_initcall(_ fn: InitFunction, _ id: String, line: Int? = #line) {
        let known = levels.id(named: id)
        entries.append(
            InitcallEntry(
                function: fn, macro: "__define_initcall", id: id, sectionBase: known?.sectionBase ?? ".initcall\(id)",
                sourceLine: line))
    }

    /// Custom-level macros by name: `tu.prev_device_initcall(fn)`.
    public subscript(dynamicMember macro: String) -> (InitFunction) -> Void {
        { [self] fn in self.register(fn, macro: macro) }
    }

    public func early_initcall(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "early_initcall", line: line) }
    public func pure_initcall(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "pure_initcall", line: line) }
    public func core_initcall(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "core_initcall", line: line) }
    public func core_initcall_sync(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "core_initcall_sync", line: line)
    }
    public func postcore_initcall(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "postcore_initcall", line: line)
    }
    public func postcore_initcall_sync(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "postcore_initcall_sync", line: line)
    }
    public func arch_initcall(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "arch_initcall", line: line) }
    public func arch_initcall_sync(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "arch_initcall_sync", line: line)
    }
    public func subsys_initcall(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "subsys_initcall", line: line)
    }
    public func subsys_initcall_sync(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "subsys_initcall_sync", line: line)
    }
    public func fs_initcall(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "fs_initcall", line: line) }
    public func fs_initcall_sync(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "fs_initcall_sync", line: line)
    }
    public func rootfs_initcall(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "rootfs_initcall", line: line)
    }
    public func device_initcall(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "device_initcall", line: line)
    }
    public func device_initcall_sync(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "device_initcall_sync", line: line)
    }
    public func late_initcall(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "late_initcall", line: line) }
    public func late_initcall_sync(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "late_initcall_sync", line: line)
    }
    public func console_initcall(_ fn: InitFunction, line: Int? = #line) {
        register(fn, macro: "console_initcall", line: line)
    }
    /// `__initcall(fn)` is `device_initcall(fn)`.
    public func __initcall(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "__initcall", line: line) }
    /// Built in, `module_init(fn)` is `__initcall(fn)`: a level-6 entry.
    public func module_init(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "module_init", line: line) }
    /// Built in, `module_exit(fn)` puts `fn` in `.exitcall.exit`, discarded at link time.
    public func module_exit(_ fn: InitFunction, line: Int? = #line) { register(fn, macro: "module_exit", line: line) }
}
