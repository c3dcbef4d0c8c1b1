import Foundation
import InitcallSimCLI
import Testing

/// Golden files for command output, under `Tests/Golden/`. Commands get absolute paths (so the
/// tests work from any directory) and the package root is cut from their output (so the golden
/// files read like a run from the root). `INITCALL_SIM_RECORD=1 swift test` rewrites them.
enum GoldenFiles {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let directory = packageRoot.appendingPathComponent("Tests").appendingPathComponent("Golden")
    static var recording: Bool { ProcessInfo.processInfo.environment["INITCALL_SIM_RECORD"] == "1" }

    /// `Examples/x` as an absolute path.
    static func example(_ name: String) -> String {
        packageRoot.appendingPathComponent("Examples").appendingPathComponent(name).path
    }

    /// Runs the CLI and cuts the package root from what it printed.
    static func run(_ arguments: [String]) -> CLI.Output {
        var output = CLI.run(arguments)
        let prefix = packageRoot.path + "/"
        output.stdout = output.stdout.replacingOccurrences(of: prefix, with: "")
        output.stderr = output.stderr.replacingOccurrences(of: prefix, with: "")
        return output
    }

    /// Compares `text` with the golden file `name`, or records it.
    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if recording {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file Tests/Golden/\(name); run INITCALL_SIM_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "output differs from Tests/Golden/\(name)", sourceLocation: sourceLocation)
    }
}
