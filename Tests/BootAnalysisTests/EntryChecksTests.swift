import BootAnalysis
import KernelLink
import KernelModel
import TestSupport
import Testing

/// Registrations that never run, with a "did you mean" only when one id is clearly meant.
@Suite struct EntryChecksTests {
    static func findings(_ text: String) throws -> [Finding] {
        EntryChecks.run(try Linker.link(try Fixtures.parse(text)))
    }

    @Test func orphanEntryIsAnErrorAtItsRegistration() throws {
        let findings = try Self.findings("object a.o\n  __define_initcall foo_init 66\n  device_initcall bar_init\n")
        #expect(findings.map(\.code) == ["initcall-never-runs"])
        let finding = try #require(findings.first)
        #expect(finding.location?.description == "test.boot:2:3")
        #expect(
            finding.summary
                == "foo_init (a.o) is in .initcall66.init, which no pattern of the linker script collects: it never runs"
        )
        #expect(finding.fix == "did you mean id 6? Register foo_init with device_initcall (.initcall6.init)")
    }

    @Test func noGuessWhenEveryIdIsOneKeyAway() throws {
        let finding = try #require(try Self.findings("object a.o\n  __define_initcall foo_init 8\n").first)
        #expect(finding.fix?.hasPrefix("register foo_init with a level macro") == true)
    }

    @Test func entriesThatRunAreFine() throws {
        #expect(try Self.findings("object a.o\n  device_initcall bar_init\n").isEmpty)
    }
}
