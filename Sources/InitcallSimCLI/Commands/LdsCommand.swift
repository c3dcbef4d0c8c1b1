import KernelLink
import KernelModel
import LinkerScript

enum LdsCommand {
    static let command = Command(
        name: "lds",
        summary: "print the INIT_CALLS layout a linker script gives",
        help: """
            OVERVIEW: read a linker script as the kernel writes it (vmlinux.lds.S with the
            vmlinux.lds.h macros, or an expanded vmlinux.lds) and print its INIT_CALLS layout:
            the boundary symbols and input section patterns in script order, which level ids
            each pattern collects, which table walk of do_initcalls() runs them, and the walks

            USAGE: initcall-sim lds <file> [options]

            OPTIONS:
              -D <name>[=<value>]       define a macro for the preprocessor (repeatable)
              -U <name>                 undefine a macro (repeatable)
              -I <dir>                  search <dir> for #include <…> (repeatable)
              --levels <file>           level definitions (init.h-like #defines, optionally
                                        initcall_levels[] and initcall_level_names[]);
                                        repeatable; default: Linux 6.x
              --kernel <release>        the release whose level table to use (e.g. 2.6.27);
                                        default: the current kernel, or --levels
              --format <format>         text (default) or json

            EXIT STATUS: 0 success, 2 bad input or usage (the error, with the offending line
            and a caret, goes to standard error).

            """,
        options: Loading.preprocessorOptionSpecs + [
            .value("--levels", repeatable: true), .value("--format"), Loading.kernelOptionSpec,
        ],
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        let path = try Loading.onePositional(arguments, "linker script")
        let format = try Loading.format(arguments, allowed: ["text", "json"], default: "text")
        let script = try Loading.script(path, options: Loading.preprocessorOptions(arguments))
        let given = try Loading.levels(arguments)
        let levels = given ?? Loading.kernel(arguments).map(LevelTable.linux(for:)) ?? .linux6
        let layout: InitcallLayout
        do throws(LinkerScriptError) {
            layout = try InitcallLayout(script: script, levels: levels)
        } catch {
            throw .from(error)
        }
        output.stdout = format == "json" ? layout.json().rendered() : layout.text()
        output.stderr += Loading.warnings(layout.warnings)
        output.stderr += Loading.warnings(script.warnings + (given?.sources?.warnings ?? []))
    }
}
