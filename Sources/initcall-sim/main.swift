import Foundation
import InitcallSimCLI

// The command-line tool is a thin layer: the library parses, runs and renders.
let output = CLI.run(Array(CommandLine.arguments.dropFirst()))
FileHandle.standardOutput.write(Data(output.stdout.utf8))
FileHandle.standardError.write(Data(output.stderr.utf8))
exit(output.exitCode)
