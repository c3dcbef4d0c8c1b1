import SourceInput

/// The `module NAME [build=y|m]` block of `.boot` files: a driver built as a loadable module
/// (`obj-m`, the default) or into the kernel (`obj-y`). Its statements follow it, as an
/// object's do:
///
///     module par build=m
///       MODULE_LICENSE "Dual BSD/GPL"
///       MODULE_AUTHOR "letcos"
///       module_param age int 0644 default=25
///       EXPORT_SYMBOL_GPL par_get
///       uses dep_get
///       module_init par_init printk="age=%d\n",age
///       module_exit par_exit
///       sizes core=16384 init=4096
///
/// In a module every leveled macro is `module_init()` (include/linux/module.h, `#ifdef MODULE`);
/// `pure_initcall()` has no such mapping and does not compile there.
extension BootFileParser {
    static let moduleKeywords: Set = [
        "MODULE_LICENSE", "MODULE_AUTHOR", "MODULE_DESCRIPTION", "MODULE_VERSION", "MODULE_ALIAS", "MODULE_SOFTDEP",
        "MODULE_FIRMWARE", "MODULE_INFO", "EXPORT_SYMBOL", "EXPORT_SYMBOL_GPL", "uses", "sizes", "vermagic", "signed",
    ]

    /// Whether `text` can be one of ``moduleKeywords``, known without hashing it: each begins
    /// with a capital (`MODULE_…`, `EXPORT_…`) or has no `_` (`uses`, `sizes`, …), and no
    /// initcall macro does either (every registration line asks).
    static func mayBeModuleKeyword(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        return (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) || !bytes.contains(UInt8(ascii: "_"))
    }

    /// `module NAME [build=y|m]`: starts a block; its object holds its parameters.
    mutating func module(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        let nameWord = try moduleName(
            keyword, arguments, note: "KBUILD_MODNAME is a C identifier: letters, digits and '_'")
        var build = ModuleDescription.Build.module
        for word in arguments.dropFirst() {
            guard word.text.hasPrefix("build="),
                let value = ModuleDescription.Build(rawValue: String(word.text.dropFirst(6)))
            else {
                throw invalid(
                    "unknown option '\(word.text)' for 'module'", at: word.column,
                    notes: ["build=m (a loadable module, the default) or build=y (built into the kernel)"])
            }
            build = value
        }
        let name = nameWord.text
        if let previous = description.modules.firstIndex(where: { $0.name == name }) {
            throw invalid(
                "module '\(name)' is already defined at line \(description.modules[previous].source?.line ?? 0)",
                at: nameWord.column)
        }
        let module = ModuleDescription(
            name: name, build: build, source: SourceLocation(file: file, line: lineNumber, column: keyword.column))
        try object(
            keyword,
            [scratch.word(copying: module.object.path, column: nameWord.column)])
        if let index = currentObject { description.objects[index].modname = name }
        description.modules.append(module)
        currentModule = description.modules.count - 1
    }

