import SourceInput

/// The parameter statements of `.boot` files, under an object:
///
///     modname par                                   # KBUILD_MODNAME (default: the base name)
///     module_param age int 0644 default=25
///     module_param_named level debug_level int 0644
///     module_param_array arr int 0444 max=10 default=6,7,8 count=arr_argc   # count=NULL: no nump
///     module_param_string name 0644 size=16 default="par"
///     module_param_cb speed uint 0644               # the ops of a standard type
///     core_param verbose bool 0644                  # no prefix
///     subsys_param_cb mode int 0644                 # set in the subsys pass; any level's name
///     __level_param_cb mode int 0644 4              # the level by number
///     MODULE_PARM_DESC age "how old"
///     early_param "mydbg" mydbg_setup printk=KERN_INFO:"mydbg=%s\n",str returns=0
///     __setup "myopt=" myopt_setup printk=KERN_INFO:"myopt: %s\n",str
extension BootFileParser {
    /// A `printk=` whose arguments are checked at the end of the file.
    struct PendingFormat {
        var object: Int
        var message: DeclaredBehaviour.Message
        var line: Int
        /// Whether it belongs to a `__setup`/`early_param` handler, whose `str` it may print.
        var handler: Bool
    }

    var parameterKeywords: [String] {
        ["modname", "MODULE_PARM_DESC", "early_param", "__setup", "__level_param_cb"] + ModuleParam.macros
            + description.levels.paramMacroNames
    }

    /// False for the registrations, the common case, which are never parameter statements.
    static func mayBeParameterStatement(_ macro: String) -> Bool {
        macro.withUTF8Bytes(mayBeParameterStatement)
    }

    /// ``mayBeParameterStatement(_:)`` of UTF-8 bytes (`String.hasSuffix` compares characters).
    static func mayBeParameterStatement(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !(endsWith(bytes, initcallSuffix) || endsWith(bytes, initcallSyncSuffix)
            || (bytes.count == moduleInit.count && endsWith(bytes, moduleInit)))
    }

