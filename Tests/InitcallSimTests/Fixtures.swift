import Foundation
import InitcallSim
import LinkerScript

/// The package's fixture folders, found from this file (three levels up is the root).
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Reads paths relative to the package root, so diagnostics name them as a user would.
    static let loader: Preprocessor.FileLoader = { path in
        try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    static func script(_ name: String, defines: [String] = []) throws -> LinkerScript {
        try LinkerScript.load(
            "LinkerScripts/" + name,
            options: Preprocessor.Options(defines: defines, includeDirectories: ["LinkerScripts/include"]), loader: loader)
    }

    static func levels(_ files: String...) throws -> LevelTable {
        try LevelDefinitions.load(files, loader: loader)
    }

    static func boot(_ path: String) throws -> KernelDescription {
        let text = try loader(path)
        return try BootFile.parse(text, file: path, loader: { try loader($0) })
    }
}

extension InitcallLayout {
    /// One line per item: `sym NAME [roles]` or `KEEP(…) ids -> walks`.
    var lines: [String] {
        items.map { item in
            switch item {
            case .boundary(let b):
                return "sym \(b.symbol)" + (b.roles.isEmpty ? "" : " [\(b.roles.joined(separator: ", "))]")
            case .pattern(let p):
                let lto = p.ltoIDs.isEmpty || p.ltoIDs == p.ids ? "" : " lto=\(p.ltoIDs.joined(separator: ","))"
                return "\(p.text) \(p.ids.joined(separator: ","))\(lto) -> \(p.runsIn.joined(separator: "; "))"
            }
        }
    }

    var walkLines: [String] { walks.map { "\($0.name): \($0.isDefined ? $0.ids.joined(separator: " ") : "undefined")" } }
}
