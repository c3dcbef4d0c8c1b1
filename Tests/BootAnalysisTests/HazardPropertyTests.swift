import BootAnalysis
import KernelBoot
import KernelLink
import KernelModel
import TestSupport
import Testing

/// `check` and `explore` must agree on small random descriptions: every failure exploration
/// can provoke traces back to a flagged hazard, and every flagged hazard fails in some order —
/// under the expanded script and under the macro form, where every `KEEP(…)` of `INIT_CALLS`
/// shares the macro's source location (so nothing may tell statements apart by location) —
/// and under 2.6.27's single loop, where every section shares one walk.
@Suite struct HazardPropertyTests {
    enum ScriptForm: String, CaseIterable, Sendable {
        case expanded = "vmlinux-6.x-x86_64.lds"
        case macroForm = "vmlinux-6.x-x86_64.lds.S"
        case singleLoop = "kernel 2.6.27"

        func description(_ text: String) throws -> KernelDescription {
            if self == .singleLoop { return try Fixtures.parse("kernel \"2.6.27\"\n" + text) }
            var description = try Fixtures.parse(text)
            description.linkerScript = try Fixtures.script(rawValue)
            return description
        }
    }

    static let macros = [
        "core_initcall", "core_initcall_sync", "subsys_initcall", "device_initcall", "device_initcall_sync",
    ]
    static let resources = ["r0", "r1", "r2", "r3"]

    /// 3–5 objects of 1–2 registrations, crowded into few levels so that they share sections,
    /// each providing up to one resource and requiring up to two.
    static func randomDescription(_ seed: UInt64) -> String {
        var random = SplitMix64(seed: seed)
        // An initramfs with /init: every order that gets through the initcalls reaches init.
        var text = "initramfs\n"
        var function = 0
        for object in 0..<(3 + random.next(below: 3)) {
            text += "object drivers/o\(object).o\n"
            for _ in 0..<(1 + random.next(below: 2)) {
                text += "  \(macros[random.next(below: macros.count)]) f\(function)_init"
                function += 1
                if random.next(below: 3) > 0 { text += " provides=\(resources[random.next(below: resources.count)])" }
                let needs = Array(
                    Set((0..<random.next(below: 3)).map { _ in resources[random.next(below: resources.count)] })
                ).sorted()
                if !needs.isEmpty { text += " requires=" + needs.joined(separator: ",") }
                text += "\n"
            }
        }
        return text
    }

    static let failingCodes: Set<String> = [
        "fragile-link-order", "wrong-link-order", "provider-in-later-level", "provider-later-in-level",
        "missing-provider",
        "dependency-cycle",
    ]

    @Test(arguments: ScriptForm.allCases, 0..<40 as Range<UInt64>)
    func checkAndExploreAgree(form: ScriptForm, seed: UInt64) async throws {
        let description = try form.description(Self.randomDescription(seed))
        let findings = try DependencyChecks.run(description)
        var options = Exploration.Options()
        options.exhaustive = true
        options.reduce = false
        let report = try await Exploration.run(description, options: options)
        var missingSomewhere: [(function: String, resource: String)] = []
        for outcome in report.outcomes {
            let result = try Linker.link(description, linkOrder: LinkOrder(outcome.linkOrder)).boot()
            let missing = Self.missing(result)
            missingSomewhere += missing
            // Soundness: the first requirement to go missing is one check flagged.
            if let first = missing.first {
                #expect(
                    findings.contains { $0.subjects.contains(first.function) && $0.subjects.contains(first.resource) },
                    "seed \(seed): \(first.function) misses '\(first.resource)' in \(outcome.linkOrder), unflagged")
            }
            #expect(outcome.passes == missing.isEmpty)
        }
        // Completeness: every flagged hazard fails in some explored order.
        for finding in findings where Self.failingCodes.contains(finding.code) {
            let shown = missingSomewhere.contains {
                finding.subjects.contains($0.function) && finding.subjects.contains($0.resource)
            }
            #expect(shown, "seed \(seed): \(finding.summary) never fails in \(report.orders) orders")
        }
    }

    /// Property: on random descriptions too, every reproducer boots to its outcome.
    @Test(arguments: 0..<20 as Range<UInt64>)
    func reproducersReproduce(seed: UInt64) async throws {
        let description = try Fixtures.parse(Self.randomDescription(seed))
        let report = try await Exploration.run(description)
        let somePass = report.outcomes.contains { $0.passes }
        for outcome in report.outcomes where !outcome.passes {
            guard let reproducer = outcome.reproducer else {
                #expect(!somePass, "seed \(seed): a failing outcome without a reproducer")
                continue
            }
            let target = try Linker.link(description, linkOrder: LinkOrder(outcome.linkOrder)).boot()
            let reproduced = try Linker.link(description, linkOrder: LinkOrder(reproducer.linkOrder)).boot()
            #expect(BootComparison(target, reproduced).outcomesEqual, "seed \(seed)")
            #expect(reproducer.passing.count >= 2)
        }
    }

    /// The random descriptions above are worth checking: together they raise every kind of
    /// hazard, and some of their orders pass while others fail.
    @Test func randomDescriptionsCoverEveryHazard() throws {
        var codes = Set<String>()
        for seed in 0..<40 as Range<UInt64> {
            codes.formUnion(try DependencyChecks.run(try Fixtures.parse(Self.randomDescription(seed))).map(\.code))
        }
        #expect(codes.isSuperset(of: Self.failingCodes.union(["duplicate-provider"])), "covered: \(codes.sorted())")
    }

    /// (function, resource) of every missing requirement, in run order.
    static func missing(_ result: BootResult) -> [(function: String, resource: String)] {
        result.resourceEvents.filter { $0.kind == .missing }.map {
            (result.entry(of: result.runs[$0.run]).function, $0.resource)
        }
    }
}
