import KernelBoot
import KernelLink
import KernelModel
import Reports

enum CmdlineCommand {
    static let command = Command(
        name: "cmdline",
        summary: "show what every parameter pass does with each token of a command line",
        help: """
            OVERVIEW: show how a kernel command line is split and what each parameter pass
            does with each token: which parameter it sets to what, ignored at this level,
            early option, __setup handler, passed to init's arguments or environment,
            dropped, or an error (with the kernel's message)

            USAGE: initcall-sim cmdline "<command line>" [file.boot] [options]

            Without a .boot file, the kernel's own parameters and handlers only; with one,
            its parameters and handlers too (the boot runs, as it would with that line).

            OPTIONS:
              --kernel <release>        the release string (default: the file's, or 6.8.0-sim)
              --format <format>         text (default) or json

            EXIT STATUS: 0 every token was taken, 1 some parameter could not be set,
            2 bad input or usage.

            """,
        options: [.value("--kernel"), .value("--format")],
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        let format = try Loading.format(arguments, allowed: ["text", "json"], default: "text")
        guard let line = arguments.positionals.first else { throw .usage("missing command line") }
        guard arguments.positionals.count <= 2 else {
            throw .usage(
                "expected a command line and at most one .boot file, got \(arguments.positionals.count) arguments")
        }
        var description = KernelDescription()
        if arguments.positionals.count == 2 { description = try Loading.description(arguments.positionals[1]) }
        if let release = arguments.value("--kernel") { description.version = KernelVersion(release) }
        description.commandLine = line
        let image = try Loading.link(description, linkOrder: nil, allowPartial: false)
        let result = image.boot(traceCommandLine: true)
        switch format {
        case "json": output.stdout = CommandLineRenderer.document(result).rendered()
        default: output.stdout = CommandLineRenderer.render(result)
        }
        let failed = result.commandLineTrace.contains { $0.action == .error }
        output.exitCode = failed ? ExitCode.failure : ExitCode.success
    }
}
