import Foundation
import InitcallSimCLI
import Testing

/// Runs the CLI in-process from the package root, so that paths in the output read as a user
/// would type them; compares with golden files, re-recorded when INITCALL_SIM_RECORD=1.
enum Golden {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(_ arguments: [String]) -> CLI.Output {
        FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
        return CLI.run(arguments)
    }

    static func check(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = packageRoot.appendingPathComponent("Tests/CLITests/Golden/\(name)")
        if ProcessInfo.processInfo.environment["INITCALL_SIM_RECORD"] == "1" {
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "golden \(name) differs (INITCALL_SIM_RECORD=1 re-records)", sourceLocation: sourceLocation)
    }
}
