enum ArgumentParser {
    static func parse(_ arguments: [String], options: [OptionSpec]) throws(CLIError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || argument == "-" || !argument.hasPrefix("-") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            var spec = options.first { $0.name == name }
            if spec == nil, !argument.hasPrefix("--"), argument.count >= 2 {
                let letter = argument[argument.index(after: argument.startIndex)]
                if let short = options.first(where: { $0.short == letter }) {
                    spec = short
                    name = short.name
                    let glued = String(argument.dropFirst(2))
                    if !glued.isEmpty { inline = glued }
                }
            }
            guard let spec else {
                throw .usage("unknown option '\(argument)'")
            }
            if spec.takesValue {
                let value: String
                if let inline {
                    value = inline
                } else {
                    guard index < arguments.count else { throw .usage("option '\(name)' needs a value") }
                    value = arguments[index]
                    index += 1
                }
                if !spec.repeatable, parsed.values[spec.name] != nil {
                    throw .usage("option '\(name)' given more than once")
                }
                parsed.values[spec.name, default: []].append(value)
            } else {
                if inline != nil { throw .usage("option '\(name)' takes no value") }
                parsed.flags.insert(spec.name)
            }
        }
        return parsed
    }
}
