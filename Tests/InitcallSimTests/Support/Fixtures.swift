import Foundation
import InitcallSim
import LinkerScript
import Testing

/// The package's fixture folders, found from this file (three levels up is the root).
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examples = packageRoot.appendingPathComponent("Examples")
    static let linkerScripts = packageRoot.appendingPathComponent("LinkerScripts")
    static let golden = packageRoot.appendingPathComponent("Tests/InitcallSimTests/Golden")

    static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

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

    /// Every `.boot` file under Examples/, sorted.
    static func exampleBootFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: examples.path)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            if next.hasSuffix(".boot") { files.append(next) }
        }
        return files.sorted()
    }
}

/// Golden files: compared byte for byte; `INITCALL_SIM_RECORD=1 swift test` rewrites them.
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["INITCALL_SIM_RECORD"] == "1" }

    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = Fixtures.golden.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "golden file \(name) differs; rerun with INITCALL_SIM_RECORD=1 after checking the change", sourceLocation: sourceLocation)
    }
}

/// The library's SplitMix64, as a `RandomNumberGenerator`, so property tests are reproducible.
typealias TestRandom = SplitMix64

extension SplitMix64: RandomNumberGenerator {}

/// Text with a `¦` marking where a diagnostic is expected: the marker is removed and its
/// line and column returned (after the style of swift-format's MarkedText).
struct MarkedText {
    let text: String
    let line: Int
    let column: Int

    init(_ marked: String) {
        var line = 1
        var column = 1
        var found = (1, 1)
        var text = ""
        for character in marked {
            if character == "¦" {
                found = (line, column)
                continue
            }
            text.append(character)
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        self.text = text
        (self.line, self.column) = found
    }
}

/// Small builders for boots written in Swift.
enum TestKernel {
    /// A kernel of the given objects, booted with `cmdline`.
    static func boot(
        _ cmdline: String = "initcall_debug", version: String = "6.8.0-sim", arch: Architecture = .x86_64,
        _ build: (inout KernelDescription) -> Void
    ) throws -> BootResult {
        var kernel = KernelDescription()
        kernel.version = KernelVersion(version)
        kernel.architecture = arch
        kernel.commandLine = cmdline
        build(&kernel)
        return try Linker.link(kernel).boot()
    }

    static func fn(_ name: String, size: Int = 0x40, _ body: @escaping InitcallBody = { _ in 0 }) -> InitFunction {
        InitFunction(name, size: size, body: body)
    }

    /// The texts of all records.
    static func lines(_ result: BootResult) -> [String] { result.records.map(\.text) }

    /// The functions called, in order (blacklisted ones excluded).
    static func called(_ result: BootResult) -> [String] {
        result.runs.filter { !$0.flags.contains(.blacklisted) }.map { result.entry(of: $0).function }
    }
}
