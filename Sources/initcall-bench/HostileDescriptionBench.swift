import BootAnalysis
import KernelLink
import KernelModel
import Reports

/// Hostile inputs on the description side (issue "Hostile and messy input"): each ran for
/// seconds to minutes on kilobytes before, and must now take well under a second. One line
/// each: `hostile: <input>: <ms> ms (goal < 1000 ms)`.
enum HostileDescriptionBench {
    static func rows() -> [String] {
        [compareRow(), levelMacrosRow(), explorePairsRow(), asyncBootRow(), asyncImportRow()]
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

    /// A boot of 100,000 async entries from 10,000 calls, all on the pool at once (each worker
    /// line kept until the boot's clock reaches it, the pool searched for an idle worker).
    static func asyncBootRow() -> String {
        var description = KernelDescription(release: KernelVersion("3.12.0"))
        description.commandLine = "initcall_debug"
        description.initramfs = ["/init"]
        for n in 0..<10_000 {
            description.object("drivers/async/o\(n).o") { tu in
                tu.device_initcall(
                    InitFunction("async_\(n)_init", size: 0x40) { k in
                        for e in 0..<10 { k.async_schedule(AsyncFunction("probe_\(e)", time: UInt64(1_000_000 + e))) }
                        return 0
                    })
            }
        }
        guard let image = try? Linker.link(description) else { return "hostile: 100000 async entries: did not link" }
        let (records, seconds) = BenchTimer.best(of: 1) { image.boot().records.count }
        return row("boot of 100000 async entries (\(records) records)", seconds, goal: 2)
    }

    /// `import` of a log with 100,000 worker lines among 10,000 calls (each entry placed by a
    /// first pass of the writer, its scheduler found among the calls before it).
    static func asyncImportRow() -> String {
        var log = "[    0.000000] Linux version 3.12.0 (a@b) (gcc) #1 SMP Mon Jan 1 00:00:00 UTC 2013\n"
        var time: UInt64 = 100_000
        func stamp() -> String {
            let seconds = String(time / 1_000_000)
            let fraction = String(time % 1_000_000)
            time += 3
            return "[" + String(repeating: " ", count: max(0, 5 - seconds.count)) + seconds + "."
                + String(repeating: "0", count: 6 - fraction.count) + fraction + "] "
        }
        var cookie = 0
        for n in 0..<10_000 {
            log += stamp() + "calling  f\(n)_init+0x0/0x20 @ 1\n"
            for _ in 0..<10 {
                cookie += 1
                log += stamp() + "calling  \(cookie)_probe+0x0/0x20 @ \(cookie % 500 + 10)\n"
            }
            log += stamp() + "initcall f\(n)_init+0x0/0x20 returned 0 after 30 usecs\n"
        }
        let (entries, seconds) = BenchTimer.best(of: 1) { () -> Int in
            let text = DmesgImport.read(log).bootFile(source: "async.dmesg")
            return text.components(separatedBy: "\n  async ").count - 1
        }
        return row("import of 100000 worker lines (\(entries) entries)", seconds, goal: 3)
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
