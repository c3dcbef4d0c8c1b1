import Foundation
import InitcallSimCLI
import TestSupport
import Testing

/// Sharded exploration: N shards merged give byte for byte the report of one exploration.
@Suite struct ShardTests {
    static func ex(_ name: String) -> String { CLIFixtures.example(name) }

    /// A scratch folder for part files, removed afterwards.
    final class Scratch {
        let url: URL
        init(_ name: String) throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent(
                "initcall-sim-\(name)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    /// Runs `explore` over shards 1…n of `arguments`, writes the parts, and returns their paths.
    static func shards(_ arguments: [String], count: Int, in scratch: Scratch) throws -> [String] {
        var paths: [String] = []
        for index in 1...count {
            let output = CLI.run(["explore"] + arguments + ["--shard", "\(index)/\(count)"])
            #expect(output.exitCode == 0, "\(output.stderr)")
            #expect(output.stderr == "")
            #expect(output.stdout.contains("\"schema\": \"initcall-sim/explore-part/1\""))
            let path = scratch.path("part-\(index)-of-\(count).json")
            try output.stdout.write(toFile: path, atomically: true, encoding: .utf8)
            paths.append(path)
        }
        return paths
    }

    static let explorations: [[String]] = [
        // exhaustive with a failure and a reproducer: 4 orders
        [ex("pci-cma-keyring.boot")],
        // exhaustive, 2 orders: with 3 shards the first is empty
        [ex("tpm-ima.boot")],
        // exhaustive, every order passes
        [ex("board.boot"), "--level", "late", "--exhaustive"],
        // random sample with three failing outcomes and their reproducers
        [ex("board.boot"), "--runs", "300", "--seed", "1"],
        [ex("board.boot"), "--runs", "120", "--seed", "7", "--level", "subsys"],
    ]

    @Test(arguments: explorations)
    func mergedShardsGiveTheSingleReport(_ arguments: [String]) throws {
        let scratch = try Scratch("shards")
        for format in ["text", "json"] {
            let single = CLI.run(["explore"] + arguments + ["--format", format])
            #expect(single.stderr == "")
            for count in [1, 3] {
                let parts = try Self.shards(arguments, count: count, in: scratch)
                for order in [parts, parts.reversed()] {
                    let merged = CLI.run(["explore", "--merge"] + order + ["--format", format, "--jobs", "2"])
                    #expect(merged.stderr == "")
                    #expect(merged.exitCode == single.exitCode)
                    #expect(merged.stdout == single.stdout, "\(count) shards, \(format)")
                }
            }
        }
    }

    @Test func partsAreGolden() throws {
        let arguments = [Self.ex("pci-cma-keyring.boot")]
        let scratch = try Scratch("golden")
        let parts = try Self.shards(arguments, count: 3, in: scratch)
        let root = CLIFixtures.packageRoot.path + "/"
        let text = try String(contentsOfFile: parts[2], encoding: .utf8).replacingOccurrences(of: root, with: "")
        try CLIFixtures.checkGolden(text, "explore-pci-cma-keyring.part-3-of-3.json")
    }

    @Test func mergeRefusesPartsThatDoNotBelongTogether() throws {
        let scratch = try Scratch("refuse")
        let board = [Self.ex("board.boot"), "--runs", "60"]
        let parts = try Self.shards(board, count: 3, in: scratch)
        func merge(_ paths: [String]) -> CLI.Output { CLI.run(["explore", "--merge"] + paths) }

        let missing = merge([parts[0], parts[2]])
        #expect(missing.exitCode == 2)
        #expect(missing.stderr.contains("shard 2/3 missing: every shard of 3 must be merged, each once"))

        let twice = merge([parts[0], parts[1], parts[1], parts[2]])
        #expect(twice.exitCode == 2)
        #expect(twice.stderr.contains("shard 2/3 is given twice"))

        let seedScratch = try Scratch("seed")
        let otherSeed = try Self.shards(
            [Self.ex("board.boot"), "--runs", "60", "--seed", "2"], count: 3, in: seedScratch)
        let mixed = merge([parts[0], otherSeed[1], parts[2]])
        #expect(mixed.exitCode == 2)
        #expect(mixed.stderr.contains("the parts come from different explorations"))
        #expect(mixed.stderr.contains("has seed 1") && mixed.stderr.contains("has seed 2"))

        let countScratch = try Scratch("count")
        let otherCount = try Self.shards(board, count: 2, in: countScratch)
        let counts = merge([parts[0], otherCount[1]])
        #expect(counts.exitCode == 2)
        #expect(counts.stderr.contains("shard count 3") && counts.stderr.contains("shard count 2"))

        #expect(merge([]).stderr.contains("--merge needs the parts"))
        #expect(
            CLI.run(["explore", "--merge", parts[0], "--seed", "3"]).stderr.contains(
                "--merge takes --seed from the parts"))
    }

