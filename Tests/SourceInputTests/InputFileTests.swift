import Foundation
import SourceInput
import Testing

/// Reading files says what is wrong in words, never with a Foundation error dump.
@Suite("Reading input files")
struct InputFileTests {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("initcall-sim-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func reason(_ path: String) -> InputFileError.Reason? {
        do {
            _ = try InputFile.read(path)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func readsARegularFile() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("a.boot")
        try Data("kernel \"6.8\"\r\n".utf8).write(to: file)
        #expect(try InputFile.read(file.path) == "kernel \"6.8\"\r\n")
    }

    @Test func aDirectoryIsADirectory() throws {
        let directory = try Self.temporaryDirectory()
        #expect(Self.reason(directory.path) == .isDirectory)
        #expect(
            InputFileError(path: directory.path, reason: .isDirectory).description
                == "'\(directory.path)': is a directory")
    }

    @Test func devicesAndFifosAreNotRegularFiles() throws {
        #expect(Self.reason("/dev/null") == .notRegularFile)
        let directory = try Self.temporaryDirectory()
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // Refused before it is opened: opening a FIFO with no writer would block.
        #expect(Self.reason(fifo) == .notRegularFile)
    }

    @Test func aMissingFileIsNotFound() {
        #expect(Self.reason("/nonexistent/initcall-sim/x.boot") == .notFound)
        #expect(InputFileError(path: "x", reason: .notFound).explanation == "no such file or directory")
    }

    @Test func invalidUTF8IsReportedAtItsLineAndColumn() throws {
        let directory = try Self.temporaryDirectory()
        let file = directory.appendingPathComponent("bad.lds")
        try Data([0x61, 0x0A, 0x62, 0x62, 0xC3, 0x28, 0x0A]).write(to: file)
        #expect(Self.reason(file.path) == .invalidUTF8(line: 2, column: 3))
        let error = InputFileError(path: file.path, reason: .invalidUTF8(line: 2, column: 3))
        #expect(error.explanation == "invalid UTF-8 at line 2, column 3")
        #expect(error.location == SourceLocation(file: file.path, line: 2, column: 3))
    }

    @Test func overlongAndSurrogateFormsAreInvalid() throws {
        let directory = try Self.temporaryDirectory()
        for (index, bytes) in [[0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]].enumerated() {
            let file = directory.appendingPathComponent("f\(index)")
            try Data(bytes.map(UInt8.init)).write(to: file)
            #expect(Self.reason(file.path) == .invalidUTF8(line: 1, column: 1))
        }
    }

    @Test func realPathsResolveSymbolicLinks() throws {
        let directory = try Self.temporaryDirectory()
        let target = directory.appendingPathComponent("target.h")
        try Data("x".utf8).write(to: target)
        let link = directory.appendingPathComponent("link.h")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        #expect(InputFile.realPath(link.path) == InputFile.realPath(target.path))
        #expect(InputFile.realPath(directory.appendingPathComponent("missing").path) == nil)
    }
}
