import BootAnalysis
import Foundation
import Reports

enum ExploreCommand {
    static let command = Command(
        name: "explore",
        summary: "boot many link orders, group them by outcome, reduce each failure",
        help: """
            OVERVIEW: boot many link orders of a description and group them by outcome; for every
            failing outcome, find the fewest objects whose relative order reproduces it

            USAGE: initcall-sim explore <file.boot> [options]
                   initcall-sim explore <file.boot> --shard <i>/<n> [options] > part-<i>.json
                   initcall-sim explore --merge <part.json>… [--format json] [--jobs <n>]

              Only objects that share a level section with another object can change anything
              by moving; they are permuted among the places they hold in the reference order
              (order 0: the description order, or --link-order). With fewer distinct orders than
              --runs, every order is booted.

              An order fails when its boot does not reach init, when an initcall finds a
              required resource missing, or when an initcall returns an error or WARNs where it
              did not in the reference boot.

            OPTIONS:
              --level <level>           permute only the objects of this level (name or number)
              --runs <n>                orders to boot in random mode (default 1000)
              --exhaustive              boot every order; refused above 100000 orders
              --seed <n>                seed of the random orders (default 1)
              --jobs <n>                orders booted in parallel (default: the number of cores);
                                        the report is the same for any value
              --link-order <file>       the reference link order (default: description order)
              --allow-partial           let the link order name unknown objects or leave some out
              --cmdline <text>          the kernel command line (replaces the file's 'cmdline')
              --linker-script <file>    the linker script (replaces the file's 'linker-script')
              --format <format>         text (default) or json
              --shard <i>/<n>           explore only the i-th of n slices of the same orders
                                        (shard i holds order indices [orders*(i-1)/n,
                                        orders*i/n)) and write a part, JSON schema
                                        initcall-sim/explore-part/1, for --merge
              --merge <part>…           combine the parts of every shard (any order) into the
                                        report one explore of all orders gives, byte for
                                        byte; failures are reduced here. Reads the .boot and
                                        the options from the parts: run it where the shards
                                        ran (their paths are as given to them)

            EXIT STATUS: 0 every explored order passes, 1 some fail, 2 bad input or usage.
            A shard exits 0 once its part is written: the verdict is the merge's.

            """,
        options: [
            .value("--level"), .value("--runs"), .flag("--exhaustive"), .value("--seed"), .value("--jobs"),
            .value("--link-order"), .flag("--allow-partial"), .value("--cmdline"), .value("--linker-script"),
            .value("--format"), .value("--shard"), .flag("--merge"),
        ],
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        if arguments.has("--merge") { return try merge(arguments, &output) }
        let path = try Loading.onePositional(arguments, ".boot file")
        let format = try Loading.format(arguments, allowed: ["text", "json"], default: "text")
        let options = try self.options(arguments)
        let description = try Loading.description(
            path, linkerScript: arguments.value("--linker-script"), commandLine: arguments.value("--cmdline"))
        output.stderr += Loading.warnings(description)
        let linkOrder = try Loading.linkOrder(arguments.value("--link-order"))
        output.stderr += Loading.notes(linkOrder)
        // Link once here, so that a bad link order is reported as every command reports it.
        let image = try Loading.link(description, linkOrder: linkOrder, allowPartial: arguments.has("--allow-partial"))
        output.stderr += Loading.warnings(image.layoutWarnings)
        if let shardText = arguments.value("--shard") {
            guard let shard = Exploration.Shard(shardText) else {
                throw .usage(
                    "--shard expects I/N with 1 <= I <= N <= \(Exploration.shardLimit) (the I-th of N slices), got '\(shardText)'"
                )
            }
            guard arguments.value("--format") != "text" else {
                throw .usage("--shard writes a JSON part for --merge; leave out --format text")
            }
            let inputs = ExplorationPart.Inputs(
                file: path, linkOrder: arguments.value("--link-order"), allowPartial: arguments.has("--allow-partial"),
                commandLine: arguments.value("--cmdline"), linkerScript: arguments.value("--linker-script"))
            let part: ExplorationPart
            do throws(ExplorationError) {
                part = try Exploration.runShardBlocking(
                    description, reference: linkOrder, allowPartial: arguments.has("--allow-partial"), options: options,
                    shard: shard, inputs: inputs, progress: ProgressLine.make())
            } catch {
                throw .from(error)
            }
            output.stdout = ExplorationPartJSON.document(part).rendered()
            return
        }
        let report: ExplorationReport
        do throws(ExplorationError) {
            report = try Exploration.runBlocking(
                description, reference: linkOrder, allowPartial: arguments.has("--allow-partial"), options: options,
                progress: ProgressLine.make())
        } catch {
            throw .from(error)
        }
        output.stdout =
            format == "json" ? ExplorationRenderer.json(report).rendered() : ExplorationRenderer.text(report)
        output.exitCode = report.allPass ? ExitCode.success : ExitCode.failure
    }

