import Foundation
import InitcallSim
import TestSupport
import Testing

/// Hostile logs: mutated real and simulated logs are imported (each also read as its own
/// System.map); what the import writes must always read back as a `.boot` file, and line ends
/// must not matter.
@Suite struct DmesgImportMutationTests {
    static let seeds: [String] = {
        let fixtures = ["clearlinux-4.x-x86_64.dmesg", "liquorix-5.x-journal.log", "elinux-2.6-x86.dmesg"]
        var texts = fixtures.compactMap {
            try? String(contentsOfFile: Fixtures.path("Tests/CLITests/Fixtures/import/" + $0), encoding: .utf8)
        }
        for example in ["do-one-initcall.boot", "debian-6.1-no-root.boot", "board.boot"] {
            if let description = try? Fixtures.description(example), let image = try? Linker.link(description) {
                texts.append(DmesgRenderer.render(image.boot()))
                texts.append(DmesgRenderer.render(image.boot(), style: .raw))
            }
        }
        return texts
    }()

    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var characters = Array(text)
        let pieces = [
            "calling  ", "initcall ", " returned ", " after ", " usecs", " @ ", "+0x0/0x", "[", "]", "\r", "\n",
            "<7>", "[    T1]", " [mod]", "-", "0x", "%", "\"", "\\", "Kernel panic - not syncing: ",
            "Run /init as init process",
            "__initcall6_start", "ffffffff83000000 d __initcall_x6\n", "99999999999999", "é",
        ]
        for _ in 0..<Int.random(in: 1...6, using: &random) where !characters.isEmpty {
            let at = Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: characters.insert(contentsOf: pieces[Int.random(in: 0..<pieces.count, using: &random)], at: at)
            case 1: characters.removeSubrange(at..<min(characters.count, at + Int.random(in: 1...20, using: &random)))
            default:
                let from = Int.random(in: 0..<characters.count, using: &random)
                characters.insert(contentsOf: characters[from..<min(characters.count, from + 40)], at: at)
            }
        }
        return String(characters)
    }

    static func imported(_ text: String) -> String {
        DmesgImport.read(text, systemMap: SystemMap(text)).bootFile(source: "m.dmesg")
    }

    @Test func mutatedLogsImportToDescriptionsThatReadBack() throws {
        #expect(Self.seeds.count >= 6)
        var random = SplitMix64(seed: 0x1_2024)
        var withCalls = 0
        for iteration in 0..<1_000 {
            let text = Self.mutate(Self.seeds[iteration % Self.seeds.count], &random)
            let description = Self.imported(text)
            #expect(
                Self.imported(SourceText.lines(text).joined(separator: "\r\n")) == description, "mutant \(iteration)")
            do {
                let parsed = try BootFile.parse(description, file: "m.boot", loader: { _ in "" })
                if parsed.objects.contains(where: { !$0.entries.isEmpty }) { withCalls += 1 }
            } catch {
                Issue.record("mutant \(iteration): \(error.description)\n\(text)")
            }
        }
        #expect(withCalls > 300, "with calls: \(withCalls)")
    }

    @Test func hugeAndOddInputsStayBounded() throws {
        // One long line, a million brackets, a log of 40,000 lines: linear, no recursion.
        let long = String(repeating: "[    1.000000] calling  a+0x0/0x1 @ 1", count: 20_000)
        #expect(DmesgImport.read(long).calls.count == 20_000)
        let brackets = String(repeating: "[", count: 1_000_000)
        #expect(DmesgImport.read(brackets).calls.isEmpty)
        var lines = ""
        for index in 0..<20_000 {
            lines += "[    0.\(String(format: "%06d", index % 1_000_000))] calling  f\(index % 7)+0x0/0x10 @ 1\n"
            lines += "initcall f\(index % 7)+0x0/0x10 returned \(index % 3 - 1) after 1 usecs\n"
        }
        let boot = DmesgImport.read(lines)
        #expect(boot.calls.count == 20_000)
        _ = try BootFile.parse(boot.bootFile(source: "big"), file: "big.boot")
    }
}
