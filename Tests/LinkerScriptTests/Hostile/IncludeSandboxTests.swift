import Foundation
import LinkerScript
import SourceInput
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `#include` may read only files inside the main file's directory and the `-I`
/// directories. The check once compared path strings, so a symbolic link inside them
/// (`inc/evil.h -> /etc/passwd`, or `inc -> /etc`) was followed; now what a path names on
/// disk (`realpath(3)`) must lie inside the real allowed directories. Files that cannot be
/// read as text are clear errors at the `#include`.
@Suite("#include sandbox on disk")
struct IncludeSandboxTests {
    /// A fresh directory with `main.lds.S` and whatever `setUp` adds; removed afterwards.
    static func inTemporaryDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("initcall-sim-sandbox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory)
    }

    static let loader: Preprocessor.FileLoader = { path in try InputFile.read(path) }

    static func preprocess(_ main: URL, includeDirectories: [String] = []) -> Result<String, LinkerScriptError> {
        do throws(LinkerScriptError) {
            let result = try Preprocessor.preprocess(
                file: main.path, options: .init(includeDirectories: includeDirectories), loader: loader)
            return .success(result.source.text)
        } catch {
            return .failure(error)
        }
    }

    static func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test func aFileLinkOutOfTheDirectoryIsRefused() throws {
        try Self.inTemporaryDirectory { directory in
            let main = directory.appendingPathComponent("main.lds.S")
            try Self.write("#include \"evil.h\"\nx = 1;\n", to: main)
            try FileManager.default.createSymbolicLink(
                atPath: directory.appendingPathComponent("evil.h").path, withDestinationPath: "/etc/passwd")
            guard case .failure(.preprocessor(let diagnostic)) = Self.preprocess(main) else {
                Issue.record("the link was followed")
                return
            }
            #expect(diagnostic.message.hasPrefix("'evil.h' resolves outside the allowed directories"))
            #expect(diagnostic.message.hasSuffix("is '/etc/passwd'"))
            #expect(diagnostic.location.description == "\(main.path):1:2")
            #expect(diagnostic.sourceLine == "#include \"evil.h\"")
        }
    }

    @Test func aDirectoryLinkOutOfAnIncludeDirectoryIsRefused() throws {
        try Self.inTemporaryDirectory { directory in
            let main = directory.appendingPathComponent("main.lds.S")
            try Self.write("#include <inc/passwd>\nx = 1;\n", to: main)
            let include = directory.appendingPathComponent("include")
            try FileManager.default.createDirectory(at: include, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(
                atPath: include.appendingPathComponent("inc").path, withDestinationPath: "/etc")
            guard
                case .failure(.preprocessor(let diagnostic)) = Self.preprocess(main, includeDirectories: [include.path])
            else {
                Issue.record("the directory link was followed")
                return
            }
            #expect(diagnostic.message.hasPrefix("'inc/passwd' resolves outside the allowed directories"))
        }
    }

    @Test func linksThatStayInsideAreFollowed() throws {
        try Self.inTemporaryDirectory { directory in
            let main = directory.appendingPathComponent("main.lds.S")
            try Self.write("#include \"alias.h\"\n#include \"sub/defs.h\"\nVALUE OTHER\n", to: main)
            try Self.write("#define VALUE v = 1;\n", to: directory.appendingPathComponent("real.h"))
            try FileManager.default.createSymbolicLink(
                atPath: directory.appendingPathComponent("alias.h").path, withDestinationPath: "real.h")
            let nested = directory.appendingPathComponent("nested")
            try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
            try Self.write("#define OTHER w = 2;\n", to: nested.appendingPathComponent("defs.h"))
            try FileManager.default.createSymbolicLink(
                atPath: directory.appendingPathComponent("sub").path, withDestinationPath: nested.path)
            guard case .success(let text) = Self.preprocess(main) else {
                Issue.record("a link inside the directory was refused: \(Self.preprocess(main))")
                return
            }
            #expect(text.contains("v = 1; w = 2;"))
        }
    }

    @Test func anIncludedDirectoryFifoOrNonUTF8FileIsAClearErrorAtTheInclude() throws {
        try Self.inTemporaryDirectory { directory in
            try FileManager.default.createDirectory(
                at: directory.appendingPathComponent("dir.h"), withIntermediateDirectories: true)
            #expect(mkfifo(directory.appendingPathComponent("fifo.h").path, 0o600) == 0)
            try Data([0x78, 0x20, 0x3D, 0x20, 0xFF, 0x3B, 0x0A]).write(to: directory.appendingPathComponent("latin1.h"))
            for (header, reason) in [
                ("dir.h", "is a directory"), ("fifo.h", "is not a regular file"),
                ("latin1.h", "invalid UTF-8 at line 1, column 5"),
            ] {
                let main = directory.appendingPathComponent("main-\(header).lds.S")
                try Self.write("x = 1;\n#include \"\(header)\"\n", to: main)
                guard case .failure(.preprocessor(let diagnostic)) = Self.preprocess(main) else {
                    Issue.record("\(header) was read")
                    continue
                }
                #expect(diagnostic.message == "cannot read '\(directory.path)/\(header)': \(reason)")
                #expect(diagnostic.location.description == "\(main.path):2:2")
            }
        }
    }
}
