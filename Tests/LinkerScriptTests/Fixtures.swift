import Foundation

/// Paths of the package's fixture folders, found from this file (three levels up is the root).
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let linkerScripts = packageRoot.appendingPathComponent("LinkerScripts")

    static func linkerScript(_ name: String) throws -> String {
        try String(contentsOf: linkerScripts.appendingPathComponent(name), encoding: .utf8)
    }
}
