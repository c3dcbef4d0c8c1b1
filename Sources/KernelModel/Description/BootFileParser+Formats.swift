import SourceInput

/// `-Wformat` for `.boot` files: every `printk=` format is checked against the arguments it
/// names once the whole file is read, as GCC checks `printk()` calls against its
/// `__printf(1, 2)` attribute.
extension BootFileParser {
    func checkFormats() throws(BootDescriptionError) {
        guard !pendingFormats.isEmpty else { return }
        let entries = description.objects.flatMap { object in
            object.params.map { ($0, object.modname) }
        }
        var functions = Set(description.objects.flatMap { $0.entries.map(\.function.name) })
        // A module's functions and the symbols it exports or uses have addresses too (%pS).
        for module in description.modules {
            functions.formUnion([module.initFunction?.name, module.exitFunction?.name].compactMap { $0 })
            functions.formUnion(module.exports.map(\.name) + module.uses)
        }
        for pending in pendingFormats {
            guard let format = pending.message.format else { continue }
            var types: [PrintkArgumentType] = []
            for argument in pending.message.arguments {
                switch argumentType(argument, in: pending, entries: entries, functions: functions) {
                case .success(let type): types.append(type)
                case .failure(let error): throw formatError(error.message, notes: error.notes, pending)
                }
            }
            if let problem = format.check(types) {
                throw formatError(problem, notes: [Self.formatNote], pending)
            }
        }
    }

    struct ArgumentError: Error {
        var message: String
        var notes: [String] = []
    }

    /// What `argument` names: the handler's `str`, a variable of the object (a parameter, a
    /// `module_param_named()` variable, an array's count), a parameter by its full name, or an
    /// initcall function.
    private func argumentType(
        _ argument: PrintkArgument, in pending: PendingFormat, entries: [(ModuleParam, String)],
        functions: Set<String>
    ) -> Result<PrintkArgumentType, ArgumentError> {
        if pending.handler, argument.name == "str" {
            return argument.index == nil ? .success(.string) : .failure(subscriptError(argument))
        }
        let object = description.objects[pending.object]
        if let param = object.params.first(where: { $0.variable == argument.name })
            ?? object.params.first(where: { $0.name == argument.name })
        {
            return type(of: param, argument)
        }
        if object.params.contains(where: { $0.countVariable == argument.name }) {
            return argument.index == nil ? .success(.integer(.uint)) : .failure(subscriptError(argument))
        }
        let all =
            entries.map { ($0.0, $0.0.fullName(modname: $0.1)) }
            + ParamEntry.kernelBuiltins.map { ($0.param, $0.fullName) }
        if let (param, _) = all.first(where: { Self.parameq($0.1, argument.name) }) {
            return type(of: param, argument)
        }
        if functions.contains(argument.name) {
            return argument.index == nil ? .success(.function) : .failure(subscriptError(argument))
        }
        var candidates = object.params.flatMap { [$0.name, $0.variable] + ($0.countVariable.map { [$0] } ?? []) }
        candidates += all.map(\.1) + functions.sorted()
        if pending.handler { candidates.append("str") }
        let suggestions = Suggestions.closest(to: argument.name, in: candidates)
        return .failure(
            ArgumentError(
                message: "'\(argument.name)' undeclared (first use in this function)",
                notes: suggestions.isEmpty
                    ? [
                        "printk arguments are parameters of the object, full parameter names (par.age), or initcall functions"
                    ]
                    : ["did you mean \(suggestions.map { "'\($0)'" }.joined(separator: " or "))?"]))
    }

    private func type(of param: ModuleParam, _ argument: PrintkArgument) -> Result<PrintkArgumentType, ArgumentError> {
        switch param.kind {
        case .scalar(let type):
            return argument.index == nil ? .success(.integer(type)) : .failure(subscriptError(argument))
        case .string:
            return argument.index == nil
                ? .success(.string)
                : .failure(ArgumentError(message: "'\(argument)': a .boot printk reads a string buffer whole (%s)"))
        case .array(let type, let max, _):
            guard let index = argument.index else { return .success(.array(type)) }
            guard index < max else {
                return .failure(
                    ArgumentError(
                        message:
                            "array index \(index) is past the end of the array (which contains \(max) elements) [-Warray-bounds]"
                    ))
            }
            return .success(.integer(type))
        }
    }

    private func subscriptError(_ argument: PrintkArgument) -> ArgumentError {
        ArgumentError(message: "subscripted value '\(argument.name)' is neither array nor pointer nor vector")
    }

    private func formatError(_ message: String, notes: [String], _ pending: PendingFormat) -> BootDescriptionError {
        .invalid(diagnostic(message, line: pending.line, column: pending.message.column, notes: notes))
    }

    /// `parameq()` (kernel/params.c): equal, `-` and `_` alike.
    static func parameq(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).allSatisfy { ($0 == 0x2d ? 0x5f : $0) == ($1 == 0x2d ? 0x5f : $1) }
    }
}
