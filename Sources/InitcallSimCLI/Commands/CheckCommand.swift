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
              --format <format>         text (default), json, or dot (the declared dependency
                                        graph for Graphviz: initcalls as nodes, levels as
                                        clusters, resources as edges provider -> consumer,
                                        the edges a finding names in red with its code;
                                        needs a .boot file)

            EXIT STATUS: 0 no findings, 1 findings, 2 bad input or usage.

            """,
        options: [
            .value("--linker-script"), .value("--levels", repeatable: true), .value("--format"), .value("--link-order"),
            .flag("--allow-partial"), Loading.kernelOptionSpec,
        ] + Loading.preprocessorOptionSpecs,
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        guard arguments.positionals.count <= 1 else { throw .usage("expected at most one .boot file") }
        let format = try Loading.format(arguments, allowed: ["text", "json", "dot"], default: "text")
        var findings: [Finding] = []
        var image: KernelImage?
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
            let layout = LayoutChecks.run(script: script, levels: description.levels, version: description.version)
            findings += layout
            // A board that does not link still gets every layout finding — which include why
            // the link fails — with exit status 1, not one ld error; its dependencies cannot be
            // judged without an image.
            if let linked = try dependencyImage(description, arguments, layoutFindings: layout, &output) {
                output.stderr += Loading.warnings(linked.layoutWarnings)
                findings += EntryChecks.run(linked) + DependencyChecks.run(linked)
                image = linked
            }
        } else if format == "dot" {
            throw .usage("--format dot draws the dependency graph of a .boot description: give a .boot file")
        } else if let scriptPath = arguments.value("--linker-script") {
            let kernel = Loading.kernel(arguments)
            let table = levels ?? kernel.map(LevelTable.linux(for:)) ?? .linux6
            let script = try Loading.script(scriptPath, options: options)
            output.stderr += Loading.warnings(script.warnings + (levels?.sources?.warnings ?? []))
            findings += LayoutChecks.run(script: script, levels: table, version: kernel ?? KernelDescription().version)
        } else {
            throw .usage("give a .boot file or --linker-script")
        }
        switch format {
        case "json": output.stdout = FindingsRenderer.json(findings).rendered()
        case "dot": output.stdout = image.map { DependencyDOT.render($0, findings: findings.sorted()) } ?? ""
        default: output.stdout = FindingsRenderer.text(findings)
        }
        output.exitCode = findings.isEmpty ? ExitCode.success : ExitCode.failure
    }

    /// The image whose dependency hazards are checked: linked in the given link order. Nil
    /// when the link fails for a reason a layout finding already reports (an undefined or
    /// unknown boundary symbol, a script that cannot be laid out); any other link error
    /// (a registration macro the table lacks, a bad link order) is bad input.
    private static func dependencyImage(
        _ description: KernelDescription, _ arguments: ParsedArguments, layoutFindings: [Finding],
        _ output: inout CLI.Output
    ) throws(CLIError) -> KernelImage? {
        let linkOrder = try Loading.linkOrder(arguments.value("--link-order"))
        output.stderr += Loading.notes(linkOrder)
        let allowPartial = arguments.has("--allow-partial")
        do throws(LinkError) {
            return try Linker.link(description, linkOrder: linkOrder, allowPartial: allowPartial)
        } catch {
            let reported = layoutFindings.contains { $0.severity == .error }
            switch error {
            case .undefinedSymbol, .unknownSymbolValue, .script:
                if reported { return nil }
            default:
                break
            }
            return try Loading.link(description, linkOrder: linkOrder, allowPartial: allowPartial)
        }
    }
}