    /// `--merge PART…`: the parts are read and checked before the description they name.
    static func merge(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        let format = try Loading.format(arguments, allowed: ["text", "json"], default: "text")
        guard !arguments.positionals.isEmpty else { throw .usage("--merge needs the parts the shards wrote") }
        let taken = ["--level", "--runs", "--seed", "--link-order", "--cmdline", "--linker-script", "--shard"]
        if let option = taken.first(where: { arguments.value($0) != nil })
            ?? (arguments.has("--exhaustive")
                ? "--exhaustive" : arguments.has("--allow-partial") ? "--allow-partial" : nil)
        {
            throw .usage("--merge takes \(option) from the parts; leave it out")
        }
        var parts: [ExplorationPart] = []
        for path in arguments.positionals {
            let text = try Loading.read(path, what: "explore part")
            do throws(ExplorationPartJSON.ReadError) {
                parts.append(try ExplorationPartJSON.read(text, file: path))
            } catch {
                switch error {
                case .syntax(let diagnostic): throw .diagnostic(diagnostic)
                case .invalid: throw .input(error.message)
                }
            }
        }
        let ordered: [ExplorationPart]
        do throws(ExplorationError) {
            ordered = try Exploration.validate(parts)
        } catch {
            throw .from(error)
        }
        let inputs = ordered[0].inputs
        guard let file = inputs.file else { throw .input("\(ordered[0].source ?? "the parts") name no .boot file") }
        let description = try Loading.description(
            file, linkerScript: inputs.linkerScript, commandLine: inputs.commandLine)
        let linkOrder = try Loading.linkOrder(inputs.linkOrder)
        let jobs = try self.options(arguments).jobs
        let report: ExplorationReport
        do throws(ExplorationError) {
            report = try Exploration.mergeBlocking(
                parts, description: description, reference: linkOrder, allowPartial: inputs.allowPartial, jobs: jobs)
        } catch {
            throw .from(error)
        }
        output.stdout =
            format == "json" ? ExplorationRenderer.json(report).rendered() : ExplorationRenderer.text(report)
        output.exitCode = report.allPass ? ExitCode.success : ExitCode.failure
    }

    static func options(_ arguments: ParsedArguments) throws(CLIError) -> Exploration.Options {
        var options = Exploration.Options()
        options.level = arguments.value("--level")
        options.exhaustive = arguments.has("--exhaustive")
        options.jobs = ProcessInfo.processInfo.activeProcessorCount
        if let runs = arguments.value("--runs") {
            guard let value = Int(runs), (1...Exploration.runsLimit).contains(value) else {
                throw .usage("--runs expects a number from 1 to \(Exploration.runsLimit), got '\(runs)'")
            }
            guard !options.exhaustive else { throw .usage("--runs and --exhaustive exclude each other") }
            options.runs = value
        }
        if let seed = arguments.value("--seed") {
            let parsed = seed.hasPrefix("0x") ? UInt64(seed.dropFirst(2), radix: 16) : UInt64(seed)
            guard let value = parsed else {
                throw .usage("--seed expects a number from 0 to 18446744073709551615, got '\(seed)'")
            }
            options.seed = value
        }
        if let jobs = arguments.value("--jobs") {
            guard let value = Int(jobs), (1...1024).contains(value) else {
                throw .usage("--jobs expects a number from 1 to 1024, got '\(jobs)'")
            }
            options.jobs = value
        }
        return options
    }
}
