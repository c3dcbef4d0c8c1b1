import Foundation
import InitcallSim

/// The package's `Examples/`, found from this file (three levels up is the package root).
enum ExampleFixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ name: String) -> String {
        packageRoot.appendingPathComponent("Examples").appendingPathComponent(name).path
    }

    static func description(_ name: String) throws -> KernelDescription {
        try BootFile.load(path(name))
    }

    /// A description from `.boot` text, for tests that write their own.
    static func parse(_ text: String) throws -> KernelDescription {
        try BootFile.parse(text, file: "test.boot")
    }
}
