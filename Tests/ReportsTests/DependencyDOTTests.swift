import BootAnalysis
import Foundation
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

/// `check --format dot`: the declared dependency graph for Graphviz, hazards in red.
@Suite("dependency graph (dot)")
struct DependencyDOTTests {
    let golden = Golden("ReportsTests")

    /// Every kind of dependency finding in one description.
    static let hazards = """
        object drivers/a/provider.o
          subsys_initcall provider_init provides=bus
        object drivers/a/consumer.o
          subsys_initcall consumer_init requires=bus
        object drivers/b/early.o
          core_initcall early_init requires=clock
        object drivers/b/clock.o
          device_initcall clock_init provides=clock
        object drivers/c/one.o
          device_initcall one_init provides=dup
        object drivers/c/two.o
          device_initcall two_init provides=dup
        object drivers/c/user.o
          late_initcall dup_user_init requires=dup
        object drivers/d/ping.o
          device_initcall ping_init requires=pong provides=ping
        object drivers/d/pong.o
          device_initcall pong_init requires=ping provides=pong
        object drivers/e/lonely.o
          device_initcall lonely_init requires=nothing-provides-this
        """

    static func graph(_ text: String) throws -> (String, [Finding]) {
        let description = try Fixtures.parse(text, file: "hazards.boot")
        let image = try Linker.link(description)
        let findings = DependencyChecks.run(image)
        return (DependencyDOT.render(image, findings: findings), findings)
    }

    @Test func everyHazardIsARedEdge() throws {
        let (dot, findings) = try Self.graph(Self.hazards)
        let codes = Set(findings.map(\.code))
        #expect(
            codes == [
                "fragile-link-order", "provider-in-later-level", "duplicate-provider", "dependency-cycle",
                "missing-provider",
            ])
        for code in codes { #expect(dot.contains("[\(code)]"), "\(code)") }
        // provider -> consumer, labelled with the resource, red.
        let edges = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        let fragile = edges.filter { $0.contains("fragile-link-order") }
        #expect(fragile.count == 1)
        #expect(fragile.first?.contains("label=\"bus\\n[fragile-link-order]\", color=\"#c0392b\"") == true)
        #expect(fragile.first?.contains("style=dashed") == true)  // a warning
        #expect(edges.filter { $0.contains("provider-in-later-level") }.allSatisfy { $0.contains("penwidth=2") })
        // A resource nobody provides, and one two provide, go through a node of their own.
        #expect(dot.contains("label=\"'nothing-provides-this'\\nno provider\""))
        #expect(dot.contains("label=\"'dup'\\n2 providers\""))
        // The cycle's two edges are both red.
        #expect(edges.filter { $0.contains("dependency-cycle") }.count == 2)
        // Levels are clusters, in run order.
        let clusters = dot.split(separator: "\n").filter { $0.contains("subgraph cluster_") }
        #expect(
            clusters.map { String($0.split(separator: " ")[1]) } == [
                "cluster_0_core", "cluster_1_subsys", "cluster_2_device", "cluster_3_late",
            ])
    }

    @Test func isBalancedAndDeterministic() throws {
        let (first, _) = try Self.graph(Self.hazards)
        let (second, _) = try Self.graph(Self.hazards)
        #expect(first == second)
        #expect(first.filter { $0 == "{" }.count == first.filter { $0 == "}" }.count)
        // Every quote is closed on its line (escaped quotes aside).
        for line in first.split(separator: "\n") where !line.hasPrefix("//") {
            let quotes = line.replacingOccurrences(of: "\\\"", with: "").filter { $0 == "\"" }.count
            #expect(quotes % 2 == 0, "\(line)")
        }
    }

    @Test func quotesAndBackslashesAreEscaped() throws {
        var description = KernelDescription()
        description.object("drivers/we\"ird\\.o") { tu in
            tu.device_initcall(InitFunction("weird_init", provides: ["x"]) { _ in 0 })
        }
        description.object("drivers/ok.o") { tu in
            tu.device_initcall(InitFunction("ok_init", requires: ["x"]) { _ in 0 })
        }
        let image = try Linker.link(description)
        let dot = DependencyDOT.render(image, findings: DependencyChecks.run(image))
        #expect(dot.contains(#"weird_init\ndrivers/we\"ird\\.o"#))
    }

    @Test func goldens() throws {
        try golden.check(try Self.graph(Self.hazards).0, against: "hazards.dot")
        // Read by its path relative to the package root, so the golden names no checkout.
        let board = try Fixtures.boot("Examples/board.boot")
        let image = try Linker.link(board)
        try golden.check(DependencyDOT.render(image, findings: DependencyChecks.run(image)), against: "board.dot")
    }

    /// Graphviz reads it, when it is installed (it is not a dependency).
    @Test func graphvizParsesIt() throws {
        let dot = URL(fileURLWithPath: "/usr/bin/dot")
        guard FileManager.default.isExecutableFile(atPath: dot.path) else { return }
        for text in [try Self.graph(Self.hazards).0] {
            let process = Process()
            process.executableURL = dot
            process.arguments = ["-Tsvg"]
            let input = Pipe()
            let output = Pipe()
            let errors = Pipe()
            process.standardInput = input
            process.standardOutput = output
            process.standardError = errors
            try process.run()
            input.fileHandleForWriting.write(Data(text.utf8))
            try input.fileHandleForWriting.close()
            _ = output.fileHandleForReading.readDataToEndOfFile()
            let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(messages)")
            #expect(messages == "")
        }
    }
}
