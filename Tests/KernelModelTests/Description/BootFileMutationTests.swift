import BootAnalysis
import Foundation
import KernelLink
import KernelModel
import SourceInput
import TestSupport
import Testing

/// Mutated `.boot` files must parse or fail with a diagnostic; whatever parses must link (or
/// fail with a link error) and boot to init or a panic. Never a crash or a hang — and the
/// results are the same whatever the line ends: a CRLF and a CR copy of every mutant give the
/// same diagnostic or the same log as the LF one.
@Suite("`.boot` mutations")
struct BootFileMutationTests {
    static let tokens = [
        "\"", "\\", "#", "=", ",", ":", "-", "+", " ", "\n", "object", "core_initcall", "module_exit",
        "__define_initcall", "time=", "sleep=9999999s", "returns=", "preempt=-1000", "irqs=off", "printk=", "KERN_",
        "requires=x", "provides=x", "on-missing=panic", "panic=boom", "size=0x", "9", "0x7fffffff", "-2147483648",
        "initcall_debug", "init=/bin/sh", "--", "cmdline \"", "¦", "\u{0}", "é", "\r\n", "\r", "\"\u{301}",
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
        let seeds = try ["same-level-pair.boot", "do-one-initcall.boot", "panic.boot", "board.boot", "params.boot"].map
        {
            try String(contentsOfFile: Fixtures.example($0), encoding: .utf8)
        }
        var random = SplitMix64(seed: 0x1417)
        var parsed = 0
        var booted = 0
        for iteration in 0..<4_000 {
            let text = Self.mutate(seeds[iteration % seeds.count], &random)
            let result = Self.outcome(text)
            for lineEnd in ["\r\n", "\r"] {
                let copy = SourceText.lines(text).joined(separator: lineEnd)
                #expect(
                    Self.outcome(copy) == result,
                    "mutant \(iteration) reads differently with \(lineEnd.debugDescription)")
            }
            if case .booted(let log) = result {
                #expect(!log.isEmpty)
                booted += 1
            }
            if case .failed(let stage, _) = result, stage == "parse" { continue }
            parsed += 1
        }
        // The mutations must exercise both paths, not only the error path.
        #expect(parsed > 400, "parsed \(parsed)")
        #expect(booted > 400)
    }

    enum Outcome: Equatable {
        case failed(stage: String, message: String)
        case booted(log: String)
    }

    /// What a `.boot` text comes to: its parse or link error (place and words), or its log.
    static func outcome(_ text: String) -> Outcome {
        let description: KernelDescription
        do {
            description = try BootFile.parse(text, file: "m.boot", loader: { _ in "" })
        } catch {
            return .failed(stage: "parse", message: error.description)
        }
        do {
            let image = try Linker.link(description)
            return .booted(log: image.boot().records.map(\.text).joined(separator: "\n"))
        } catch {
            return .failed(stage: "link", message: error.description)
        }
    }
}
