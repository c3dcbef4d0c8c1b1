/// One subcommand.
struct Command: Sendable {
    var name: String
    var summary: String
    var help: String
    var options: [OptionSpec]
    var run: @Sendable (ParsedArguments, inout CLI.Output) throws(CLIError) -> Void
}
