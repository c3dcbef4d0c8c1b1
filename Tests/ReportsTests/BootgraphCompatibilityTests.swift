import Foundation
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

/// `scripts/bootgraph.pl` reads `initcall_debug` dmesg with these regexes (reference §10, the
/// current version); initcall-sim's output must satisfy them, including a stop marker.
@Suite("bootgraph.pl compatibility")
struct BootgraphCompatibilityTests {
    static let calling = try? NSRegularExpression(pattern: #"([0-9\.]+)\] calling  ([a-zA-Z0-9\_\.]+)\+"#)
    static let returned = try? NSRegularExpression(pattern: #"([0-9\.]+)\] initcall ([a-zA-Z0-9\_\.]+)\+.*returned"#)
    static let pid = try? NSRegularExpression(pattern: #"\@ ([0-9]+)"#)

    static func matches(_ regex: NSRegularExpression?, _ line: String) -> Bool {
        regex?.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil
    }

    @Test(arguments: [Architecture.x86_64, .arm64])
    func everyCallIsSeenBeforeTheStopMarker(_ arch: Architecture) throws {
        var description = try BootFile.load(Fixtures.example("board.boot"))
        description.architecture = arch
        let lines = DmesgRenderer.render(try Linker.link(description).boot()).split(separator: "\n").map(String.init)
        let stop = try #require(
            lines.firstIndex { $0.contains("Write protecting the") || $0.contains("Freeing unused kernel memory") })
        let before = lines[..<stop]
        #expect(before.filter { Self.matches(Self.calling, $0) && Self.matches(Self.pid, $0) }.count == 48)
        #expect(before.filter { Self.matches(Self.returned, $0) }.count == 48)
    }

    @Test func genericArchitecturePrintsNoStopMarkerAsTheKernelDoes() throws {
        var description = try BootFile.load(Fixtures.example("board.boot"))
        description.architecture = .generic
        let text = DmesgRenderer.render(try Linker.link(description).boot())
        #expect(text.contains("Freeing unused kernel image (initmem) memory:"))
        #expect(!text.contains("Write protecting the") && !text.contains("Freeing unused kernel memory"))
    }
}
