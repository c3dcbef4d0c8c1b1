import SourceInput

/// `async NAME [function=FN] [time=] [delay=] [pid=] [size=] [synchronize=cookie] [printk=…]`: an
/// entry an initcall hands to `async_schedule()` (``AsyncFunction``), declared before the
/// registrations that name it with `async=NAME` — as C declares a static function before its
/// use. NAME is the function unless `function=` names it: one function scheduled several times
/// (libata's `async_port_probe`, once per port) runs on different workers for different
/// times, so each entry can be declared under a name of its own.
extension BootFileParser {
    static let asyncSettings = ["function", "time", "delay", "pid", "size", "synchronize", "printk"]

    mutating func asyncFunction(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        guard currentObject != nil || currentModule != nil else {
            throw invalid(
                "'async' outside an object", at: keyword.column,
                notes: [
                    "an async function belongs to the object whose initcall schedules it: write 'object path/to/file.o' first"
                ])
        }
        // kernel/async.c came with 2.6.29 ("async: Asynchronous function calls to speed boot",
        // 22a9d645677f); the release is known by now (it comes before the first object).
        guard description.version.isAtLeast(2, 6, 29) else {
            throw invalid(
                "'async' needs kernel/async.c, which Linux \(description.version.release) does not have",
                at: keyword.column,
                notes: ["async_schedule() came with 2.6.29 (22a9d645677f): declare kernel \"2.6.29\" or later"])
        }
        guard let name = arguments.first, name.withBytes(Self.isIdentifier) else {
            throw invalid(
                "expected a function name after 'async'", at: arguments.first?.column ?? keyword.column + 6,
                notes: [
                    "async floppy_async_init time=1.3s: a C identifier, the function or a name for this entry of it"
                ])
        }
        if let previous = asyncFunctions[name.text] {
            throw invalid(
                "async entry '\(name.text)' is already declared at line \(previous.line)", at: name.column,
                notes: [
                    "a second entry of the same function takes a name of its own: 'async \(name.text)_2 function=\(previous.function.name) …'"
                ])
        }
        let settings = try settings(keyword, arguments.dropFirst(), allowed: Self.asyncSettings, repeatable: ["printk"])
        // function= first: the default size follows the function's name.
        var function = AsyncFunction(try settings.first { $0.key == "function" }.map(functionName) ?? name.text)
        for setting in settings where setting.key != "function" {
            try asyncSetting(setting, into: &function)
        }
        var previous: UInt64 = 0
        for line in function.printk {
            guard let at = line.at else { continue }
            guard at <= function.time, at >= previous else {
                throw invalid(
                    "async entry '\(name.text)': a printk= line at +\(DurationParser.describe(at)) is \(at > function.time ? "after its time=\(DurationParser.describe(function.time))" : "before the line before it")",
                    at: name.column, notes: ["timed lines come first, in order, each within time="])
            }
            previous = at
        }
        asyncFunctions[name.text] = (function, lineNumber)
    }

    private func functionName(_ setting: Setting) throws(BootDescriptionError) -> String {
        guard Self.isIdentifier(setting.value) else {
            throw invalid(
                "expected a function name for function=, found '\(setting.value)'", at: setting.valueColumn,
                notes: ["a C identifier, what %pF prints after the cookie"])
        }
        return setting.value
    }

    private func asyncSetting(_ setting: Setting, into function: inout AsyncFunction) throws(BootDescriptionError) {
        switch setting.key {
        case "time", "delay":
            guard let value = DurationParser.nanoseconds(setting.value) else {
                throw invalid(
                    "invalid duration '\(setting.value)' for \(setting.key)=", at: setting.valueColumn,
                    notes: ["a number and a unit: 500ns, 120us, 3ms, 2.5ms, 1s (at most a day, whole nanoseconds)"])
            }
            if setting.key == "time" { function.time = value } else { function.delay = value }
        case "pid":
            function.pid = try pid(setting, of: "the worker that runs it")
        case "size":
            guard let size = NumberLiteral.size(setting.value), (1...0x10_0000).contains(size) else {
                throw invalid(
                    "invalid symbol size '\(setting.value)'", at: setting.valueColumn,
                    notes: ["a size in bytes, 1 to 0x100000, e.g. size=0x49"])
            }
            function.size = size
        case "synchronize":
            guard setting.value == "cookie" else {
                throw invalid(
                    "expected synchronize=cookie, found '\(setting.value)'", at: setting.valueColumn,
                    notes: ["async_synchronize_cookie(cookie) first: wait for every entry scheduled before it"])
            }
            function.synchronizesCookie = true
        default:
            let message = try timedMessage(
                setting.word, valueOffset: setting.key.utf8.count + 1, column: setting.valueColumn)
            // A plain line: `%%` is a literal percent, but nothing is converted.
            guard message.format?.conversions.isEmpty ?? true, message.arguments.isEmpty,
                message.marker == .level || message.marker == .none
            else {
                throw invalid(
                    "an async function's printk= takes a plain line", at: setting.valueColumn,
                    notes: [
                        "no printk() format arguments or KERN_CONT: printk=KERN_INFO:\"FDC 0 is a post-1991 82077\""
                    ])
            }
            // As printk() reads it: a newline at the end ends the record (`"\n"` alone is an
            // empty one).
            var text = message.format?.render([]) ?? message.text
            if text.hasSuffix("\n") { text.removeLast() }
            function.printk.append(AsyncFunction.Line(message.level, text, at: message.at))
        }
    }

    /// `async=FN` or `async=+DUR:FN` of a registration: the declared function, scheduled after
    /// the call's `time=` (or DUR into it).
    func scheduledAsync(_ value: String, column: Int) throws(BootDescriptionError) -> DeclaredBehaviour.Scheduled {
        var name = Substring(value)
        var at: UInt64?
        if value.hasPrefix("+"), let colon = value.firstIndex(of: ":") {
            guard let moment = DurationParser.nanoseconds(String(value[value.index(after: value.startIndex)..<colon]))
            else {
                throw invalid(
                    "invalid time '\(value[..<colon])' for async=", at: column,
                    notes: ["async=+2ms:fn schedules fn 2ms into the call's time= (ns, us, ms, s)"])
            }
            at = moment
            name = value[value.index(after: colon)...]
        }
        guard let declared = asyncFunctions[String(name)] else {
            let suggestions = Suggestions.closest(to: String(name), in: asyncFunctions.keys.sorted())
            throw invalid(
                "async entry '\(name)' is not declared", at: column,
                notes: suggestions.isEmpty
                    ? ["declare it first, in its object: 'async \(name) time=1ms' (a line before this one)"]
                    : ["did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"])
        }
        return DeclaredBehaviour.Scheduled(function: declared.function, at: at, column: column)
    }
}
