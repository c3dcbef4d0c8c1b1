import InitcallSim
import LinkerScript
import TestSupport
import Testing

/// One evaluation, one verdict: a boundary symbol whose value the script cannot compute
/// (`__initcall_start = nosuch;`, an assignment loop) or never defines once made `check` say
/// "no findings" while `boot` failed without a file or line. Now the layout records why a
/// value is unknown, the link's error points there with a caret, and `check` reports the same
/// problem at the same place.
@Suite("Unknown and undefined boundaries")
struct UnknownBoundaryTests {
    /// INIT_CALLS of Linux 6.x in `.init.data` (INIT_CALLS from line 4), with `edit` applied
    /// to its text, and `after` as more SECTIONS.
    static func text(_ edit: (String) -> String, after: String = "") -> String {
        """
        SECTIONS {

          .init.data : {
        \(edit(LevelTable.linux6.initCallsText(indent: "    ")))
            __con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;
          }
        }
        \(after)
        """
    }

    static func script(_ edit: (String) -> String, after: String = "") throws -> LinkerScript {
        try LinkerScript.parse(text(edit, after: after), file: "b.lds")
    }

    static func kernel(_ script: LinkerScript) -> KernelDescription {
        var kernel = KernelDescription()
        kernel.object("drivers/a.o") { tu in
            tu.early_initcall(TestKernel.fn("a_early"))
            tu.device_initcall(TestKernel.fn("a_init"))
        }
        kernel.linkerScript = script
        return kernel
    }

    /// The link's error, which boot reports.
    static func linkError(_ script: LinkerScript) -> LinkError? {
        do throws(LinkError) {
            _ = try Linker.link(kernel(script))
            return nil
        } catch {
            return error
        }
    }

    @Test func aBoundaryFromAnUndefinedSymbolFailsTheLinkAtTheReference() throws {
        let script = try Self.script {
            $0.replacingOccurrences(of: "__initcall_start = .;", with: "__initcall_start = nosuch;")
        }
        let error = try #require(Self.linkError(script))
        guard case .unknownSymbolValue("__initcall_start", "do_pre_smp_initcalls()", let diagnostic) = error else {
            Issue.record("expected an unknown value: \(error)")
            return
        }
        #expect(
            diagnostic.message
                == "the value of `__initcall_start' (used by do_pre_smp_initcalls()) is unknown: undefined symbol `nosuch' referenced in expression"
        )
        #expect(diagnostic.location.description == "b.lds:4:24")
        #expect(diagnostic.sourceLine == "    __initcall_start = nosuch;")
        #expect(diagnostic.rendered().contains("\n                         ^\n"))
        #expect(error.diagnostic == diagnostic)

        let findings = LayoutChecks.run(script: script, levels: .linux6)
        let finding = try #require(findings.first { $0.code == "unknown-boundary-value" })
        #expect(finding.severity == .error)
        #expect(finding.location == diagnostic.location)
        #expect(finding.summary == diagnostic.message + ": the link fails")
    }

    /// `__initcall6_start = .;` is line 27; replaced by these lines.
    @Test(arguments: [
        (
            "a = b;\n    b = a;\n    __initcall6_start = a;", "b.lds:27:9",
            "symbol `b' is referenced in expression before the script assigns it"
        ),
        (
            "PROVIDE(a = b);\n    PROVIDE(b = a);\n    __initcall6_start = a;", "b.lds:27:17",
            "symbol `b' is referenced in expression before the script assigns it"
        ),
        (
            "__initcall6_start = a;\n    a = 1;", "b.lds:27:25",
            "symbol `a' is referenced in expression before the script assigns it"
        ),
        (
            "__initcall6_start = ADDR(.later);", "b.lds:27:30",
            "section `.later' is referenced in expression before the script lays it out"
        ),
        (
            "__initcall6_start = SIZEOF(.nowhere);", "b.lds:27:32",
            "undefined section `.nowhere' referenced in expression"
        ),
        ("__initcall6_start = ORIGIN(ram);", "b.lds:27:32", "memory region `ram' referenced in expression"),
    ])
    func loopsAndForwardReferencesAreUnknownWithTheReason(_ replacement: String, _ place: String, _ reason: String)
        throws
    {
        let withLater = try Self.script(
            { $0.replacingOccurrences(of: "__initcall6_start = .;", with: replacement) },
            after: "SECTIONS { .later : { } }")
        let error = try #require(Self.linkError(withLater))
        let diagnostic = try #require(error.diagnostic)
        #expect(diagnostic.location.description == place)
        #expect(diagnostic.message.hasSuffix(reason), "\(diagnostic.message)")
        let finding = LayoutChecks.run(script: withLater, levels: .linux6).first { $0.code == "unknown-boundary-value" }
        #expect(finding?.location == diagnostic.location)
    }

    @Test func anUndefinedConsoleBoundaryPointsAtTheOtherEndOfItsWalk() throws {
        let text = try LinkerScript.parse(
            Self.text { $0 }.replacingOccurrences(of: "__con_initcall_start = .; ", with: ""), file: "b.lds")
        let error = try #require(Self.linkError(text))
        guard case .undefinedSymbol("__con_initcall_start", "console_init()", let diagnostic?) = error else {
            Issue.record("expected an undefined symbol with a place: \(error)")
            return
        }
        #expect(diagnostic.location.description == "b.lds:35:33")
        #expect(diagnostic.sourceLine == "    KEEP(*(.con_initcall.init)) __con_initcall_end = .;")
        let finding = try #require(LayoutChecks.run(script: text, levels: .linux6).first)
        #expect(finding.code == "undefined-boundary")
        #expect(finding.location == diagnostic.location)
    }

    @Test(arguments: [
        "__initcall3_start = .;", "__initcall_end = .;", "__initcall0_start = .;", "__initcall_start = .;",
    ])
    func checkReportsWhatBootFailsOnAtTheSamePlace(_ removed: String) throws {
        let script = try Self.script { $0.replacingOccurrences(of: removed, with: "") }
        let error = try #require(Self.linkError(script))
        let finding = try #require(
            LayoutChecks.run(script: script, levels: .linux6).first { $0.code == "undefined-boundary" })
        #expect(finding.location != nil)
        #expect(finding.location == error.diagnostic?.location)
    }
}
