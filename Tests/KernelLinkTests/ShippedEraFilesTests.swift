import BootAnalysis
import KernelLink
import KernelModel
import LinkerScript
import TestSupport
import Testing

/// The level files and linker scripts of each era under `LinkerScripts/`: embedded byte for
/// byte, read without falling back, and laid out cleanly by the release that selects them.
@Suite("Shipped era files")
struct ShippedEraFilesTests {
    static let releases = [
        "2.6.16", "2.6.20", "2.6.27", "2.6.28", "3.3", "3.4", "4.16", "4.17", "6.1.192", "6.8.0-sim",
    ]

    @Test func embeddedLevelFilesAreTheShippedFiles() throws {
        #expect(LevelTable.shippedFiles.count == LevelTable.eras.count * 2)
        for era in LevelTable.eras {
            for path in LevelTable.shippedFiles(ofEra: era.directory) {
                let embedded = try #require(LevelTable.shippedFiles[path], "\(path) is not embedded")
                #expect(Array(embedded.utf8) == Array(try Fixtures.loader(path).utf8), "\(path)")
            }
        }
    }

    @Test func embeddedScriptsAreTheShippedFiles() throws {
        for (path, text) in DefaultLinkerScript.shippedFiles {
            #expect(Array(text.utf8) == Array(try Fixtures.loader(path).utf8), "\(path)")
        }
    }

    /// Each era's table is read from its files, not the 6.x fallback.
    @Test func everyEraReadsItsOwnTable() throws {
        for era in LevelTable.eras {
            let files = LevelTable.shippedFiles(ofEra: era.directory)
            var fromDisk = try LevelDefinitions.load(files, loader: Fixtures.loader)
            fromDisk.sources = nil
            let release = Self.releases.first { LevelTable.eraDirectory(for: KernelVersion($0)) == era.directory }
            let version = try #require(release.map(KernelVersion.init), "no release selects \(era.directory)")
            #expect(LevelTable.linux(for: version) == fromDisk, "\(era.directory)")
        }
        #expect(LevelTable.linux(for: KernelVersion("6.8.0-sim")) == .linux6)
    }

    @Test func eraShapes() {
        let v2616 = LevelTable.linux(for: KernelVersion("2.6.16"))
        #expect(v2616.loop == .single && v2616.earlySlice == nil)
        #expect(v2616.ids.map(\.id) == ["1", "2", "3", "4", "5", "6", "7", "con"])
        #expect(v2616.id(forMacro: "pure_initcall") == nil)

        let v2627 = LevelTable.linux(for: KernelVersion("2.6.27"))
        #expect(v2627.loop == .single && v2627.earlySlice == nil && v2627.consoleSlice != nil)
        #expect(v2627.initcallLevels == ["__initcall_start", "__initcall_end"])
        #expect(v2627.id(forMacro: "rootfs_initcall")?.id == "rootfs")
        #expect(v2627.id(forMacro: "early_initcall") == nil)

        let v33 = LevelTable.linux(for: KernelVersion("3.3"))
        #expect(v33.loop == .single)
        #expect(v33.earlySlice.map { [$0.start, $0.end] } == ["__initcall_start", "__early_initcall_end"])
        #expect(v33.initcallLevels == ["__early_initcall_end", "__initcall_end"])

        let v416 = LevelTable.linux(for: KernelVersion("4.16"))
        #expect(v416.loop == .perLevel && v416.initcallLevelNames.first == "early")
        #expect(LevelTable.linux(for: KernelVersion("4.17")).initcallLevelNames.first == "pure")
    }

    /// The script a release boots with lays out its own table without a finding.
    @Test(arguments: releases)
    func eraScriptFitsEraTable(_ release: String) throws {
        let version = KernelVersion(release)
        let script = try DefaultLinkerScript.parsed(for: version)
        let levels = LevelTable.linux(for: version)
        let findings = LayoutChecks.run(script: script, levels: levels)
        #expect(findings.map(\.code) == [], "\(release): \(findings.map(\.summary))")
    }
}
