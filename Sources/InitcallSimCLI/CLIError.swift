import BootAnalysis
import KernelLink
import KernelModel
import LinkerScript
import Reports
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

    /// The error as a JSON document, schema `initcall-sim/error/1`: what `--format json`
    /// prints on standard output when a command fails.
    func json(command: String) -> JSON {
        var fields: [(String, JSON)] = [("command", .string(command))]
        switch self {
        case .usage(let message):
            fields += [("kind", .string("usage")), ("message", .string(message))]
        case .input(let message):
            fields += [("kind", .string("input")), ("message", .string(message))]
        case .diagnostic(let diagnostic):
            fields += [
                ("kind", .string("diagnostic")), ("severity", .string(diagnostic.severity.rawValue)),
                ("file", .string(diagnostic.location.file)), ("line", .int(diagnostic.location.line)),
                ("column", .int(diagnostic.location.column)), ("message", .string(diagnostic.message)),
                ("notes", .strings(diagnostic.notes)),
            ]
        }
        return .object([("schema", .string("initcall-sim/error/1")), ("error", .object(fields))])
    }

    static func from(_ error: BootDescriptionError) -> CLIError { .diagnostic(error.diagnostic) }
    static func from(_ error: LinkerScriptError) -> CLIError { .diagnostic(error.diagnostic) }

    static func from(_ error: LinkError) -> CLIError {
        if case .script(let scriptError) = error { return .diagnostic(scriptError.diagnostic) }
        if case .parameter(let diagnostic) = error { return .diagnostic(diagnostic) }
        return .input(error.message(spelling: .commandLine))
    }

    static func from(_ error: ExplorationError) -> CLIError {
        if case .link(let linkError) = error { return from(linkError) }
        return .input(error.message(spelling: .commandLine))
    }
}
