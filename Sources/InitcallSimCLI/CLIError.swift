import BootAnalysis
import InitcallSim
import KernelLink
import KernelModel
import LinkerScript
import SourceInput

/// What stops a command: bad usage, bad input (with a diagnostic), or a link failure.
enum CLIError: Error {
    case usage(String)
    /// A diagnostic about an input file, rendered with its source line and caret.
    case diagnostic(Diagnostic)
    /// Any other bad input, as a sentence.
    case input(String)

    var exitCode: Int32 { ExitCode.usage }

    func rendered(command: String) -> String {
        switch self {
        case .usage(let message):
            return "initcall-sim \(command): \(message)\nRun 'initcall-sim \(command) --help' for usage.\n"
        case .diagnostic(let diagnostic):
            return diagnostic.rendered() + "\n"
        case .input(let message):
            return "initcall-sim \(command): error: \(message)\n"
        }
    }

    static func from(_ error: BootDescriptionError) -> CLIError { .diagnostic(error.diagnostic) }
    static func from(_ error: LinkerScriptError) -> CLIError { .diagnostic(error.diagnostic) }

    static func from(_ error: LinkError) -> CLIError {
        if let diagnostic = error.diagnostic { return .diagnostic(diagnostic) }
        return .input(error.message(spelling: .commandLine))
    }

    static func from(_ error: ExplorationError) -> CLIError {
        if case .link(let linkError) = error { return from(linkError) }
        return .input(error.message(spelling: .commandLine))
    }
}
