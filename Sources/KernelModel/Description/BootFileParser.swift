import Foundation
import LinkerScript
import SourceInput

struct BootFileParser {
    let file: String
    let loader: BootFile.FileLoader
    var description = KernelDescription()
    var currentObject: Int?
    /// The `module` block the statements that follow belong to (an index into `modules`).
    var currentModule: Int?
    /// Whether a `levels` statement chose the level table (the release then no longer does).
    private var levelsGiven = false
    /// The era whose table the `levels` files edited.
    private var levelsEra: String?
    /// The line of each object path, for "already defined" errors.
    private var objectLines = NameIndex()
    var lines = SourceLines("")
    var lineNumber = 0
    /// The disk the `partition` statements that follow belong to (an index into `disks`).
    var currentDisk: Int?
    /// Where each disk and partition name was declared, for "already declared" errors.
    var deviceLines: [String: Int] = [:]
    /// `printk=` formats, checked once every parameter of the file is known (a body may print
    /// one declared further down).
    var pendingFormats: [PendingFormat] = []
    /// The entries of the object before the current one: the capacity its registrations get.
    private var entriesHint = 1
    /// The bytes of the current line's words that are not in the line (see ``BootFileLexer/Scratch``).
    let scratch = BootFileLexer.Scratch()
    /// The `async` functions declared so far, by name, with their lines.
    var asyncFunctions: [String: (function: AsyncFunction, line: Int)] = [:]

    init(file: String, loader: @escaping BootFile.FileLoader) {
        self.file = file
        self.loader = loader
        description.sourceFile = file
    }

