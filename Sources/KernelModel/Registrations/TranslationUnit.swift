import SourceInput

/// The registration macros, usable inside ``ObjectFile/init(_:levels:_:)``. Each call appends
/// one entry in source order, exactly as each macro line in a `.c` file emits one table entry.
/// Macros of custom levels are reached by name through dynamic member lookup:
/// `tu.prev_device_initcall(fn)`.
@dynamicMemberLookup
public final class TranslationUnit {
    public let path: String
    public let levels: LevelTable
    private(set) var entries: [InitcallEntry] = []
    private(set) var unknownMacros: [(macro: String, function: String, source: SourceLocation?)] = []

    init(path: String, levels: LevelTable) {
        self.path = path
        self.levels = levels
    }

    /// Registers `fn` with the macro named `macro`, as the level table defines it.
    public func register(_ fn: InitFunction, macro: String, file: String = #fileID, line: Int? = #line) {
        let source = line.map { SourceLocation(file: file, line: $0, column: 1) }
        guard let entry = levels.registration(fn, macro: macro, source: source) else {
            unknownMacros.append((macro, fn.name, source))
            return
        }
        entries.append(entry)
    }

    /// `__define_initcall(fn, id)`: an entry in `.initcall<id>.init`, whatever the level table
    /// says; an id no pattern collects makes an orphan that never runs, as in the kernel.
    public func __define_initcall(_ fn: InitFunction, _ id: String, file: String = #fileID, line: Int = #line) {
        entries.append(levels.defineInitcall(fn, id: id, source: SourceLocation(file: file, line: line, column: 1)))
    }

    /// Custom-level macros by name: `tu.prev_device_initcall(fn)`.
    public subscript(dynamicMember macro: String) -> (InitFunction) -> Void {
        { [self] fn in self.register(fn, macro: macro, line: nil) }
    }

    public func early_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "early_initcall", file: file, line: line)
    }
    public func pure_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "pure_initcall", file: file, line: line)
    }
    public func core_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "core_initcall", file: file, line: line)
    }
    public func core_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "core_initcall_sync", file: file, line: line)
    }
    public func postcore_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "postcore_initcall", file: file, line: line)
    }
    public func postcore_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "postcore_initcall_sync", file: file, line: line)
    }
    public func arch_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "arch_initcall", file: file, line: line)
    }
    public func arch_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "arch_initcall_sync", file: file, line: line)
    }
    public func subsys_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "subsys_initcall", file: file, line: line)
    }
    public func subsys_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "subsys_initcall_sync", file: file, line: line)
    }
    public func fs_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "fs_initcall", file: file, line: line)
    }
    public func fs_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "fs_initcall_sync", file: file, line: line)
    }
    public func rootfs_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "rootfs_initcall", file: file, line: line)
    }
    public func device_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "device_initcall", file: file, line: line)
    }
    public func device_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "device_initcall_sync", file: file, line: line)
    }
    public func late_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "late_initcall", file: file, line: line)
    }
    public func late_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "late_initcall_sync", file: file, line: line)
    }
    public func console_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "console_initcall", file: file, line: line)
    }
    /// `__initcall(fn)` is `device_initcall(fn)`.
    public func __initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "__initcall", file: file, line: line)
    }
    /// Built in, `module_init(fn)` is `__initcall(fn)`: a level-6 entry.
    public func module_init(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "module_init", file: file, line: line)
    }
    /// Built in, `module_exit(fn)` puts `fn` in `.exitcall.exit`, discarded at link time.
    public func module_exit(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "module_exit", file: file, line: line)
    }
}
