import BootAnalysis
import KernelBoot
import Reports

enum CompareCommand {
    static let command = Command(
        name: "compare",
        summary: "boot two link orders (or two descriptions) and show what changed",
        help: """
            OVERVIEW: boot twice and show what changed, level by level: the executed sequence,
            with moved initcalls marked, then every initcall whose return value, warnings,
            taint, provided or missing resources, printk output or time changed, the async
            entries (kernel/async.c) that ran on another worker, for another time or in one
            boot only, and
            whether the boot still reaches init

            USAGE: initcall-sim compare <file.boot> --link-order <A> [--link-order <B>] [options]
                   initcall-sim compare <A.boot> <B.boot> [options]

              With one file, A is the first --link-order (or the description order when only
              one is given) and B the last. With two files, a single --link-order applies to
              both and two apply one to each.

            OPTIONS:
              --link-order <file>       object paths in link order, one a line ('#' comments);
                                        repeatable
              --allow-partial           let a link order name unknown objects or leave some out
              --cmdline <text>          the kernel command line for both boots
              --linker-script <file>    the linker script for both boots
              --format <format>         text (default) or json

            EXIT STATUS: 0 the outcomes are equal (the order alone may differ), 1 they differ,
            2 bad input or usage.

            """,
        options: [
            .value("--link-order", repeatable: true), .flag("--allow-partial"), .value("--cmdline"),
            .value("--linker-script"), .value("--format"),
        ],
        run: run)

    /// One side of the comparison: what to boot and how to name it.
    struct Side {
        var file: String
        var linkOrder: String?

        var label: String {
            linkOrder.map { "\(file) --link-order \($0)" } ?? "\(file) (description order)"
        }
    }

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        let format = try Loading.format(arguments, allowed: ["text", "json"], default: "text")
        let (sideA, sideB) = try sides(arguments)
        let resultA = try boot(sideA, arguments, &output)
        let resultB = try boot(sideB, arguments, &output)
        let comparison = BootComparison(resultA, resultB)
        output.stdout =
            format == "json"
            ? ComparisonRenderer.json(comparison, labelA: sideA.label, labelB: sideB.label).rendered()
            : ComparisonRenderer.text(comparison, labelA: sideA.label, labelB: sideB.label)
        output.exitCode = comparison.outcomesEqual ? ExitCode.success : ExitCode.failure
    }

    static func sides(_ arguments: ParsedArguments) throws(CLIError) -> (Side, Side) {
        let orders = arguments.all("--link-order")
        switch (arguments.positionals.count, orders.count) {
        case (1, 1):
            return (Side(file: arguments.positionals[0]), Side(file: arguments.positionals[0], linkOrder: orders[0]))
        case (1, 2):
            return (
                Side(file: arguments.positionals[0], linkOrder: orders[0]),
                Side(file: arguments.positionals[0], linkOrder: orders[1])
            )
        case (1, 0):
            throw .usage("with one .boot file, give one or two --link-order files to compare")
        case (2, 0), (2, 1):
            return (
                Side(file: arguments.positionals[0], linkOrder: orders.first),
                Side(file: arguments.positionals[1], linkOrder: orders.first)
            )
        case (2, 2):
            return (
                Side(file: arguments.positionals[0], linkOrder: orders[0]),
                Side(file: arguments.positionals[1], linkOrder: orders[1])
            )
        case (0, _):
            throw .usage("missing .boot file")
        case (1, _), (2, _):
            throw .usage("expected at most two --link-order files, got \(orders.count)")
        default:
            throw .usage("expected one or two .boot files, got \(arguments.positionals.count)")
        }
    }

    private static func boot(_ side: Side, _ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError)
        -> BootResult
    {
        let description = try Loading.description(
            side.file, linkerScript: arguments.value("--linker-script"), commandLine: arguments.value("--cmdline"))
        output.stderr += Loading.warnings(description)
        let linkOrder = try Loading.linkOrder(side.linkOrder)
        output.stderr += Loading.notes(linkOrder)
        let image = try Loading.link(description, linkOrder: linkOrder, allowPartial: arguments.has("--allow-partial"))
        output.stderr += Loading.warnings(image.layoutWarnings)
        return image.bootLoadingModules()
    }
}
