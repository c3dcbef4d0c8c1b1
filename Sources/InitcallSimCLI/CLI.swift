/// The `initcall-sim` command-line tool, as a library so that tests run it in-process. Every
/// command parses its arguments, calls the library and renders; nothing else.
public enum CLI {
    /// What a command printed and its exit status.
    public struct Output: Sendable, Equatable {
        public var stdout = ""
        public var stderr = ""
        public var exitCode: Int32 = ExitCode.success

        public init() {}
    }

    /// The registered commands, in `--help` order.
    static let commands: [Command] = [
        BootCommand.command,
        CmdlineCommand.command,
        LevelsCommand.command,
        ImportCommand.command,
        CheckCommand.command,
        LdsCommand.command,
        CompareCommand.command,
        ExploreCommand.command,
        ShellCommand.command,
    ]

    /// Runs `initcall-sim` with `arguments` (without the program name).
    public static func run(_ arguments: [String]) -> Output {
        var output = Output()
        guard let name = arguments.first else {
            output.stderr = usage
            output.exitCode = ExitCode.usage
            return output
        }
        if name == "--help" || name == "-h" || name == "help" {
            if arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                output.stdout = command.help
            } else {
                output.stdout = usage
            }
            return output
        }
        if name == "--version" {
            output.stdout = "initcall-sim \(version)\n"
            return output
        }
        guard let command = commands.first(where: { $0.name == name }) else {
            output.stderr = "initcall-sim: unknown command '\(name)'\n\n" + usage
            output.exitCode = ExitCode.usage
            return output
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            output.stdout = command.help
            return output
        }
        do throws(CLIError) {
            let parsed = try ArgumentParser.parse(rest, options: command.options)
            try command.run(parsed, &output)
        } catch {
            output.stderr += error.rendered(command: command.name)
            output.exitCode = error.exitCode
            // A script that asked for JSON reads JSON, errors included; the exit status and
            // standard error say the same as without it.
            if CLI.asksForJSON(rest) { output.stdout = error.json(command: command.name).rendered() }
        }
        return output
    }

    public static let version = "0.1.0"

    /// Whether the arguments say `--format json` (or `--format=json`), even where they do not
    /// parse: the error document must reach a script that asked for JSON.
    static func asksForJSON(_ arguments: [String]) -> Bool {
        for (index, argument) in arguments.enumerated() {
            if argument == "--format=json" { return true }
            if argument == "--format", index + 1 < arguments.count, arguments[index + 1] == "json" { return true }
        }
        return false
    }

    static var usage: String {
        var text = """
            OVERVIEW: simulate how the Linux kernel runs its initcalls

            USAGE: initcall-sim <command> [options]

            COMMANDS:

            """
        let width = (commands.map(\.name.count).max() ?? 0) + 2
        for command in commands {
            text +=
                "  " + command.name + String(repeating: " ", count: width - command.name.count) + command.summary + "\n"
        }
        text += """

            Run 'initcall-sim <command> --help' for a command's options.
            Exit status: 0 success, 1 the simulated kernel failed or findings were reported,
            2 bad input or usage.

            """
        return text
    }
}
