import BootAnalysis
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

@Suite struct DependencyChecksTests {
    static func findings(_ text: String, order: [String]? = nil) throws -> [Finding] {
        try DependencyChecks.run(try Fixtures.parse(text), linkOrder: order.map { LinkOrder($0) })
    }

    @Test func fragileWhenOnlyLinkOrderHelps() throws {
        let findings = try Self.findings(
            """
            object drivers/misc/afe.o
              module_init afe_init provides=clk
            object drivers/net/eth.o
              module_init eth_init requires=clk
            """)
        #expect(findings.map(\.code) == ["fragile-link-order"])
        let finding = try #require(findings.first)
        #expect(finding.severity == .warning)
        #expect(finding.location?.line == 4)
        #expect(finding.subjects == ["eth_init", "drivers/net/eth.o", "clk", "afe_init", "drivers/misc/afe.o"])
        #expect(
            finding.fix
                == "move afe_init (drivers/misc/afe.o) from module_init to fs_initcall, the nearest level before device; or move eth_init (drivers/net/eth.o) from module_init to device_initcall_sync, which runs after every device_initcall"
        )
    }

    /// 2.6.27's do_initcalls() is one loop over every section: sections order calls, and only
    /// entries of one section depend on link order.
    @Test func singleLoopOrdersBySectionThenLinkOrder() throws {
        let crossSection = try Self.findings(
            """
            kernel "2.6.27"
            object drivers/b.o
              device_initcall user_init requires=bus
            object drivers/a.o
              subsys_initcall bus_init provides=bus
            """)
        #expect(crossSection.isEmpty)
        let findings = try Self.findings(
            """
            kernel "2.6.27"
            object drivers/c.o
              device_initcall other_init requires=thing
            object drivers/d.o
              device_initcall thing_init provides=thing
            """)
        let finding = try #require(findings.first)
        #expect(findings.map(\.code) == ["wrong-link-order"])
        #expect(
            finding.summary
                == "other_init (drivers/c.o) requires 'thing', which thing_init (drivers/d.o) provides later in the same section (.initcall6.init), because drivers/c.o is linked before drivers/d.o"
        )
        #expect(
            finding.fix
                == "move thing_init (drivers/d.o) from device_initcall to fs_initcall_sync, which runs before device_initcall in the one do_initcalls() loop; or move other_init (drivers/c.o) from device_initcall to device_initcall_sync, which runs after every device_initcall"
        )
    }

    @Test func wrongLinkOrderInTheGivenOrder() throws {
        let text = """
            object a.o
              device_initcall afe_init provides=clk
            object b.o
              device_initcall eth_init requires=clk
            """
        #expect(try Self.findings(text, order: ["b.o", "a.o"]).map(\.code) == ["wrong-link-order"])
        #expect(try Self.findings(text, order: ["b.o", "a.o"]).first?.severity == .error)
    }

    @Test func laterLevelLaterSectionAndLaterInTheSameFile() throws {
        let findings = try Self.findings(
            """
            object a.o
              core_initcall early_user requires=late-thing
              device_initcall_sync sync_provider provides=sync-thing
              device_initcall plain_user requires=sync-thing
              subsys_initcall second requires=first-thing
              subsys_initcall first provides=first-thing
            object b.o
              late_initcall late_provider provides=late-thing
            """)
        #expect(
            findings.map(\.code) == ["provider-in-later-level", "provider-later-in-level", "provider-later-in-level"])
        #expect(findings[0].summary.contains("only later, in the late level (early_user runs in core)"))
        #expect(findings[1].summary.contains(".initcall6s.init runs after .initcall6.init"))
        #expect(findings[2].summary.contains("both are in a.c, where first is registered later"))
        #expect(findings[2].fix?.hasPrefix("register first before second in a.c") == true)
    }

    @Test func missingProvidersSuggestCloseNamesAndNameOrphans() throws {
        let findings = try Self.findings(
            """
            object a.o
              core_initcall spi_init provides=spi
              __define_initcall dma_init 9 provides=dma
            object b.o
              device_initcall eth_init requires=sPi
              device_initcall dma_user requires=dma
            """)
        #expect(findings.map(\.code) == ["missing-provider", "missing-provider"])
        #expect(findings[0].fix == "did you mean 'spi' (provided by spi_init)?")
        #expect(findings[1].summary == "dma_user (b.o) requires 'dma', whose only provider dma_init (a.o) never runs")
    }

    @Test func duplicateProvidersAndCycles() throws {
        let findings = try Self.findings(
            """
            object a.o
              subsys_initcall a_init requires=y provides=x
              subsys_initcall self_init requires=s provides=s
            object b.o
              subsys_initcall b_init requires=x provides=y
              fs_initcall other_x provides=z
              fs_initcall other_z provides=z
            """)
        #expect(findings.map(\.code) == ["dependency-cycle", "dependency-cycle", "duplicate-provider"])
        #expect(
            findings[0].summary
                == "dependency cycle: a_init (a.o) requires 'y', which only b_init (b.o) provides; b_init (b.o) requires 'x', which only a_init (a.o) provides"
        )
        #expect(findings[1].summary == "dependency cycle: self_init (a.o) requires 's', which only it provides itself")
        #expect(findings[2].summary == "'z' is provided by both other_x (b.o) and other_z (b.o)")
    }

    /// A fix that would break another requirement is passed over for one that does not.
    @Test func fixesAvoidCollateralDamage() throws {
        let findings = try Self.findings(
            """
            object a.o
              arch_initcall bus_init provides=bus
            object b.o
              subsys_initcall ctrl_init requires=bus provides=ctrl
            object c.o
              subsys_initcall dev_init requires=ctrl
            """)
        // Moving ctrl_init to arch would make it race bus_init; the _sync variant is clean.
        #expect(findings.map(\.code) == ["fragile-link-order"])
        #expect(
            findings[0].fix
                == "move dev_init (c.o) from subsys_initcall to subsys_initcall_sync, which runs after every subsys_initcall"
        )
    }

    /// Swift bodies that call k.provide/k.require without declaring anything are checked from
    /// a boot's run-time resources.
    @Test func runTimeResourcesFromSwiftBodies() throws {
        var kernel = KernelDescription()
        kernel.object("drivers/a.o") { tu in
            tu.device_initcall(
                InitFunction("a_init") { k in
                    k.provide("clk")
                    return 0
                })
        }
        let registered = #line + 2
        kernel.object("drivers/b.o") { tu in
            tu.device_initcall(InitFunction("b_init") { k in k.require("clk") ? 0 : -Errno.ENODEV })
        }
        let image = try Linker.link(kernel)
        #expect(DependencyChecks.run(image).isEmpty)
        let findings = DependencyChecks.run(image, observed: image.boot())
        #expect(findings.map(\.code) == ["fragile-link-order"])
        // A Swift registration is placed at the line that wrote it.
        #expect(findings.first?.location?.file == "BootAnalysisTests/DependencyChecksTests.swift")
        #expect(findings.first?.location?.line == registered)
    }

    @Test func findingsAreSortedAndStable() throws {
        let description = try Fixtures.description("board.boot")
        let first = try DependencyChecks.run(description)
        #expect(first == first.sorted())
        for _ in 0..<3 { #expect(try DependencyChecks.run(description) == first) }
        #expect(FindingsRenderer.text(first) == FindingsRenderer.text(try DependencyChecks.run(description)))
    }
}
