import InitcallSim
import LinkerScript

enum CheckCommand {
    static let command = Command(
        name: "check",
        summary: "report initcall hazards without booting",
        help: """
            OVERVIEW: report, without booting, what would go wrong: dependency hazards in a .boot
            description, and problems of its linker script and level table

            USAGE: initcall-sim check <file.boot> [options]
                   initcall-sim check --linker-script <file> [options]

            OPTIONS:
              --linker-script <file>    the linker script to check (default: the file's)
              --link-order <file>       judge dependencies in this link order (default: the
                                        description order)
              --allow-partial           let the link order name unknown objects or leave some out
              --format <format>         text (default) or json

            EXIT STATUS: 0 no findings, 1 findings, 2 bad input or usage.

            """,
        options: [.value("--linker-script"), .value("--format"), .value("--link-order"), .flag("--allow-partial")],
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        guard arguments.positionals.count <= 1 else { throw .usage("expected at most one .boot file") }
        let format = try Loading.format(arguments, allowed: ["text", "json"], default: "text")
        var findings: [Finding] = []
        if let path = arguments.positionals.first {
            let description = try Loading.description(path, linkerScript: arguments.value("--linker-script"))
            let script: LinkerScript
            if let given = description.linkerScript {
                script = given
            } else {
                do throws(LinkError) { script = try DefaultLinkerScript.parsed() } catch { throw .from(error) }
            }
            findings += LayoutChecks.run(script: script, levels: description.levels)
            findings += try dependencyFindings(description, path: path, arguments, &output)
        } else if let scriptPath = arguments.value("--linker-script") {
            findings += LayoutChecks.run(script: try Loading.script(scriptPath), levels: .linux6)
        } else {
            throw .usage("give a .boot file or --linker-script")
        }
        output.stdout = format == "json" ? FindingsRenderer.json(findings).rendered() : FindingsRenderer.text(findings)
        output.exitCode = findings.isEmpty ? ExitCode.success : ExitCode.failure
    }

    /// Dependency hazards in the given link order, pointed at the `requires=` columns.
    private static func dependencyFindings(
        _ description: KernelDescription, path: String, _ arguments: ParsedArguments, _ output: inout CLI.Output
    ) throws(CLIError) -> [Finding] {
        let linkOrder = try Loading.linkOrder(arguments.value("--link-order"))
        output.stderr += Loading.notes(linkOrder)
        let image = try Loading.link(description, linkOrder: linkOrder, allowPartial: arguments.has("--allow-partial"))
        return DependencyChecks.run(image, source: try Loading.read(path, what: ".boot file"))
    }
}
