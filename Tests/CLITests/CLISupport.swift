import Foundation
import InitcallSimCLI
import SourceInput
import TestSupport
import Testing

enum CLIFixtures {
    static let packageRoot = Fixtures.packageRoot
    static let golden = Golden("CLITests")

    static func path(_ relative: String) -> String { Fixtures.path(relative) }

    /// `Examples/x` as an absolute path.
    static func example(_ name: String) -> String { Fixtures.example(name) }

    /// Runs the CLI from the package root with relative paths, as a user types them.
    static func runFromRoot(_ arguments: [String]) -> CLI.Output {
        _ = FileManager.default.changeCurrentDirectoryPath(packageRoot.path)
        return CLI.run(arguments)
    }

    /// Runs the CLI in-process with paths relative to the package root, and makes the output's
    /// absolute paths relative again so golden files do not depend on the checkout location.
    static func run(_ arguments: [String]) -> CLI.Output {
        var output = CLI.run(arguments)
        let root = packageRoot.path + "/"
        output.stdout = output.stdout.replacingOccurrences(of: root, with: "")
        output.stderr = output.stderr.replacingOccurrences(of: root, with: "")
        return output
    }

    static func checkGolden(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
        throws
    {
        try golden.check(actual, against: name, sourceLocation: sourceLocation)
    }

    /// Runs a built executable of this package (products folder = `Bundle.main.bundleURL` on
    /// Linux). Pipes are drained before waiting, so large output cannot dead-lock.
    static func execute(_ product: String, _ arguments: [String]) throws -> (
        status: Int32, stdout: String, stderr: String
    ) {
        let process = Process()
        process.executableURL = Bundle.main.bundleURL.appendingPathComponent(product)
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self)
        )
    }
}