    /// The module name a `module` or `load` statement starts with: a C identifier.
    func moduleName(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], note: String)
        throws(BootDescriptionError) -> BootFileLexer.Word
    {
        guard let nameWord = arguments.first, Self.isIdentifier(nameWord.text) else {
            throw invalid(
                "'\(keyword.text)' expects a module name such as par",
                at: arguments.first?.column ?? keyword.column + keyword.text.count + 1, notes: [note])
        }
        return nameWord
    }

    /// A statement inside a module block; false when `keyword` is not a module statement.
    mutating func moduleStatement(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError) -> Bool
    {
        guard let index = currentModule else {
            if Self.moduleKeywords.contains(keyword.text) {
                throw invalid(
                    "'\(keyword.text)' outside a module", at: keyword.column,
                    notes: ["write 'module NAME' first; its statements follow it"])
            }
            return false
        }
        switch keyword.text {
        case "MODULE_LICENSE", "MODULE_AUTHOR", "MODULE_DESCRIPTION", "MODULE_VERSION", "MODULE_ALIAS",
            "MODULE_SOFTDEP", "MODULE_FIRMWARE":
            let value = try single(keyword, arguments, "a quoted string")
            description.modules[index].info.append((String(keyword.text.dropFirst(7)).lowercased(), value))
        case "MODULE_INFO":
            guard arguments.count == 2, Self.isIdentifier(arguments[0].text) else {
                throw invalid(
                    "'MODULE_INFO' expects a tag and a quoted value", at: arguments.first?.column ?? keyword.column,
                    notes: ["MODULE_INFO intree \"Y\""])
            }
            description.modules[index].info.append((arguments[0].text, arguments[1].text))
        case "EXPORT_SYMBOL", "EXPORT_SYMBOL_GPL":
            let name = try symbolName(keyword, arguments)
            if description.modules[index].exports.contains(where: { $0.name == name }) {
                throw invalid("'\(name)' is exported twice", at: arguments[0].column)
            }
            description.modules[index].exports.append(.init(name: name, gplOnly: keyword.text == "EXPORT_SYMBOL_GPL"))
        case "uses":
            try uses(keyword, arguments, index)
        case "sizes":
            try sizes(keyword, arguments, index)
        case "vermagic":
            description.modules[index].vermagic = try single(
                keyword, arguments, "the vermagic string the module was built with")
        case "signed":
            try noArguments(keyword, arguments)
            description.modules[index].signed = true
        default:
            guard description.levels.isRegistrationMacro(keyword.text) || keyword.text == "pure_initcall" else {
                return false
            }
            try moduleFunction(keyword, arguments, index)
        }
        return true
    }

    private func symbolName(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError) -> String
    {
        let name = try single(keyword, arguments, "a symbol name")
        guard Self.isIdentifier(name) else {
            throw invalid("invalid symbol name '\(name)'", at: arguments[0].column, notes: ["a C identifier"])
        }
        return name
    }

    private mutating func uses(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], _ index: Int)
        throws(BootDescriptionError)
    {
        if arguments.isEmpty {
            throw invalid("'uses' expects symbol names", at: keyword.column + 5, notes: ["uses dep_get dep_put"])
        }
        for word in arguments {
            for piece in word.text.split(separator: ",") {
                guard Self.isIdentifier(String(piece)) else {
                    throw invalid("invalid symbol name '\(piece)'", at: word.column, notes: ["a C identifier"])
                }
                description.modules[index].uses.append(String(piece))
            }
        }
    }

    private mutating func sizes(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], _ index: Int)
        throws(BootDescriptionError)
    {
        for word in arguments {
            let parts = word.text.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == "core" || parts[0] == "init",
                let size = NumberLiteral.size(parts[1]), size <= 0x1000_0000
            else {
                throw invalid(
                    "expected core=BYTES or init=BYTES, found '\(word.text)'", at: word.column,
                    notes: ["sizes core=16384 init=4096"])
            }
            if parts[0] == "core" {
                description.modules[index].coreSize = size
            } else {
                description.modules[index].initSize = size
            }
        }
    }

    /// `module_init`/`module_exit`, or a leveled macro: `module_init()` in a module, itself when
    /// built in.
    private mutating func moduleFunction(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], _ index: Int)
        throws(BootDescriptionError)
    {
        let macro = keyword.text
        let isModule = description.modules[index].build == .module
        if macro == "__define_initcall", isModule {
            throw invalid(
                "'__define_initcall' in a module", at: keyword.column,
                notes: ["include/linux/init.h defines it only without MODULE; a module has module_init()"])
        }
        if macro == "pure_initcall", isModule {
            throw invalid(
                "'pure_initcall' in a module", at: keyword.column,
                notes: [
                    "include/linux/module.h maps every other leveled macro to module_init() when MODULE is defined; pure_initcall() is built-in only"
                ])
        }
        guard let name = arguments.first, Self.isIdentifier(name.text) else {
            throw invalid(
                "expected a function name after '\(macro)'",
                at: arguments.first?.column ?? keyword.column + macro.count + 1)
        }
        let isExit = InitcallEntry.exitMacros.contains(macro)
        let existing = isExit ? description.modules[index].exitFunction : description.modules[index].initFunction
        if existing != nil {
            throw invalid(
                "redefinition of '\(isExit ? "cleanup_module" : "init_module")'", at: keyword.column,
                notes: ["a module has one module_init() and one module_exit()"])
        }
        var behaviour = DeclaredBehaviour(function: name.text, line: lineNumber)
        _ = try attributes(arguments.dropFirst(), into: &behaviour)
        for message in behaviour.printk where message.format != nil {
            if let object = currentObject {
                pendingFormats.append(PendingFormat(object: object, message: message, line: lineNumber, handler: false))
            }
        }
        let function = InitFunction(
            name.text, size: behaviour.size, provides: behaviour.provides, requires: behaviour.requires,
            flush: behaviour.flush, body: DeclaredBody(behaviour).run)
        let source = SourceLocation(file: file, line: lineNumber, column: keyword.column)
        if isExit {
            description.modules[index].exitFunction = function
        } else {
            description.modules[index].initFunction = function
            description.modules[index].initMacro = isModule ? "module_init" : macro
            description.modules[index].initSource = source
        }
    }

    /// After the file: a module's object leaves the image (its parameters are the module's);
    /// a built-in one stays, with its init registered (`device_initcall` for `module_init`)
    /// and its exit in `.exitcall.exit`, discarded.
    mutating func finishModules() {
        for index in description.modules.indices {
            let module = description.modules[index]
            guard let objectIndex = description.objects.firstIndex(where: { $0.path == module.object.path }) else {
                continue
            }
            let object = description.objects[objectIndex]
            description.modules[index].object = object
            switch module.build {
            case .module:
                description.objects.remove(at: objectIndex)
            case .builtin:
                description.objects[objectIndex].entries += module.builtinEntries(levels: description.levels)
            }
        }
    }
}

