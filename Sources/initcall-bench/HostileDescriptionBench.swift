import BootAnalysis
import KernelLink
import KernelModel
import Reports

/// Hostile inputs on the description side (issue "Hostile and messy input"): each ran for
/// seconds to minutes on kilobytes before, and must now take well under a second. One line
/// each: `hostile: <input>: <ms> ms (goal < 1000 ms)`.
enum HostileDescriptionBench {
    static func rows() -> [String] {
        [compareRow(), levelMacrosRow(), explorePairsRow()]
    }

    private static func row(_ what: String, _ seconds: Double, goal: Double = 1) -> String {
        "hostile: \(what): \(BenchTimer.ms(seconds)) ms (goal < \(Int(goal * 1_000)) ms)"
    }

    /// `compare` of two 30,000-object descriptions, the second in reverse link order, rendered
    /// as text (the renderer once searched the changes list per change).
    static func compareRow() -> String {
        var description = KernelDescription()
        description.commandLine = "initcall_debug"
        description.initramfs = ["/init"]
        for n in 0..<30_000 {
            description.object("drivers/many/o\(n).o") { tu in
                tu.device_initcall(InitFunction("many_\(n)_init", size: 0x40) { _ in n % 3 == 0 ? -19 : 0 })
            }
        }
        guard let a = try? Linker.link(description),
            let b = try? Linker.link(description, linkOrder: LinkOrder(description.objectPaths.reversed()))
        else { return "hostile: compare 30000 objects: did not link" }
        let bootA = a.boot()
        let bootB = b.boot()
        let (_, seconds) = BenchTimer.best(of: 3) {
            ComparisonRenderer.text(BootComparison(bootA, bootB), labelA: "a", labelB: "b").utf8.count
        }
        return row("compare 30000 objects, text", seconds)
    }

    /// A levels file of 16,000 level macros, read and checked against the shipped script (ids
    /// were once looked up by scanning the table, per registration).
    static func levelMacrosRow() -> String {
        let text = (0..<16_000).map { "#define lvl\($0)_initcall(fn) __define_initcall(fn, l\($0))" }.joined(
            separator: "\n")
        let (findings, seconds) = BenchTimer.best(of: 3) { () -> Int in
            guard let levels = try? LevelDefinitions.parse(text, file: "many.h"),
                let script = try? DefaultLinkerScript.parsed()
            else { return -1 }
            return LayoutChecks.run(script: script, levels: levels).count
        }
        return row("16000 level macros, read and checked (\(findings) findings)", seconds)
    }

    /// `explore --runs 50` of 500 providers and 500 consumers in one level: every failing
    /// order is its own outcome, and each reduction once held every complement in memory.
    /// Bounded by the shared reduction budget rather than to a second.
    static func explorePairsRow() -> String {
        var description = KernelDescription()
        description.initramfs = ["/init"]
        for n in 0..<500 {
            description.object("drivers/p\(n).o") { tu in
                tu.device_initcall(
                    InitFunction("p\(n)_init", provides: ["r\(n)"]) { k in
                        k.provide("r\(n)")
                        return 0
                    })
            }
        }
        for n in 0..<500 {
            description.object("drivers/c\(n).o") { tu in
                tu.device_initcall(
                    InitFunction("c\(n)_init", requires: ["r\(n)"]) { k in k.require("r\(n)") ? 0 : -19 })
            }
        }
        var options = Exploration.Options()
        options.runs = 50
        options.jobs = 2
        let (report, seconds) = BenchTimer.best(of: 1) { try? Exploration.runBlocking(description, options: options) }
        let outcomes = report?.outcomes.count ?? 0
        return row(
            "explore 500+500 same-level pairs, 50 orders (\(outcomes) outcomes, reduced in budget)", seconds, goal: 5)
    }
}
