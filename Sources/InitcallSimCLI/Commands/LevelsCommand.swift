import KernelLink
import KernelModel

enum LevelsCommand {
    static let command = Command(
        name: "levels",
        summary: "print the initcall level table and where each level's section runs",
        help: """
            OVERVIEW: print the initcall levels: macro, id, section, the boundary symbol of the
            table walk that runs it, the level name, and (given a .boot file) how many entries
            the image has in it

            USAGE: initcall-sim levels [<file.boot>] [options]

            OPTIONS:
              --linker-script <file>    the linker script (default: the file's, or the shipped
                                        Linux 6.x x86-64 layout); vmlinux.lds.S macro form is
                                        preprocessed
              --levels <file>           level definitions (init.h-like #defines, optionally
                                        initcall_levels[] and initcall_level_names[]);
                                        repeatable; default: the file's, or Linux 6.x
              -D <name>[=<value>]       define a macro for the preprocessor (repeatable)
              -U <name>                 undefine a macro (repeatable)
              -I <dir>                  search <dir> for #include <…> (repeatable)
              --kernel <release>        without a .boot file: the release whose level table
                                        and shipped linker script to use (e.g. 2.6.27, 3.3,
                                        4.14; default: the current kernel)
              --format <format>         table (default) or json (errors too, on standard output)

            EXIT STATUS: 0 success, 2 bad input or usage.

            """,
        options: [
            .value("--linker-script"), .value("--levels", repeatable: true), .value("--format"),
            Loading.kernelOptionSpec,
        ] + Loading.preprocessorOptionSpecs,
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        guard arguments.positionals.count <= 1 else { throw .usage("expected at most one .boot file") }
        let format = try Loading.format(arguments, allowed: ["table", "json"], default: "table")
        var description = KernelDescription()
        var image: KernelImage?
        let options = Loading.preprocessorOptions(arguments)
        if let path = arguments.positionals.first {
            description = try Loading.description(path)
        } else if let version = Loading.kernel(arguments) {
            description.version = version
            description.levels = .linux(for: version)
        }
        if let script = arguments.value("--linker-script") {
            description.linkerScript = try Loading.script(script, options: options)
        }
        if let levels = try Loading.levels(arguments) { description.levels = levels }
        output.stderr += Loading.warnings(description)
        if arguments.positionals.first != nil {
            image = try Loading.link(description, linkOrder: nil, allowPartial: false)
        }
        let report: LevelReport
        do throws(LinkError) {
            report = try LevelReport(description: description, image: image)
        } catch {
            throw .from(error)
        }
        output.stderr += Loading.warnings(report.warnings)
        output.stdout = format == "json" ? report.json().rendered() : report.table()
    }
}