/// `load NAME [at=DURATION] [pid=N] [comm=NAME] [args="p=v …"]`: a module user space loads
/// after init (``ModuleLoad``), in the order written.
extension BootFileParser {
    static let loadSettings = ["at", "pid", "comm", "args"]

    mutating func load(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        let nameWord = try moduleName(
            keyword, arguments, note: "load par at=2.5s pid=180: a 'module par' block the boot loads after init")
        var load = ModuleLoad(
            module: nameWord.text, source: SourceLocation(file: file, line: lineNumber, column: nameWord.column))
        for setting in try settings(keyword, arguments.dropFirst(), allowed: Self.loadSettings) {
            switch setting.key {
            case "at":
                guard let value = DurationParser.nanoseconds(setting.value) else {
                    throw invalid(
                        "invalid time '\(setting.value)' for at=", at: setting.valueColumn,
                        notes: ["local_clock() when the load starts: 2.307595s, 2307595us (at most a day)"])
                }
                load.at = value
            case "pid":
                load.pid = try pid(setting, of: "the task that loads it")
            case "comm":
                // TASK_COMM_LEN is 16 with the NUL.
                let value = setting.value
                guard (1...15).contains(value.utf8.count), value.utf8.allSatisfy({ (0x20..<0x7f).contains($0) }) else {
                    throw invalid(
                        "invalid task name '\(value)'", at: setting.valueColumn,
                        notes: ["comm: 1 to 15 printable ASCII characters (TASK_COMM_LEN), e.g. comm=systemd-udevd"])
                }
                load.comm = value
            default:
                load.args = setting.value
            }
        }
        description.loads.append(load)
    }

    /// After the file (modules may come after their `load`): each load names a module built
    /// as one, at most once — a second `finit_module()` of a live module fails with -EEXIST
    /// before its init runs.
    func checkLoads() throws(BootDescriptionError) {
        guard !description.loads.isEmpty else { return }
        // By name, once: a lookup per load would be quadratic in a file of many of both.
        var builds: [String: ModuleDescription.Build] = [:]
        for module in description.modules { builds[module.name] = module.build }
        var loaded: [String: Int] = [:]
        for load in description.loads {
            let line = load.source?.line ?? 0
            guard let build = builds[load.module] else {
                let names = description.modules.filter { $0.build == .module }.map(\.name)
                let suggestions = Suggestions.closest(to: load.module, in: names)
                throw loadError(
                    "'load' of unknown module '\(load.module)'", load,
                    notes: suggestions.isEmpty
                        ? ["declare it with 'module \(load.module)' and its module_init"]
                        : ["did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"])
            }
            if build == .builtin {
                throw loadError(
                    "'load' of built-in module '\(load.module)'", load,
                    notes: ["it is part of vmlinux (build=y): its init runs from the initcall table"])
            }
            if let previous = loaded[load.module] {
                throw loadError(
                    "module '\(load.module)' is already loaded by line \(previous)", load,
                    notes: ["finit_module() of a live module fails with -EEXIST and runs no init"])
            }
            loaded[load.module] = line
        }
    }

    /// A `pid=` setting: 1 to `PID_MAX_LIMIT` (4 * 1024 * 1024 on 64-bit); `task` says whose.
    func pid(_ setting: Setting, of task: String) throws(BootDescriptionError) -> Int32 {
        guard let value = NumberLiteral.unsignedDecimal(setting.value), (1...4_194_304).contains(value) else {
            throw invalid(
                "invalid pid '\(setting.value)'", at: setting.valueColumn,
                notes: ["\(task), as '@ %i' prints it: 1 to 4194304"])
        }
        return Int32(value)
    }

    private func loadError(_ message: String, _ load: ModuleLoad, notes: [String]) -> BootDescriptionError {
        .invalid(diagnostic(message, line: load.source?.line ?? 0, column: load.source?.column ?? 1, notes: notes))
    }
}