    private static func endsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ suffix: [UInt8]) -> Bool {
        bytes.count >= suffix.count
            && suffix.withUnsafeBufferPointer {
                ByteScan.equal(UnsafeBufferPointer(rebasing: bytes.suffix($0.count)), $0)
            }
    }

    private static let initcallSuffix = Array("_initcall".utf8)
    private static let initcallSyncSuffix = Array("_initcall_sync".utf8)
    private static let moduleInit = Array("module_init".utf8)

    /// Handles a parameter statement; false when `keyword` is not one.
    mutating func parameterStatement(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError) -> Bool
    {
        let macro = keyword.text
        guard Self.mayBeParameterStatement(macro) else { return false }
        let isLevelHelper = macro.hasSuffix("_param_cb") && macro != "module_param_cb"
        guard parameterKeywords.contains(macro) || isLevelHelper || macro == "pure_param_cb" else { return false }
        guard let objectIndex = currentObject else {
            throw invalid(
                "'\(macro)' outside an object", at: keyword.column,
                notes: ["parameters and boot options belong to an object file: write 'object path/to/file.o' first"])
        }
        switch macro {
        case "modname":
            let name = try single(keyword, arguments, "a module name such as par")
            guard Self.isIdentifier(name) else {
                throw invalid(
                    "invalid module name '\(name)'", at: arguments[0].column,
                    notes: ["KBUILD_MODNAME is a C identifier: letters, digits and '_'"])
            }
            description.objects[objectIndex].modname = name
        case "MODULE_PARM_DESC":
            try parmDescription(keyword, arguments, objectIndex)
        case "early_param", "__setup":
            try setup(keyword, arguments, objectIndex)
        default:
            let param = try parameter(keyword, arguments)
            description.objects[objectIndex].params.append(param)
        }
        return true
    }

    // MARK: Parameters

    /// The positional words of each macro, after the name.
    private static func positionals(_ macro: String) -> [String] {
        switch macro {
        case "module_param_named": return ["variable", "type", "perm"]
        case "module_param_array_named": return ["array", "type", "perm"]
        case "module_param_string": return ["perm"]
        case "__level_param_cb": return ["type", "perm", "level"]
        default: return ["type", "perm"]
        }
    }

    private mutating func parameter(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError) -> ModuleParam
    {
        let macro = keyword.text
        var level = -1
        if macro.hasSuffix("_param_cb"), macro != "module_param_cb", macro != "__level_param_cb" {
            guard let found = description.levels.paramLevel(forMacro: macro) else {
                throw unknownLevelHelper(keyword)
            }
            level = found
        }
        guard let name = arguments.first, Self.isIdentifier(name.text) else {
            throw invalid(
                "expected a parameter name after '\(macro)'",
                at: arguments.first?.column ?? (keyword.column + macro.count + 1), notes: ["a C identifier such as age"]
            )
        }
        var words = Array(arguments.dropFirst())
        // core_param(name, var, type, perm): the variable may be given.
        var expected = Self.positionals(macro)
        if macro == "core_param", words.count >= 3, !words[2].text.contains("=") {
            expected = ["variable", "type", "perm"]
        }
        var positional: [String: BootFileLexer.Word] = [:]
        for part in expected {
            guard let word = words.first, !word.unquotedPrefix.contains("=") else {
                throw invalid(
                    "'\(macro) \(name.text)' expects \(Self.describe(part))",
                    at: words.first?.column ?? (lineLength + 1),
                    notes: ["\(macro) \(Self.usage(macro))"])
            }
            positional[part] = word
            words.removeFirst()
        }
        var columns = ["name": name.column]
        for (part, word) in positional { columns[part] = word.column }
        let permission = try permission(positional["perm"])
        if let levelWord = positional["level"] { level = try explicitLevel(levelWord) }
        var param = ModuleParam(
            name: name.text, variable: positional["variable"]?.text ?? positional["array"]?.text,
            kind: .scalar(.int), permission: permission, level: level, prefixed: macro != "core_param", macro: macro,
            source: SourceLocation(file: file, line: lineNumber, column: keyword.column), columns: columns,
            sourceLine: String(lines[lineNumber - 1]))
        try parameterAttributes(words, type: positional["type"], into: &param)
        return param
    }

    private var lineLength: Int { lineNumber - 1 < lines.count ? lines[lineNumber - 1].unicodeScalars.count : 0 }

    private static func describe(_ part: String) -> String {
        switch part {
        case "type":
            return "a type (byte, short, ushort, int, uint, long, ulong, ullong, hexint, charp, bool, invbool, bint)"
        case "perm": return "a permission such as 0644 (0: no sysfs file)"
        case "variable": return "the C variable it sets"
        case "array": return "the C array it sets"
        case "level": return "a level number"
        default: return part
        }
    }

    private static func usage(_ macro: String) -> String {
        switch macro {
        case "module_param_named": return "NAME VARIABLE TYPE PERM [default=V]"
        case "module_param_array": return "NAME TYPE PERM max=N [default=a,b,…] [count=VAR|count=NULL]"
        case "module_param_array_named": return "NAME ARRAY TYPE PERM max=N [default=a,b,…] [count=VAR|count=NULL]"
        case "module_param_string": return "NAME PERM size=N [default=\"text\"]"
        case "__level_param_cb": return "NAME TYPE PERM LEVEL [default=V]"
        case "core_param": return "NAME [VARIABLE] TYPE PERM [default=V]"
        default: return "NAME TYPE PERM [default=V]"
        }
    }

    private func unknownLevelHelper(_ keyword: BootFileLexer.Word) -> BootDescriptionError {
        let macro = keyword.text
        if macro == "\(description.levels.initcallLevelNames.first ?? "pure")_param_cb" {
            return invalid(
                "'\(macro)' does not exist: include/linux/moduleparam.h has no helper for level 0", at: keyword.column,
                notes: ["write '__level_param_cb NAME TYPE PERM 0' to tag a parameter with level 0"])
        }
        let suggestions = Suggestions.closest(to: macro, in: description.levels.paramMacroNames + ModuleParam.macros)
        return invalid(
            "unknown statement '\(macro)'", at: keyword.column,
            notes: suggestions.isEmpty
                ? [
                    "the level helpers of this level table: \(description.levels.paramMacroNames.joined(separator: ", "))"
                ]
                : ["did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"])
    }

    private func permission(_ word: BootFileLexer.Word?) throws(BootDescriptionError) -> ParamPermission {
        guard let word else { return .none }
        switch ParamPermission.parse(word.text) {
        case .success(let permission): return permission
        case .failure(let error):
            throw invalid(
                error.message, at: word.column,
                notes: ["a mode in octal (0644, 0444, 0600, 0 for no sysfs file) or S_IRUGO|S_IWUSR"])
        }
    }

    private func explicitLevel(_ word: BootFileLexer.Word) throws(BootDescriptionError) -> Int {
        let walks = max(0, description.levels.initcallLevels.count - 1)
        guard let level = NumberLiteral.signedDecimal(word.text), level == -1 || (0..<walks).contains(level) else {
            throw invalid(
                "invalid parameter level '\(word.text)'", at: word.column,
                notes: ["-1 (the Booting kernel pass) or a level of the table, 0 to \(walks - 1)"])
        }
        return level
    }

    /// The type word and `default=`, `max=`, `size=`, `count=`.
    private func parameterAttributes(
        _ words: [BootFileLexer.Word], type typeWord: BootFileLexer.Word?, into param: inout ModuleParam
    ) throws(BootDescriptionError) {
        let macro = param.macro
        let type = try typeWord.map { (word) throws(BootDescriptionError) in try paramType(word, macro: macro) }
        var attributes: [String: BootFileLexer.Word] = [:]
        let allowed: [String]
        switch macro {
        case "module_param_array", "module_param_array_named": allowed = ["default", "max", "count"]
        case "module_param_string": allowed = ["default", "size"]
        default: allowed = ["default"]
        }
        for word in words {
            guard let equals = word.unquotedPrefix.firstIndex(of: "=") else {
                throw invalid(
                    "expected an attribute 'name=value', found '\(word.text)'", at: word.column,
                    notes: ["\(macro) \(Self.usage(macro))"])
            }
            let key = String(word.unquotedPrefix[..<equals])
            guard allowed.contains(key) else {
                throw invalid(
                    "'\(macro)' takes no attribute '\(key)'", at: word.column, notes: ["\(macro) \(Self.usage(macro))"])
            }
            attributes[key] = word
            param.columns[key] = word.column + key.count + 1
        }
        switch macro {
        case "module_param_array", "module_param_array_named":
            let max = try size(attributes["max"], key: "max", param: param)
            let countWord = attributes["count"].map { String($0.text.dropFirst("count=".count)) }
            let nump = countWord != "NULL"
            if let countWord, nump, !Self.isIdentifier(countWord) {
                throw invalid(
                    "invalid count variable '\(countWord)'", at: param.columns["count"] ?? 1,
                    notes: ["a C identifier, or NULL"])
            }
            let elementType = type ?? .int
            param.kind = .array(elementType, max: max, nump: nump)
            param.countVariable = nump ? (countWord ?? "\(param.name)_count") : nil
            if let word = attributes["default"] {
                param.defaultValue = try arrayDefault(word, type: elementType)
            }
        case "module_param_string":
            param.kind = .string(size: try size(attributes["size"], key: "size", param: param))
            if let word = attributes["default"] { param.defaultValue = .string(valueText(word, key: "default")) }
        default:
            let scalar = type ?? .int
            param.kind = .scalar(scalar)
            if let word = attributes["default"] {
                param.defaultValue = try scalarDefault(valueText(word, key: "default"), word: word, type: scalar)
            }
        }
    }

    private func valueText(_ word: BootFileLexer.Word, key: String) -> String {
        String(word.text.dropFirst(key.count + 1))
    }

    private func paramType(_ word: BootFileLexer.Word, macro: String) throws(BootDescriptionError) -> ParamType {
        var text = word.text
        if text.hasPrefix("param_ops_") { text = String(text.dropFirst("param_ops_".count)) }
        if let type = ParamType(rawValue: text) { return type }
        var notes: [String] = []
        if text == "string" {
            notes.append("a copied string buffer is declared with 'module_param_string NAME PERM size=N'")
        }
        let suggestions = Suggestions.closest(to: text, in: ParamType.allCases.map(\.rawValue))
        if !suggestions.isEmpty {
            notes.append("did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?")
        }
        notes.append("types: \(ParamType.allCases.map(\.rawValue).joined(separator: ", "))")
        throw invalid("unknown parameter type '\(word.text)' for '\(macro)'", at: word.column, notes: notes)
    }

    private func size(_ word: BootFileLexer.Word?, key: String, param: ModuleParam) throws(BootDescriptionError) -> Int
    {
        guard let word else {
            throw invalid(
                "'\(param.macro) \(param.name)' needs \(key)=", at: param.source?.column ?? 1,
                notes: ["\(param.macro) \(Self.usage(param.macro))"])
        }
        let text = valueText(word, key: key)
        guard let value = NumberLiteral.size(text), value <= 65_536 else {
            throw invalid(
                "invalid \(key) '\(text)'", at: word.column + key.count + 1,
                notes: [
                    key == "max"
                        ? "the number of elements, 1 to 65536" : "the buffer size in bytes, NUL included, 1 to 65536"
                ])
        }
        return value
    }

    /// A C initializer for one variable of `type`: an integer constant, `true`/`false`, a string,
    /// `NULL` for a charp.
    private func scalarDefault(_ text: String, word: BootFileLexer.Word, type: ParamType)
        throws(BootDescriptionError) -> ParamValue
    {
        let column = word.column + "default=".count
        if type == .charp {
            if text == "NULL", !word.hasQuotes { return .string(nil) }
            return .string(text)
        }
        if type == .bool || type == .invbool || type == .bint {
            if text == "true" { return .bool(true) }
            if text == "false" { return .bool(false) }
        }
        guard let value = Self.integerConstant(text) else {
            throw invalid(
                "invalid default '\(text)' for a parameter of type \(type.rawValue)", at: column,
                notes: [
                    type == .bool || type == .invbool || type == .bint
                        ? "true, false, 0 or 1" : "a C integer constant: 25, -5, 0x19, 031"
                ])
        }
        return value
    }

    private func arrayDefault(_ word: BootFileLexer.Word, type: ParamType) throws(BootDescriptionError) -> ParamValue {
        var text = Substring(valueText(word, key: "default"))
        if text.hasPrefix("{"), text.hasSuffix("}") { text = text.dropFirst().dropLast() }
        var elements: [ParamValue] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            let element = String(piece).trimmingCharacters(in: " ")
            if element.isEmpty {
                throw invalid(
                    "empty element in the default of an array", at: word.column + "default=".count,
                    notes: ["separate the elements with commas: default=6,7,8"])
            }
            elements.append(try scalarDefault(element, word: word, type: type))
        }
        return .array(elements)
    }

    /// A C integer constant with an optional sign: decimal, `0x` hex or leading-`0` octal; nil
    /// when malformed or beyond 64 bits.
    static func integerConstant(_ text: String) -> ParamValue? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        var radix = 10
        if body.hasPrefix("0x") || body.hasPrefix("0X") {
            radix = 16
            body = body.dropFirst(2)
        } else if body.count > 1, body.hasPrefix("0") {
            radix = 8
            body = body.dropFirst()
        }
        guard !body.isEmpty, body.count <= 22, body.allSatisfy({ $0.isASCII && $0.isHexDigit }),
            let magnitude = UInt64(body, radix: radix)
        else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return .signed(magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude))
        }
        return magnitude <= UInt64(Int64.max) ? .signed(Int64(magnitude)) : .unsigned(magnitude)
    }

    // MARK: MODULE_PARM_DESC

    private mutating func parmDescription(
        _ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], _ objectIndex: Int
    ) throws(BootDescriptionError) {
        guard arguments.count == 2, Self.isIdentifier(arguments[0].text) else {
            throw invalid(
                "'MODULE_PARM_DESC' expects a parameter name and a quoted description",
                at: arguments.first?.column ?? (keyword.column + keyword.text.count + 1),
                notes: ["MODULE_PARM_DESC age \"how old the user is\""])
        }
        description.objects[objectIndex].paramDescriptions.append(
            ParamDescription(
                name: arguments[0].text, text: arguments[1].text,
                source: SourceLocation(file: file, line: lineNumber, column: keyword.column)))
    }

    // MARK: __setup and early_param

    /// `early_param "str" fn [printk=…]… [returns=N]` and `__setup "str=" fn …`: a declarative
    /// handler that prints its lines (they may print `str`, the text it gets) and returns
    /// `returns=` (default: 1, handled, for `__setup`; 0, fine, for `early_param`).
    private mutating func setup(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], _ objectIndex: Int)
        throws(BootDescriptionError)
    {
        let early = keyword.text == "early_param"
        guard arguments.count >= 2, !arguments[0].text.isEmpty, Self.isIdentifier(arguments[1].text) else {
            throw invalid(
                "'\(keyword.text)' expects the option's name and the handler's name",
                at: arguments.first?.column ?? (keyword.column + keyword.text.count + 1),
                notes: [early ? "early_param \"mydbg\" mydbg_setup" : "__setup \"myopt=\" myopt_setup"])
        }
        let str = arguments[0].text
        if str.contains(where: { $0 == " " || $0 == "\t" || $0 == "\"" }) {
            throw invalid("an option name has no spaces or quotes: '\(str)'", at: arguments[0].column)
        }
        var returns: Int32 = early ? 0 : 1
        var messages: [DeclaredBehaviour.Message] = []
        for word in arguments.dropFirst(2) {
            let key = String(word.unquotedPrefix.prefix { $0 != "=" })
            let valueColumn = word.column + key.count + 1
            let value = String(word.text.dropFirst(key.count + 1))
            switch (key, word.unquotedPrefix.contains("=")) {
            case ("printk", true):
                messages.append(try message(word, valueOffset: key.utf8.count + 1, column: valueColumn))
            case ("returns", true): returns = try returnValue(value, column: valueColumn)
            default:
                throw invalid(
                    "'\(keyword.text)' handlers take printk= and returns=, found '\(word.text)'", at: word.column,
                    notes: ["a handler prints lines (with its argument as 'str') and returns a value"])
            }
        }
        for message in messages where message.format != nil {
            pendingFormats.append(PendingFormat(object: objectIndex, message: message, line: lineNumber, handler: true))
        }
        let result = returns
        let lines = messages
        description.objects[objectIndex].setups.append(
            SetupDeclaration(
                str: str, function: arguments[1].text, early: early,
                source: SourceLocation(file: file, line: lineNumber, column: keyword.column)
            ) { argument, k in
                for line in lines { k.printk(line.level, line.rendered(k, str: .some(argument))) }
                return result
            })
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
