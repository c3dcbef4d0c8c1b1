import BootAnalysis
import Foundation
import KernelBoot
import KernelLink
import KernelModel
import LinkerScript
import SourceInput
import Testing

/// The package's fixture folders, found from this file (`Tests/Support/Fixtures.swift`: three
/// levels up is the package root), and readers for them. The one fixture helper every test
/// target uses.
package enum Fixtures {
    package static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    package static let examples = packageRoot.appendingPathComponent("Examples")
    package static let linkerScripts = packageRoot.appendingPathComponent("LinkerScripts")

    /// `Examples/<name>` as an absolute path.
    package static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

    /// `<relative>` under the package root, as an absolute path.
    package static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }

    /// Reads paths relative to the package root, so diagnostics name them as a user would.
    package static let loader: Preprocessor.FileLoader = { path in
        try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
    }

    /// A corpus script under `LinkerScripts/`, the macro form preprocessed with
    /// `LinkerScripts/include` on the include path; named `LinkerScripts/<name>` in diagnostics.
    package static func script(_ name: String, defines: [String] = []) throws -> LinkerScript {
        try LinkerScript.load(
            "LinkerScripts/" + name,
            options: Preprocessor.Options(defines: defines, includeDirectories: ["LinkerScripts/include"]),
            loader: loader)
    }

    /// The text of a corpus script under `LinkerScripts/`.
    package static func scriptText(_ name: String) throws -> String {
        try String(contentsOf: linkerScripts.appendingPathComponent(name), encoding: .utf8)
    }

    /// A level table read from files relative to the package root.
    package static func levels(_ files: String...) throws -> LevelTable {
        try LevelDefinitions.load(files, loader: loader)
    }

    /// A `.boot` file relative to the package root (`Examples/board.boot`), named so in
    /// diagnostics.
    package static func boot(_ path: String) throws -> KernelDescription {
        let text = try loader(path)
        return try BootFile.parse(text, file: path, loader: { try loader($0) })
    }

    /// An example by name, loaded from its absolute path.
    package static func description(_ name: String) throws -> KernelDescription {
        try BootFile.load(example(name))
    }

    /// A description from `.boot` text, for tests that write their own.
    package static func parse(_ text: String, file: String = "test.boot") throws -> KernelDescription {
        try BootFile.parse(text, file: file)
    }

    /// The rendered diagnostic the `.boot` reader gives `text` (named `file`), or
    /// "(no diagnostic)" when it reads.
    package static func diagnostic(_ text: String, file: String = "test.boot") -> String {
        do {
            _ = try BootFile.parse(text, file: file)
            return "(no diagnostic)"
        } catch let error as BootDescriptionError {
            return error.diagnostic.rendered()
        } catch {
            return "\(error)"
        }
    }

    /// Every `.boot` file under Examples/, sorted.
    package static func exampleBootFiles() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: examples.path)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            if next.hasSuffix(".boot") { files.append(next) }
        }
        return files.sorted()
    }
}

/// Golden files of one test target (`Tests/<Target>/Golden`): compared byte for byte;
/// `INITCALL_SIM_RECORD=1 swift test` rewrites them. The one golden helper.
package struct Golden: Sendable {
    package let directory: URL

    /// The golden folder of test target `target` (`"KernelBootTests"`).
    package init(_ target: String) {
        directory = Fixtures.packageRoot.appendingPathComponent("Tests/\(target)/Golden")
    }

    package static var recording: Bool { ProcessInfo.processInfo.environment["INITCALL_SIM_RECORD"] == "1" }

    package func check(
        _ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        let url = directory.appendingPathComponent(name)
        if Self.recording {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record(
                "missing golden file \(name); run INITCALL_SIM_RECORD=1 swift test", sourceLocation: sourceLocation)
            return
        }
        #expect(
            actual == expected,
            "golden file \(name) differs; rerun with INITCALL_SIM_RECORD=1 after checking the change",
            sourceLocation: sourceLocation)
    }
}

/// Text with a `¦` marking where a diagnostic is expected: the marker is removed and its
/// line and column returned (after the style of swift-format's MarkedText).
package struct MarkedText {
    package let text: String
    package let line: Int
    package let column: Int

    package init(_ marked: String) {
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
package enum TestKernel {
    /// A kernel of the given objects, booted with `cmdline`. With `root` (the default) it has a
    /// virtio disk whose `vda1` holds `/sbin/init` and `/bin/sh`, and `root=/dev/vda1` is added
    /// to a command line that names no root (before a `--`, after everything else).
    package static func boot(
        _ cmdline: String = "initcall_debug", version: String = "6.8.0-sim", arch: Architecture = .x86_64,
        root: Bool = true, _ build: (inout KernelDescription) -> Void
    ) throws -> BootResult {
        var kernel = KernelDescription(release: KernelVersion(version))
        kernel.architecture = arch
        kernel.commandLine = root ? withRoot(cmdline) : cmdline
        if root { kernel.disks = [Disk.virtioRoot()] }
        build(&kernel)
        return try Linker.link(kernel).boot()
    }

    /// `cmdline` naming `root=/dev/vda1` (unchanged when it names a root already).
    package static func withRoot(_ cmdline: String) -> String {
        if cmdline.contains("root=") { return cmdline }
        if cmdline.hasPrefix("--") || cmdline.contains(" --") { return "root=/dev/vda1 " + cmdline }
        return cmdline.isEmpty ? "root=/dev/vda1" : cmdline + " root=/dev/vda1"
    }

    package static func fn(_ name: String, size: Int = 0x40, _ body: @escaping InitcallBody = { _ in 0 })
        -> InitFunction
    {
        InitFunction(name, size: size, body: body)
    }

    /// The texts of all records.
    package static func lines(_ result: BootResult) -> [String] { result.records.map(\.text) }

    /// The functions called, in order (blacklisted ones excluded).
    package static func called(_ result: BootResult) -> [String] {
        result.runs.filter { !$0.flags.contains(.blacklisted) }.map { result.entry(of: $0).function }
    }
}

/// Random link orders for property tests, reproducible from a seed.
package enum TestOrders {
    /// `count` permutations of `0..<objects`, the `k`-th drawn from `SplitMix64(seed, stream: k)`.
    package static func random(_ count: Int, objects: Int, seed: UInt64) -> [[Int]] {
        (0..<count).map { index in
            var generator = SplitMix64(seed: seed, stream: UInt64(index))
            var order = Array(0..<objects)
            generator.shuffle(&order)
            return order
        }
    }
}
