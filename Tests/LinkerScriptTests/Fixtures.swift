import Foundation
import LinkerScript

/// Paths of the package's fixture folders, found from this file (three levels up is the root).
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let linkerScripts = packageRoot.appendingPathComponent("LinkerScripts")

    static func linkerScript(_ name: String) throws -> String {
        try String(contentsOf: linkerScripts.appendingPathComponent(name), encoding: .utf8)
    }

    /// Reads files relative to `LinkerScripts/`, so diagnostics name them as the user would.
    static let loader: Preprocessor.FileLoader = { path in
        try String(contentsOf: linkerScripts.appendingPathComponent(path), encoding: .utf8)
    }

    /// Loads a corpus script, preprocessing the macro form with `include/` on the path.
    static func load(_ name: String, defines: [String] = []) throws -> LinkerScript {
        try LinkerScript.load(
            name, options: Preprocessor.Options(defines: defines, includeDirectories: ["include"]), loader: loader)
    }
}

extension LinkerScript {
    /// The statements with every source location removed, one line each (one per item
    /// inside SECTIONS and inside output sections), for comparing two scripts that should
    /// mean the same thing.
    var canonicalStatements: [String] {
        func strip(_ value: Any) -> String {
            String(describing: value).replacing(#/[^\s,()\[\]"]+:\d+:\d+/#, with: "_")
        }
        var lines: [String] = []
        for statement in statements {
            guard case .sections(let items, _) = statement else {
                lines.append(strip(statement))
                continue
            }
            for item in items {
                guard case .output(var section) = item else {
                    lines.append(strip(item))
                    continue
                }
                let contents = section.items
                section.items = []
                lines.append(strip(section))
                lines += contents.map { "  " + strip($0) }
            }
        }
        return lines
    }
}