    mutating func parse(_ text: String) throws(BootDescriptionError) -> KernelDescription {
        lines = SourceLines(text)
        // One buffer for every line's words: an array allocated and freed per line cost more
        // than the words in it. The lexer reads each line's bytes in place in the file's.
        var words: [BootFileLexer.Word] = []
        words.reserveCapacity(8)
        let ranges = lines.ranges
        var text = lines.text
        let failure = text.withUTF8 { bytes -> BootDescriptionError? in
            do throws(BootDescriptionError) {
                for (index, range) in ranges.enumerated() {
                    lineNumber = index + 1
                    try BootFileLexer.words(
                        in: UnsafeBufferPointer(rebasing: bytes[range]), file: file, lineNumber: lineNumber,
                        into: &words, scratch: scratch)
                    guard let first = words.first else { continue }
                    try statement(first, words[1...])
                }
                // The words point into the text's bytes, valid only in here.
                words.removeAll()
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        try checkFormats()
        try checkLoads()
        finishModules()
        return description
    }

    // MARK: Statements

    static let topLevel = [
        "kernel", "arch", "cpus", "hardware", "cmdline", "linker-script", "levels", "initramfs", "disk", "partition",
        "filesystems", "build", "timeline", "config", "kaslr", "object", "module", "load", "async",
    ]

    /// The top-level keywords (and the retired `rootfs`), looked up once per line: comparing a
    /// registration macro with each keyword in turn cost more than reading its line.
    private enum Keyword {
        case kernel, arch, cpus, hardware, cmdline, linkerScript, levels, rootfs, initramfs, disk, partition
        case filesystems, build, timeline, config, kaslr, object, module, load, async
    }

    private static let keywords: [String: Keyword] = [
        "kernel": .kernel, "arch": .arch, "cpus": .cpus, "hardware": .hardware, "cmdline": .cmdline,
        "linker-script": .linkerScript, "levels": .levels, "rootfs": .rootfs, "initramfs": .initramfs,
        "disk": .disk, "partition": .partition, "filesystems": .filesystems, "build": .build,
        "timeline": .timeline, "config": .config, "kaslr": .kaslr, "object": .object, "module": .module,
        "load": .load, "async": .async,
    ]

    private mutating func statement(_ keyword: BootFileLexer.Word, _ words: ArraySlice<BootFileLexer.Word>)
        throws(BootDescriptionError)
    {
        // No top-level keyword has a '_'; every initcall macro does (a byte scan, not a hash).
        let hasUnderscore = keyword.withBytes { ByteScan.firstIndex(of: UInt8(ascii: "_"), in: $0) != nil }
        let known = hasUnderscore ? nil : Self.keywords[keyword.text]
        guard let known else {
            // A registration line, the common case, is passed on as the slice it is; the other
            // statements take their arguments as an array of their own.
            if currentModule != nil
                || (keyword.withBytes(Self.mayBeModuleKeyword) && Self.moduleKeywords.contains(keyword.text)),
                try moduleStatement(keyword, Array(words))
            {
                return
            }
            if keyword.withBytes(Self.mayBeParameterStatement), try parameterStatement(keyword, Array(words)) {
                return
            }
            try registration(keyword, words)
            return
        }
        let arguments = Array(words)
        switch known {
        case .kernel:
            try kernel(keyword, arguments)
        case .arch:
            let value = try single(keyword, arguments, "an architecture")
            guard let arch = Architecture(rawValue: value) else {
                throw invalid(
                    "unknown architecture '\(value)'", at: arguments[0].column,
                    notes: ["expected one of: \(Architecture.allCases.map(\.rawValue).joined(separator: ", "))"])
            }
            description.architecture = arch
        case .cpus:
            let value = try single(keyword, arguments, "a CPU count")
            guard let count = NumberLiteral.unsignedDecimal(value), (1...8192).contains(count) else {
                throw invalid(
                    "invalid CPU count '\(value)'", at: arguments[0].column, notes: ["expected a number from 1 to 8192"]
                )
            }
            description.cpus = count
        case .hardware:
            description.hardwareName = try single(keyword, arguments, "the hardware name stack dumps print")
        case .cmdline:
            description.commandLine = try single(keyword, arguments, "the kernel command line, quoted")
        case .linkerScript:
            try linkerScript(keyword, arguments)
        case .levels:
            try levels(keyword, arguments)
        case .rootfs:
            throw invalid(
                "'rootfs' is no longer a statement", at: keyword.column,
                notes: [
                    "the kernel mounts the root root= names: declare it with 'disk' and 'partition … fs=ext4 holds=/sbin/init,/bin/sh' and add root=/dev/… to 'cmdline'",
                    "or give an initramfs: 'initramfs /init'",
                ])
        case .initramfs:
            try initramfs(keyword, arguments)
        case .disk:
            try disk(keyword, arguments)
        case .partition:
            try partition(keyword, arguments)
        case .filesystems:
            try filesystems(keyword, arguments)
        case .build:
            try build(keyword, arguments)
        case .timeline:
            try timeline(keyword, arguments)
        case .config:
            try config(keyword, arguments)
        case .kaslr:
            try kaslr(keyword, arguments)
        case .object:
            try object(keyword, arguments)
            currentModule = nil
        case .module:
            try module(keyword, arguments)
        case .load:
            try load(keyword, arguments)
        case .async:
            try asyncFunction(keyword, arguments)
        }
    }

    private mutating func linkerScript(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        let (paths, options) = try pathsAndOptions(
            keyword, arguments, "the path of a linker script, relative to this file")
        guard paths.count == 1 else {
            throw invalid(
                "'linker-script' takes one path", at: paths[1].column, notes: ["options follow the path: -DNAME, -IDIR"]
            )
        }
        let resolved = BootFile.resolve(paths[0].text, relativeTo: file)
        let text: String
        do {
            text = try loader(resolved)
        } catch {
            throw .file(
                diagnostic(
                    "cannot read linker script '\(resolved)': \(InputFile.explain(error))", at: paths[0].column,
                    notes: ["the path is relative to the directory of \(file)"]))
        }
        let loader = self.loader
        do throws(LinkerScriptError) {
            description.linkerScript = try LinkerScript.parse(
                text, file: resolved, options: options, loader: { try loader($0) })
        } catch {
            throw .linkerScript(error)
        }
    }

    /// `kernel "2.6.27"`: the release, and with it its era's level table (unless `levels`
    /// gave one) — before any object, whose registrations use the table's macros.
    private mutating func kernel(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        let version = KernelVersion(try single(keyword, arguments, "a release string such as \"6.8.0-sim\""))
        let table = LevelTable.linux(for: version)
        if let levelsEra, levelsEra != LevelTable.eraDirectory(for: version) {
            throw invalid(
                "'kernel' after 'levels'", at: keyword.column,
                notes: [
                    "the level files edit the release's own table (\(LevelTable.eraDirectory(for: version))): give 'kernel' first"
                ])
        }
        if !levelsGiven, table != description.levels {
            guard currentObject == nil else {
                throw invalid(
                    "'kernel' after an object", at: keyword.column,
                    notes: [
                        "the release picks the level table (\(LevelTable.eraDirectory(for: version))) whose macros registrations use: give it before the first 'object'"
                    ])
            }
            description.levels = table
        }
        description.version = version
    }

    /// `levels init.h [main.c] [-DNAME]…`: the level table, before any object.
    private mutating func levels(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        if currentObject != nil {
            throw invalid(
                "'levels' after an object", at: keyword.column,
                notes: ["the level table defines the registration macros: give it before the first 'object'"])
        }
        var (paths, options) = try pathsAndOptions(keyword, arguments, "init.h-like files, relative to this file")
        options.kbuildDefines = false
        let resolved = paths.map { BootFile.resolve($0.text, relativeTo: file) }
        for (path, word) in zip(resolved, paths) {
            do {
                _ = try loader(path)
            } catch {
                throw .file(
                    diagnostic(
                        "cannot read levels file '\(path)': \(InputFile.explain(error))", at: word.column,
                        notes: ["the path is relative to the directory of \(file)"]))
            }
        }
        let loader = self.loader
        do throws(LevelDefinitionError) {
            // The files edit the release's own table (`kernel` comes first).
            description.levels = try LevelDefinitions.load(
                resolved, options: options, base: LevelTable.linux(for: description.version), loader: { try loader($0) }
            )
            levelsGiven = true
            levelsEra = LevelTable.eraDirectory(for: description.version)
        } catch {
            throw .levels(error)
        }
    }

    /// Paths, then `-DNAME[=VALUE]`, `-UNAME` and `-IDIR` options (include directories
    /// relative to this file).
    private func pathsAndOptions(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], _ expected: String)
        throws(BootDescriptionError) -> ([BootFileLexer.Word], Preprocessor.Options)
    {
        var paths: [BootFileLexer.Word] = []
        var options = Preprocessor.Options()
        for word in arguments {
            let text = word.text
            if text.hasPrefix("-D"), text.count > 2 {
                options.defines.append(String(text.dropFirst(2)))
            } else if text.hasPrefix("-U"), text.count > 2 {
                options.undefines.append(String(text.dropFirst(2)))
            } else if text.hasPrefix("-I"), text.count > 2 {
                options.includeDirectories.append(BootFile.resolve(String(text.dropFirst(2)), relativeTo: file))
            } else if text.hasPrefix("-") {
                throw invalid(
                    "unknown option '\(text)' for '\(keyword.text)'", at: word.column,
                    notes: ["options: -DNAME[=VALUE], -UNAME, -IDIR (written without a space)"])
            } else {
                paths.append(word)
            }
        }
        if paths.isEmpty {
            throw invalid("'\(keyword.text)' expects \(expected)", at: keyword.column + keyword.text.count + 1)
        }
        return (paths, options)
    }

    mutating func object(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        // '-' is ASCII: a word whose first byte is not one is no option, and most object lines
        // have none (the words are then not made strings three times over).
        let mayHaveOptions = arguments.contains { $0.bytes.first == UInt8(ascii: "-") }
        let options = mayHaveOptions ? arguments.filter { $0.text.hasPrefix("-") } : []
        for option in options where !(option.text.hasPrefix("-D") && option.text.count > 2) {
            throw invalid(
                "unknown option '\(option.text)' for 'object'", at: option.column,
                notes: ["an object takes -DNAME[=VALUE], the defines it was compiled with (-DDEBUG turns pr_debug on)"])
        }
        let path = try single(
            keyword, mayHaveOptions ? arguments.filter { !$0.text.hasPrefix("-") } : arguments,
            "an object path such as drivers/base/core.o")
        // One lookup: the line is recorded as it is checked (a parse that fails is thrown away).
        if let previous = objectLines.insert(path, value: lineNumber) {
            throw invalid(
                "object '\(path)' is already defined at line \(previous)", at: arguments[0].column,
                notes: ["each object appears once; its registrations follow it"])
        }
        if let current = currentObject {
            entriesHint = min(max(description.objects[current].entries.count, 1), 1024)
        }
        var object = ObjectFile(path: path)
        object.defines = options.map { String($0.text.dropFirst(2)) }
        description.objects.append(object)
        currentObject = description.objects.count - 1
    }

    // MARK: Registrations

    private mutating func registration(_ keyword: BootFileLexer.Word, _ arguments: ArraySlice<BootFileLexer.Word>)
        throws(BootDescriptionError)
    {
        let (macro, macroIndex) = try registrationMacro(keyword)
        guard let objectIndex = currentObject else {
            throw invalid(
                "'\(macro)' outside an object", at: keyword.column,
                notes: ["registrations belong to an object file: write 'object path/to/file.o' first"])
        }
        guard let name = arguments.first, name.withBytes(Self.isIdentifier) else {
            throw invalid(
                "expected a function name after '\(macro)'",
                at: arguments.first?.column ?? (keyword.column + macro.count + 1),
                notes: ["a C identifier such as foo_init"])
        }
        var rest = arguments.dropFirst()
        var definedID: String?
        // The length first: the common macros are not 17 bytes long, and a string comparison
        // of two different macros cost more than the rest of the check.
        if macro.utf8.count == 17, macro == "__define_initcall" {
            guard let idWord = rest.first, idWord.withBytes(Self.isIdentifierBody) else {
                throw invalid(
                    "expected an initcall id after '__define_initcall \(name.text)'",
                    at: rest.first?.column ?? name.column,
                    notes: ["the id is pasted into the section name: 6, 6s, early, rootfs, …"])
            }
            rest.removeFirst()
            definedID = idWord.text
        }
        let function = name.text
        var behaviour = DeclaredBehaviour(function: function, line: lineNumber)
        let columns = try attributes(rest, into: &behaviour)
        for message in behaviour.printk where message.format != nil {
            pendingFormats.append(
                PendingFormat(object: objectIndex, message: message, line: lineNumber, handler: false))
        }
        let placement =
            if let definedID {
                description.levels.placement(definedID: definedID)
            } else {
                description.levels.placement(macro: macro, index: macroIndex)
            }
        guard let placement else { return }
        // Room for as many entries as the previous object had: objects of one file tend to be
        // alike, and an array grown one entry at a time is copied at 1, 2, 4, 8, ….
        if description.objects[objectIndex].entries.capacity == 0 {
            description.objects[objectIndex].entries.reserveCapacity(entriesHint)
        }
        // Built where it is stored: each copy of an entry on the way retained all its strings.
        // (One copy and destroy per line remains, inside `append`, however the entry is
        // passed: taken over by a `consuming` parameter or built in a function of its own.)
        description.objects[objectIndex].entries.append(
            InitcallEntry(
                function: InitFunction(
                    function, size: behaviour.size, provides: behaviour.provides, requires: behaviour.requires,
                    gap: behaviour.gap, address: behaviour.address, flush: behaviour.flush,
                    body: DeclaredBody(consume behaviour).run),
                macro: macro, at: placement,
                source: SourceLocation(file: file, line: lineNumber, column: keyword.column),
                attributeColumns: columns))
    }

    /// The registration macro `keyword` names, as the level table spells it (or
    /// `__define_initcall`, an exit macro), and its index in the table. Read as bytes: no string
    /// is made for the few macros that begin every registration line.
    ///
    /// `mutating` though it changes nothing: called from a mutating statement, a non-mutating
    /// method of the parser got a copy of all of it (808 bytes), twice per registration line.
    private mutating func registrationMacro(_ keyword: BootFileLexer.Word) throws(BootDescriptionError)
        -> (macro: String, index: Int?)
    {
        let (known, macroIndex) = keyword.withBytes { bytes -> (String?, Int?) in
            if let (name, index) = description.levels.macro(matching: bytes) { return (name, index) }
            return (Self.otherRegistrationMacros.first { $0.utf8.elementsEqual(bytes) }, nil)
        }
        guard let macro = known, description.levels.isRegistrationMacro(macro, index: macroIndex) else {
            let macro = keyword.text
            let candidates =
                Self.topLevel + description.levels.macroNames + Self.otherRegistrationMacros
                + parameterKeywords
            let suggestions = Suggestions.closest(to: macro, in: candidates)
            throw invalid(
                "unknown statement '\(macro)'", at: keyword.column,
                notes: suggestions.isEmpty
                    ? ["expected a top-level statement (\(Self.topLevel.joined(separator: ", "))) or an initcall macro"]
                    : ["did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"])
        }
        return (macro, macroIndex)
    }

    /// The registration macros no level table defines.
    static let otherRegistrationMacros = ["__define_initcall"] + InitcallEntry.exitMacros

    /// A C identifier: an ASCII letter or `_`, then letters, digits and `_` (checked on the
    /// UTF-8 bytes: any non-ASCII byte fails it).
    static func isIdentifier(_ text: String) -> Bool {
        text.withUTF8Bytes(isIdentifier)
    }

    static func isIdentifier(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, !isDigit(first) else { return false }
        return isIdentifierBody(bytes)
    }

    static func isIdentifierBody(_ text: String) -> Bool {
        text.withUTF8Bytes(isIdentifierBody)
    }

    /// Letters, digits and `_`, at least one.
    static func isIdentifierBody(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty else { return false }
        for byte in bytes where byte != UInt8(ascii: "_") && !isASCIILetter(byte) && !isDigit(byte) { return false }
        return true
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    // MARK: Attributes

    /// The attributes of a registration line, matched on the bytes of the key before `=`.
    enum AttributeName: String, CaseIterable {
        case time, sleep, returns, preempt, irqs, printk
        case prDebug = "pr_debug"
        case requires, provides
        case onMissing = "on-missing"
        case panic, size
        case requestModule = "request_module"
        case gap, address, flush
        case async

        /// `allCases`, kept: the synthesized property makes a new array at every call.
        private static let names = allCases
        private static let spellings = names.map { Array($0.rawValue.utf8) }

        /// The attribute spelled `bytes`: a scan of seventeen short names, cheaper than hashing
        /// the key into a dictionary (every registration line has a few).
        init?(bytes: UnsafeBufferPointer<UInt8>) {
            guard let index = ByteScan.index(of: bytes, in: Self.spellings) else { return nil }
            self = Self.names[index]
        }
    }

    static let attributeNames = AttributeName.allCases.map(\.rawValue)

    /// Reads the attributes into `behaviour` (declared for `function` at this line); returns
    /// the column of each attribute findings point at (`requires=`). `mutating` for the reason
    /// ``registrationMacro(_:)`` is.
    mutating func attributes(_ words: ArraySlice<BootFileLexer.Word>, into behaviour: inout DeclaredBehaviour)
        throws(BootDescriptionError) -> AttributeColumns
    {
        var columns = AttributeColumns()
        for word in words {
            // By bytes: '=' is ASCII, and the key is what precedes it in the text as well.
            let split = word.withBytes { bytes -> (Int, AttributeName?)? in
                guard let equals = bytes.prefix(word.prefixLength).firstIndex(of: UInt8(ascii: "=")) else { return nil }
                return (equals, AttributeName(bytes: UnsafeBufferPointer(rebasing: bytes[..<equals])))
            }
            guard let (keyBytes, name) = split else {
                throw invalid(
                    "expected an attribute 'name=value', found '\(word.text)'", at: word.column,
                    notes: ["attributes: \(Self.attributeNames.joined(separator: ", "))"])
            }
            guard let name else {
                // An unknown name is reported at the word, not the value.
                let key = String(Substring(word.text.utf8.prefix(keyBytes)))
                let suggestions = Suggestions.closest(to: key, in: Self.attributeNames)
                throw invalid(
                    "unknown attribute '\(key)'", at: word.column,
                    notes: suggestions.isEmpty
                        ? ["attributes: \(Self.attributeNames.joined(separator: ", "))"]
                        : ["did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"])
            }
            // Every attribute name is ASCII, so its bytes are its columns.
            let value = AttributeValue(word: word, offset: keyBytes + 1)
            try attribute(name, value, word: word, into: &behaviour)
            if name == .requires || name == .provides { columns.record(name.rawValue, column: word.column) }
        }
        try checkPrintkTimes(behaviour)
        return columns
    }

    /// The value of `key=value`: the word's text after the first `=`, made a `String` only
    /// by the attributes that keep it (a duration is read from the bytes in place).
    struct AttributeValue {
        var word: BootFileLexer.Word
        /// The byte offset of the value in the word's text.
        var offset: Int

        var column: Int { word.column + offset }

        var text: String { withBytes { String(decoding: $0, as: UTF8.self) } }

        func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            word.withBytes { body(UnsafeBufferPointer(rebasing: $0.dropFirst(offset))) }
        }
    }

    /// The byte offset of the first `byte` in `text`, read from its contiguous UTF-8 storage
    /// (`String.UTF8View.firstIndex(of:)` walks it index by index).
    static func offset(of byte: UInt8, in text: some StringProtocol) -> Int? {
        text.withUTF8Bytes { $0.firstIndex(of: byte) }
    }

    /// One attribute into `behaviour`; `mutating` for the reason ``registrationMacro(_:)`` is.
    private mutating func attribute(
        _ name: AttributeName, _ value: AttributeValue, word: BootFileLexer.Word,
        into behaviour: inout DeclaredBehaviour
    ) throws(BootDescriptionError) {
        let valueColumn = value.column
        switch name {
        case .time, .sleep, .gap, .flush:
            guard let ns = value.withBytes(DurationParser.nanoseconds) else {
                throw invalid(
                    "invalid duration '\(value.text)' for \(name.rawValue)=", at: valueColumn,
                    notes: ["a number and a unit: 500ns, 120us, 3ms, 2.5ms, 1s (at most a day, whole nanoseconds)"])
            }
            switch name {
            case .time: behaviour.time = ns
            case .gap: behaviour.gap = ns
            case .flush: behaviour.flush = ns
            default: behaviour.sleep = ns
            }
        case .returns:
            behaviour.returns = try returnValue(value.text, column: valueColumn)
        case .preempt:
            guard let count = value.withBytes(NumberLiteral.signedDecimal), (-1000...1000).contains(count)
            else {
                throw invalid(
                    "invalid preempt count '\(value.text)'", at: valueColumn,
                    notes: ["preempt=+1 leaves one preempt_disable() unbalanced; preempt=-1 one preempt_enable()"])
            }
            behaviour.preempt = count
        case .irqs:
            let text = value.text
            guard text == "off" || text == "on" else {
                throw invalid("expected irqs=off or irqs=on, found '\(text)'", at: valueColumn)
            }
            behaviour.irqsOff = text == "off"
        case .printk:
            behaviour.printk.append(try timedMessage(word, valueOffset: value.offset, column: valueColumn))
        case .prDebug:
            behaviour.printk.append(.init(level: .KERN_DEBUG, text: value.text, isDebug: true))
        case .requires, .provides:
            let names = value.text.split(separator: ",").map(String.init)
            guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else {
                throw invalid(
                    "expected a comma-separated list of resource names for \(name.rawValue)=", at: valueColumn)
            }
            if name == .requires { behaviour.requires += names } else { behaviour.provides += names }
        case .onMissing:
            behaviour.onMissing = try onMissing(value.text, column: valueColumn)
        case .requestModule:
            let text = value.text
            guard !text.isEmpty, !text.contains(" ") else {
                throw invalid("request_module= needs a module name or alias", at: valueColumn)
            }
            behaviour.requestModules.append(text)
        case .panic:
            let text = value.text
            guard !text.isEmpty else { throw invalid("panic= needs a message", at: valueColumn) }
            behaviour.panic = text
        case .address:
            let text = value.text
            guard text.hasPrefix("0x"), let address = NumberLiteral.address(text.dropFirst(2)) else {
                throw invalid(
                    "invalid function address '\(text)'", at: valueColumn,
                    notes: ["a hexadecimal address such as address=0xffffffff81a50e82, as %p printed it"])
            }
            behaviour.address = address
        case .size:
            guard let size = value.withBytes(NumberLiteral.size), (1...0x10_0000).contains(size)
            else {
                throw invalid(
                    "invalid symbol size '\(value.text)'", at: valueColumn,
                    notes: ["a size in bytes, 1 to 0x100000, e.g. size=0x40"])
            }
            behaviour.size = size
        case .async:
            behaviour.asyncs.append(try scheduledAsync(value.text, column: valueColumn))
        }
    }

    func returnValue(_ value: String, column: Int) throws(BootDescriptionError) -> Int32 {
        if let number = NumberLiteral.signedDecimal(value), let value = Int32(exactly: number) { return value }
        let negative = value.hasPrefix("-")
        let name = negative ? String(value.dropFirst()) : value
        if let errno = Errno.value(named: name) {
            guard negative else {
                throw invalid(
                    "errno names are returned negated: use -\(name)", at: column,
                    notes: ["initcalls return 0 or a negative errno"])
            }
            return -errno
        }
        let suggestions = Errno.suggestions(for: name)
        throw invalid(
            "invalid return value '\(value)'", at: column,
            notes: ["a number (-2147483648 to 2147483647) or a negated errno name such as -ENODEV"]
                + (suggestions.isEmpty
                    ? [] : ["did you mean \(suggestions.map { "'-\($0)'" }.joined(separator: " or "))?"]))
    }

    private func onMissing(_ value: String, column: Int) throws(BootDescriptionError) -> DeclaredBehaviour.OnMissing {
        switch value {
        case "panic": return .panic
        case "ignore": return .ignore
        default:
            do throws(BootDescriptionError) {
                return .returns(try returnValue(value, column: column))
            } catch {
                throw invalid(
                    "invalid on-missing action '\(value)'", at: column,
                    notes: ["on-missing= takes a return value (-ENODEV, -EPROBE_DEFER, 0), 'panic' or 'ignore'"])
            }
        }
    }

    /// A registration's `printk=`: a message (``message(_:valueOffset:column:)``), after an
    /// optional `+DUR:` — the line is printed once DUR of the call's `time=` busy-wait has
    /// passed (`printk=+12us:KERN_INFO:"…"`). A `+` with no `:` after it is the text itself.
    func timedMessage(_ word: BootFileLexer.Word, valueOffset: Int, column: Int) throws(BootDescriptionError)
        -> DeclaredBehaviour.Message
    {
        // By bytes: '+' and ':' are ASCII, and both are in the unquoted part of the value.
        let timing = word.withBytes { bytes -> (end: Int, nanoseconds: UInt64?)? in
            guard valueOffset < word.prefixLength, bytes[valueOffset] == UInt8(ascii: "+"),
                let colon = bytes[(valueOffset + 1)..<word.prefixLength].firstIndex(of: UInt8(ascii: ":"))
            else { return nil }
            return (
                colon + 1, DurationParser.nanoseconds(UnsafeBufferPointer(rebasing: bytes[(valueOffset + 1)..<colon]))
            )
        }
        guard let timing else { return try message(word, valueOffset: valueOffset, column: column) }
        guard let at = timing.nanoseconds else {
            let text = word.text.utf8.dropFirst(valueOffset).prefix(timing.end - valueOffset - 1)
            throw invalid(
                "invalid time '\(Substring(text))' for a printk= line", at: column,
                notes: ["printk=+12us:KERN_INFO:\"text\" prints the line 12us into the call's time= (ns, us, ms, s)"])
        }
        var message = try message(word, valueOffset: timing.end, column: column)
        message.at = at
        return message
    }

    /// The `+DUR:` times of a registration's lines, checked once its attributes are all read:
    /// each within `time=` (the busy-wait they are printed during) and none before the line
    /// before it (the lines are printed in the order written).
    func checkPrintkTimes(_ behaviour: DeclaredBehaviour) throws(BootDescriptionError) {
        var previous: UInt64 = 0
        for message in behaviour.printk {
            guard let at = message.at else { continue }
            guard at <= behaviour.time else {
                throw invalid(
                    "printk= line at +\(DurationParser.describe(at)) is after the call's time=\(DurationParser.describe(behaviour.time))",
                    at: message.column,
                    notes: ["a line's +DUR is a moment of the call's time= busy-wait: make time= at least that long"])
            }
            guard at >= previous else {
                throw invalid(
                    "printk= line at +\(DurationParser.describe(at)) is before the line before it (+\(DurationParser.describe(previous)))",
                    at: message.column, notes: ["the lines are printed in the order written"])
            }
            previous = at
        }
        for scheduled in behaviour.asyncs {
            guard let at = scheduled.at, at > behaviour.time else { continue }
            throw invalid(
                "async=\(scheduled.function.name) at +\(DurationParser.describe(at)) is after the call's time=\(DurationParser.describe(behaviour.time))",
                at: scheduled.column,
                notes: ["its +DUR is a moment of the call's time= busy-wait: make time= at least that long"])
        }
    }

    /// `KERN_ERR:"text"` (or `<3>:text`, `ERR:text`): the level prefix must be unquoted; a value
    /// without one is printed at the default level, as `printk()` without a prefix is. A quoted
    /// text may be followed by `,arg,arg[3]…`: it is then a `printk()` format, as is any text
    /// with a `%`. The value starts `valueOffset` bytes into the word's text.
    func message(_ word: BootFileLexer.Word, valueOffset: Int, column: Int) throws(BootDescriptionError)
        -> DeclaredBehaviour.Message
    {
        // By bytes: ':' and ',' are ASCII. The prefix is in the unquoted part of the value, and
        // the text runs from after it to the arguments' tail (or the end). A prefix that is a
        // level's name (the usual `KERN_INFO`) is matched as bytes and never made a string.
        let (named, prefix, text, hasArguments) = word.withBytes {
            bytes -> (LogLevel?, String?, String, Bool) in
            let unquotedValue = bytes[min(valueOffset, word.prefixLength)..<word.prefixLength]
            let colon = unquotedValue.firstIndex(of: UInt8(ascii: ":"))
            let start = colon.map { $0 + 1 } ?? valueOffset
            var end = bytes.count
            var hasArguments = false
            if let tailLength = word.tailLength, tailLength > 0, bytes[bytes.count - tailLength] == UInt8(ascii: ",") {
                end -= tailLength
                hasArguments = true
            }
            let prefixBytes = colon.map { UnsafeBufferPointer(rebasing: bytes[valueOffset..<$0]) }
            let named = prefixBytes.flatMap(LogLevel.named)
            let prefix = named != nil ? nil : prefixBytes.map { String(decoding: $0, as: UTF8.self) }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            return (named, prefix, text, hasArguments)
        }
        var level = named ?? LogLevel.KERN_DEFAULT
        var marker = named == nil ? DeclaredBehaviour.Message.Marker.none : .level
        if let prefix {
            if prefix == "KERN_CONT" || prefix == "CONT" || prefix == "pr_cont" { marker = .continuation }
            guard let parsed = marker == .continuation ? .KERN_DEFAULT : LogLevel(parsing: prefix) else {
                throw invalid(
                    "unknown log level '\(prefix)'", at: column,
                    notes: ["levels: KERN_EMERG … KERN_DEBUG, KERN_DEFAULT; quote the text if it holds a ':'"])
            }
            level = parsed
            if marker != .continuation { marker = .level }
        }
        var arguments: [PrintkArgument] = []
        if hasArguments, let tail = word.tail {
            for piece in tail.dropFirst().split(separator: ",", omittingEmptySubsequences: false) {
                guard let argument = PrintkArgument(parsing: String(piece)) else {
                    throw invalid(
                        "expected a printk argument, found '\(piece)'", at: column,
                        notes: ["arguments are parameter names, array elements (arr[3]) or functions (for %pS)"])
                }
                arguments.append(argument)
            }
        }
        var message = DeclaredBehaviour.Message(level: level, text: text, marker: marker, column: column)
        guard Self.offset(of: UInt8(ascii: "%"), in: text) != nil || !arguments.isEmpty else { return message }
        switch PrintkFormat.parse(text) {
        case .success(let format): message.format = format
        case .failure(let error): throw invalid(error.message, at: column, notes: [Self.formatNote])
        }
        message.arguments = arguments
        return message
    }

    static let formatNote =
        "a format with arguments is quoted, then the arguments follow: printk=KERN_INFO:\"age=%d arr[0]=%d\\n\",age,arr[0]"

    // MARK: Helpers

    func single(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], _ expected: String)
        throws(BootDescriptionError) -> String
    {
        guard arguments.count == 1 else {
            let column = arguments.count > 1 ? arguments[1].column : keyword.column + keyword.text.count + 1
            throw invalid(
                arguments.isEmpty ? "'\(keyword.text)' expects \(expected)" : "'\(keyword.text)' takes one argument",
                at: column, notes: ["expected \(expected)"])
        }
        return arguments[0].text
    }

    func noArguments(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        if let extra = arguments.first {
            throw invalid("'\(keyword.text)' takes no arguments", at: extra.column)
        }
    }

    func diagnostic(_ message: String, at column: Int, notes: [String] = []) -> Diagnostic {
        diagnostic(message, line: lineNumber, column: column, notes: notes)
    }

    /// An error at `line`:`column` of this file, with that line's text: for the checks made
    /// after the whole file is read, which report where the statement was.
    func diagnostic(_ message: String, line: Int, column: Int, notes: [String] = []) -> Diagnostic {
        let source = line >= 1 && line - 1 < lines.count ? String(lines[line - 1]) : nil
        return Diagnostic(
            .error, at: SourceLocation(file: file, line: line, column: column), message, notes: notes,
            sourceLine: source)
    }

    func invalid(_ message: String, at column: Int, notes: [String] = []) -> BootDescriptionError {
        .invalid(diagnostic(message, at: column, notes: notes))
    }
}
