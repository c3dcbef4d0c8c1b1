import KernelBoot

/// `initcall-sim cmdline`: what every parameter pass of a boot did with every token of the
/// command line, token by token.
public enum CommandLineRenderer {
    /// The text report: the command line, then each token with one line per pass (neighbouring
    /// level passes that did the same folded into `pure … late`), then what init gets.
    public static func render(_ result: BootResult) -> String {
        var output = "Command line: \(result.commandLine)\n"
        let tokens = groupByToken(result.commandLineTrace)
        if tokens.isEmpty { output += "\n(no tokens)\n" }
        for events in tokens {
            guard let first = events.first else { continue }
            output += "\n\(first.token)\n"
            var rows: [[String]] = []
            var notes: [Int: [String]] = [:]
            for run in foldLevels(events) {
                let pass = run.count == 1 ? run[0].pass : "\(run[0].pass) … \(run[run.count - 1].pass)"
                rows.append(["  " + pass, describe(run[0])])
                if !run[0].messages.isEmpty { notes[rows.count - 1] = run[0].messages }
            }
            let lines = TextTable.render(rows).split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() where !line.isEmpty {
                output += line + "\n"
                for message in notes[index] ?? [] { output += "      printed: \(message)\n" }
            }
        }
        output += "\n"
        let arguments = result.options.argvInit.dropFirst()
        output += "init arguments: \(arguments.isEmpty ? "(none)" : arguments.joined(separator: " "))\n"
        output += "init environment: \(result.options.envpInit.joined(separator: " "))\n"
        return output
    }

    /// The events of each token, tokens in command-line order, passes in the order they ran.
    public static func groupByToken(_ events: [CommandLineEvent]) -> [[CommandLineEvent]] {
        var order: [Int] = []
        var byOffset: [Int: [CommandLineEvent]] = [:]
        for event in events {
            if byOffset[event.offset] == nil { order.append(event.offset) }
            byOffset[event.offset, default: []].append(event)
        }
        return order.sorted().compactMap { byOffset[$0] }
    }

    /// Runs of neighbouring level passes that did the same thing, each other pass alone.
    static func foldLevels(_ events: [CommandLineEvent]) -> [[CommandLineEvent]] {
        var runs: [[CommandLineEvent]] = []
        for event in events {
            if event.level != nil, let last = runs.last?.last, last.level != nil, same(last, event) {
                runs[runs.count - 1].append(event)
            } else {
                runs.append([event])
            }
        }
        return runs
    }

    private static func same(_ a: CommandLineEvent, _ b: CommandLineEvent) -> Bool {
        a.action == b.action && a.target == b.target && a.detail == b.detail && a.messages == b.messages
    }

    /// One pass's action in words.
    public static func describe(_ event: CommandLineEvent) -> String {
        let target = event.target ?? event.param
        switch event.action {
        case .set: return "set \(target) = \(ParametersRenderer.shown(event.detail ?? ""))"
        case .error:
            var text = "error setting \(target)" + (event.error.map { " (\($0))" } ?? "")
            if let detail = event.detail { text += "; it reads \(ParametersRenderer.shown(detail))" }
            return text
        case .otherLevel: return "left for the \(event.detail ?? "other") pass (\(target))"
        case .ignored:
            if event.pass == "early options" { return "ignored (no early_param of this name)" }
            if event.level != nil { return "ignored (not a parameter of this level)" }
            return "ignored"
        case .earlyOption: return "early option: \(target)"
        case .earlyDone: return "already handled as an early option (\(target))"
        case .setup: return "consumed by \(target)"
        case .bootLoader: return "boot loader option, consumed"
        case .dropped: return "dropped (a module parameter no built-in code declares)"
        case .initArgument: return "passed to init as an argument: \(event.detail ?? event.token)"
        case .initEnvironment: return "passed to init's environment: \(event.detail ?? event.token)"
        case .endOfOptions:
            guard event.pass == "Booting kernel" else { return "end of this pass" }
            if let detail = event.detail {
                return "end of kernel parameters, but \(detail): init gets none of what follows"
            }
            return "end of kernel parameters: what follows goes to init"
        case .tooMany: return "dropped: too many init arguments or variables (the boot panics)"
        }
    }

    /// The JSON document, schema `initcall-sim/cmdline/1`.
    public static func document(_ result: BootResult) -> JSON {
        let tokens = groupByToken(result.commandLineTrace).map { events -> JSON in
            let first = events[0]
            return .object([
                ("offset", .int(first.offset)),
                ("token", .string(first.token)),
                ("param", .string(first.param)),
                ("value", .optional(first.value)),
                ("passes", .array(events.map(pass))),
            ])
        }
        var outcome: [(String, JSON)] = [("reached_init", .bool(result.reachedInit))]
        switch result.outcome {
        case .reachedInit(let path): outcome.append(("init", .string(path)))
        case .panicked(let message): outcome.append(("panic", .string(message)))
        case .hung(let reason): outcome.append(("hang", .string(reason)))
        }
        return .object([
            ("schema", .string("initcall-sim/cmdline/1")),
            ("kernel", .string(result.image.description.version.release)),
            ("command_line", .string(result.commandLine)),
            ("tokens", .array(tokens)),
            (
                "init",
                .object([
                    ("argv", .strings(Array(result.options.argvInit.dropFirst()))),
                    ("envp", .strings(result.options.envpInit)),
                ])
            ),
            ("outcome", .object(outcome)),
            ("parameters", .array(result.parameters.map(BootJSON.parameter))),
        ])
    }

    private static func pass(_ event: CommandLineEvent) -> JSON {
        .object([
            ("pass", .string(event.pass)),
            ("level", event.level.map { .int($0) } ?? .null),
            ("action", .string(event.action.rawValue)),
            ("target", .optional(event.target)),
            ("detail", .optional(event.detail)),
            ("error", .optional(event.error)),
            ("messages", .strings(event.messages)),
        ])
    }
}