    @Test func mergeNamesBadPartFiles() throws {
        let scratch = try Scratch("bad")
        let broken = scratch.path("broken.json")
        try "{\n  \"schema\": \"initcall-sim/explore-part/1\",\n  \"file\": nul\n}\n".write(
            toFile: broken, atomically: true, encoding: .utf8)
        let syntax = CLI.run(["explore", "--merge", broken])
        #expect(syntax.exitCode == 2)
        #expect(syntax.stderr.contains("broken.json:3:11: error: expected 'null'"))

        let report = scratch.path("report.json")
        try CLI.run(["explore", Self.ex("tpm-ima.boot"), "--format", "json"]).stdout.write(
            toFile: report, atomically: true, encoding: .utf8)
        let notPart = CLI.run(["explore", "--merge", report])
        #expect(notPart.exitCode == 2)
        #expect(notPart.stderr.contains("not an explore part: schema 'initcall-sim/explore/1'"))

        let parts = try Self.shards([Self.ex("tpm-ima.boot")], count: 1, in: scratch)
        var text = try String(contentsOfFile: parts[0], encoding: .utf8)
        text = text.replacingOccurrences(
            of: "\"orders\": 2,\n      \"first_order\"", with: "\"orders\": 5,\n      \"first_order\"")
        let tampered = scratch.path("tampered.json")
        try text.write(toFile: tampered, atomically: true, encoding: .utf8)
        let inconsistent = CLI.run(["explore", "--merge", tampered])
        #expect(inconsistent.exitCode == 2)
        #expect(inconsistent.stderr.contains("tampered.json is not a consistent part"), "\(inconsistent.stderr)")
    }

    @Test func mergeNoticesAChangedDescription() throws {
        let scratch = try Scratch("changed")
        let file = scratch.path("pair.boot")
        let original = try String(contentsOfFile: Self.ex("seed-pair-dependency.boot"), encoding: .utf8)
        try original.write(toFile: file, atomically: true, encoding: .utf8)
        let parts = try Self.shards([file], count: 2, in: scratch)
        try original.replacingOccurrences(of: "time=", with: "time=1").write(
            toFile: file, atomically: true, encoding: .utf8)
        let merged = CLI.run(["explore", "--merge"] + parts)
        #expect(merged.exitCode == 2)
        #expect(merged.stderr.contains("is no longer the description"), "\(merged.stderr)")
    }

    @Test func helpNamesShardAndMerge() {
        let explore = CLI.run(["explore", "--help"]).stdout
        #expect(explore.contains("--shard <i>/<n>") && explore.contains("--merge <part>"))
    }

    @Test func shardNeedsAValidSlice() {
        for bad in ["0/3", "4/3", "1/0", "a/b", "3"] {
            let output = CLI.run(["explore", Self.ex("tpm-ima.boot"), "--shard", bad])
            #expect(output.exitCode == 2)
            #expect(output.stderr.contains("--shard expects I/N"))
        }
        let text = CLI.run(["explore", Self.ex("tpm-ima.boot"), "--shard", "1/2", "--format", "text"])
        #expect(text.exitCode == 2)
    }
}
