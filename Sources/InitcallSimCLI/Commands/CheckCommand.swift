import BootAnalysis
import KernelLink
import KernelModel
import LinkerScript
import Reports

enum CheckCommand {
    static let command = Command(
        name: "check",
        summary: "report initcall hazards without booting",
        help: """
            OVERVIEW: report, without booting, what would go wrong: dependency hazards in a .boot
            description, and problems of its linker script and level table

            USAGE: initcall-sim check <file.boot> [options]
                   initcall-sim check --linker-script <file> [--levels <file>]… [options]

            Linker-script findings: a level whose section no pattern collects, a boundary
            symbol the tables name but the script never defines, a section collected outside
            the table walks, a level missing from initcall_levels[], a pattern an earlier one
            makes unreachable, boundaries out of order, initcall_level_names[] of the wrong size.

            OPTIONS:
              --linker-script <file>    the linker script to check (default: the file's);
                                        vmlinux.lds.S macro form is preprocessed
              --levels <file>           level definitions (init.h-like #defines, optionally
                                        initcall_levels[] and initcall_level_names[]);
                                        repeatable; default: the file's, or Linux 6.x
              -D <name>[=<value>]       define a macro for the preprocessor (repeatable)
              -U <name>                 undefine a macro (repeatable)
              -I <dir>                  search <dir> for #include <…> (repeatable)
              --link-order <file>       judge dependencies in this link order (default: the
                                        description order)
              --allow-partial           let the link order name unknown objects or leave some out
              --kernel <release>        with --linker-script alone: the release whose level
                                        table to check against (default: the current kernel)
              --format <format>         text (default) or json

            EXIT STATUS: 0 no findings, 1 findings, 2 bad input or usage.

            """,
        options: [
            .value("--linker-script"), .value("--levels", repeatable: true), .value("--format"), .value("--link-order"),
            .flag("--allow-partial"), Loading.kernelOptionSpec,
        ] + Loading.preprocessorOptionSpecs,
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        guard arguments.positionals.count <= 1 else { throw .usage("expected at most one .boot file") }
        let format = try Loading.format(arguments, allowed: ["text", "json"], default: "text")
        var findings: [Finding] = []
        let options = Loading.preprocessorOptions(arguments)
        let levels = try Loading.levels(arguments)
        if let path = arguments.positionals.first {
            var description = try Loading.description(path)
            if let scriptPath = arguments.value("--linker-script") {
                description.linkerScript = try Loading.script(scriptPath, options: options)
            }
            if let levels { description.levels = levels }
            output.stderr += Loading.warnings(description)
            let script: LinkerScript
            do throws(LinkError) { script = try description.effectiveLinkerScript() } catch { throw .from(error) }
            findings += LayoutChecks.run(script: script, levels: description.levels, version: description.version)
            findings += try dependencyFindings(description, arguments, &output)
        } else if let scriptPath = arguments.value("--linker-script") {
            let kernel = Loading.kernel(arguments)
            let table = levels ?? kernel.map(LevelTable.linux(for:)) ?? .linux6
            let script = try Loading.script(scriptPath, options: options)
            output.stderr += Loading.warnings(script.warnings + (levels?.sources?.warnings ?? []))
            findings += LayoutChecks.run(script: script, levels: table, version: kernel ?? KernelDescription().version)
        } else {
            throw .usage("give a .boot file or --linker-script")
        }
        output.stdout = format == "json" ? FindingsRenderer.json(findings).rendered() : FindingsRenderer.text(findings)
        output.exitCode = findings.isEmpty ? ExitCode.success : ExitCode.failure
    }

    /// Dependency hazards in the given link order, pointed at the `requires=` columns.
    private static func dependencyFindings(
        _ description: KernelDescription, _ arguments: ParsedArguments, _ output: inout CLI.Output
    ) throws(CLIError) -> [Finding] {
        let linkOrder = try Loading.linkOrder(arguments.value("--link-order"))
        output.stderr += Loading.notes(linkOrder)
        let image = try Loading.link(description, linkOrder: linkOrder, allowPartial: arguments.has("--allow-partial"))
        return DependencyChecks.run(image)
    }
}
