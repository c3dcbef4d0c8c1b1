import BootAnalysis
import Foundation
import KernelLink
import KernelModel
import TestSupport
import Testing

/// Mutated `.boot` files must parse or fail with a diagnostic; whatever parses must link (or
/// fail with a link error) and boot to init or a panic. Never a crash or a hang.
@Suite("`.boot` mutations")
struct BootFileMutationTests {
    static let tokens = [
        "\"", "\\", "#", "=", ",", ":", "-", "+", " ", "\n", "object", "core_initcall", "module_exit",
        "__define_initcall", "time=", "sleep=9999999s", "returns=", "preempt=-1000", "irqs=off", "printk=", "KERN_",
        "requires=x", "provides=x", "on-missing=panic", "panic=boom", "size=0x", "9", "0x7fffffff", "-2147483648",
        "initcall_debug", "init=/bin/sh", "--", "cmdline \"", "¦", "\u{0}", "é",
    ]

    static func mutate(_ text: String, _ random: inout SplitMix64) -> String {
        var characters = Array(text)
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            guard !characters.isEmpty else { break }
            let at = Int.random(in: 0..<characters.count, using: &random)
            switch Int.random(in: 0..<4, using: &random) {
            case 0: characters.remove(at: at)
            case 1: characters.insert(contentsOf: Array(tokens.randomElement(using: &random) ?? ""), at: at)
            case 2:
                let length = Int.random(in: 1...20, using: &random)
                characters.removeSubrange(at..<min(characters.count, at + length))
            default:
                let from = Int.random(in: 0..<characters.count, using: &random)
                let length = min(30, characters.count - from)
                characters.insert(contentsOf: characters[from..<(from + length)], at: at)
            }
        }
        return String(characters)
    }

    @Test func mutatedExamplesNeverCrash() throws {
        let seeds = try ["same-level-pair.boot", "do-one-initcall.boot", "panic.boot", "board.boot"].map {
            try String(contentsOfFile: Fixtures.example($0), encoding: .utf8)
        }
        var random = SplitMix64(seed: 0x1417)
        var parsed = 0
        var booted = 0
        for iteration in 0..<4_000 {
            let text = Self.mutate(seeds[iteration % seeds.count], &random)
            guard let description = try? BootFile.parse(text, file: "m.boot", loader: { _ in "" }) else { continue }
            parsed += 1
            guard let image = try? Linker.link(description) else { continue }
            let result = image.boot()
            booted += 1
            #expect(!result.records.isEmpty)
        }
        // The mutations must exercise both paths, not only the error path.
        #expect(parsed > 400)
        #expect(booted > 400)
    }
}
