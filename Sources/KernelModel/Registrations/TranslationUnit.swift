import SourceInput

/// The registration macros, usable inside ``ObjectFile/init(_:levels:_:)``. Each call appends
/// one entry in source order, exactly as each macro line in a `.c` file emits one table entry.
/// Macros of custom levels are reached by name through dynamic member lookup:
/// `tu.prev_device_initcall(fn)`.
@dynamicMemberLookup
public final class TranslationUnit {
    /// The object the registrations go to (`drivers/base/core.o`).
    public let path: String
    /// The level table whose macros the registrations use.
    public let levels: LevelTable
    /// `KBUILD_MODNAME`: the module the object is built into; its parameters are
    /// `<modname>.<param>` on the command line. Defaults to ``ObjectFile/defaultModname(_:)``.
    public var modname: String
    private(set) var entries: [InitcallEntry] = []
    private(set) var unknownMacros: [(macro: String, function: String, source: SourceLocation?)] = []
    var params: [ModuleParam] = []
    var paramDescriptions: [ParamDescription] = []
    var setups: [SetupDeclaration] = []

    init(path: String, levels: LevelTable) {
        self.path = path
        self.levels = levels
        self.modname = ObjectFile.defaultModname(path)
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

    /// Registers `fn` with `early_initcall()`: with the Linux 6.x table, run by
    /// `do_pre_smp_initcalls()` before the other CPUs come up, from `.initcallearly.init`. Mirrors
    /// `early_initcall()` (include/linux/init.h).
    public func early_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "early_initcall", file: file, line: line)
    }
    /// Registers `fn` with `pure_initcall()`: with the Linux 6.x table, level 0 (pure),
    /// `.initcall0.init`, for initialisation that depends on nothing else. Mirrors
    /// `pure_initcall()` (include/linux/init.h).
    public func pure_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "pure_initcall", file: file, line: line)
    }
    /// Registers `fn` with `core_initcall()`: with the Linux 6.x table, level 1 (core),
    /// `.initcall1.init`. Mirrors `core_initcall()` (include/linux/init.h).
    public func core_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "core_initcall", file: file, line: line)
    }
    /// Registers `fn` with `core_initcall_sync()`: with the Linux 6.x table, level 1,
    /// `.initcall1s.init`, after every `core_initcall()` entry. Mirrors `core_initcall_sync()`
    /// (include/linux/init.h).
    public func core_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "core_initcall_sync", file: file, line: line)
    }
    /// Registers `fn` with `postcore_initcall()`: with the Linux 6.x table, level 2 (postcore),
    /// `.initcall2.init`. Mirrors `postcore_initcall()` (include/linux/init.h).
    public func postcore_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "postcore_initcall", file: file, line: line)
    }
    /// Registers `fn` with `postcore_initcall_sync()`: with the Linux 6.x table, level 2,
    /// `.initcall2s.init`, after every `postcore_initcall()` entry. Mirrors
    /// `postcore_initcall_sync()` (include/linux/init.h).
    public func postcore_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "postcore_initcall_sync", file: file, line: line)
    }
    /// Registers `fn` with `arch_initcall()`: with the Linux 6.x table, level 3 (arch),
    /// `.initcall3.init`. Mirrors `arch_initcall()` (include/linux/init.h).
    public func arch_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "arch_initcall", file: file, line: line)
    }
    /// Registers `fn` with `arch_initcall_sync()`: with the Linux 6.x table, level 3,
    /// `.initcall3s.init`, after every `arch_initcall()` entry. Mirrors `arch_initcall_sync()`
    /// (include/linux/init.h).
    public func arch_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "arch_initcall_sync", file: file, line: line)
    }
    /// Registers `fn` with `subsys_initcall()`: with the Linux 6.x table, level 4 (subsys),
    /// `.initcall4.init`. Mirrors `subsys_initcall()` (include/linux/init.h).
    public func subsys_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "subsys_initcall", file: file, line: line)
    }
    /// Registers `fn` with `subsys_initcall_sync()`: with the Linux 6.x table, level 4,
    /// `.initcall4s.init`, after every `subsys_initcall()` entry. Mirrors `subsys_initcall_sync()`
    /// (include/linux/init.h).
    public func subsys_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "subsys_initcall_sync", file: file, line: line)
    }
    /// Registers `fn` with `fs_initcall()`: with the Linux 6.x table, level 5 (fs),
    /// `.initcall5.init`. Mirrors `fs_initcall()` (include/linux/init.h).
    public func fs_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "fs_initcall", file: file, line: line)
    }
    /// Registers `fn` with `fs_initcall_sync()`: with the Linux 6.x table, level 5,
    /// `.initcall5s.init`, after every `fs_initcall()` entry. Mirrors `fs_initcall_sync()`
    /// (include/linux/init.h).
    public func fs_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "fs_initcall_sync", file: file, line: line)
    }
    /// Registers `fn` with `rootfs_initcall()`: with the Linux 6.x table, the tail of level 5,
    /// `.initcallrootfs.init`, after the `fs_initcall_sync()` entries. Mirrors `rootfs_initcall()`
    /// (include/linux/init.h).
    public func rootfs_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "rootfs_initcall", file: file, line: line)
    }
    /// Registers `fn` with `device_initcall()`: with the Linux 6.x table, level 6 (device),
    /// `.initcall6.init`, where built-in drivers' `module_init()` goes too. Mirrors
    /// `device_initcall()` (include/linux/init.h).
    public func device_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "device_initcall", file: file, line: line)
    }
    /// Registers `fn` with `device_initcall_sync()`: with the Linux 6.x table, level 6,
    /// `.initcall6s.init`, after every `device_initcall()` entry. Mirrors `device_initcall_sync()`
    /// (include/linux/init.h).
    public func device_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "device_initcall_sync", file: file, line: line)
    }
    /// Registers `fn` with `late_initcall()`: with the Linux 6.x table, level 7 (late),
    /// `.initcall7.init`. Mirrors `late_initcall()` (include/linux/init.h).
    public func late_initcall(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "late_initcall", file: file, line: line)
    }
    /// Registers `fn` with `late_initcall_sync()`: with the Linux 6.x table, level 7,
    /// `.initcall7s.init`, after every `late_initcall()` entry. Mirrors `late_initcall_sync()`
    /// (include/linux/init.h).
    public func late_initcall_sync(_ fn: InitFunction, file: String = #fileID, line: Int = #line) {
        register(fn, macro: "late_initcall_sync", file: file, line: line)
    }
    /// Registers `fn` with `console_initcall()`: with the Linux 6.x table, an entry in
    /// `.con_initcall.init`, run by `console_init()` from `start_kernel()` in PID 0, outside
    /// `do_one_initcall()`. Mirrors `console_initcall()` (include/linux/init.h).
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
