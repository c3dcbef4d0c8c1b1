import BootAnalysis
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

/// Ordering properties over random descriptions and random link orders (seeded, so a failure
/// names a reproducible seed).
@Suite("ordering properties")
struct OrderingPropertyTests {
    static let macros = [
        "early_initcall", "pure_initcall", "core_initcall", "core_initcall_sync", "postcore_initcall",
        "postcore_initcall_sync", "arch_initcall", "arch_initcall_sync", "subsys_initcall", "subsys_initcall_sync",
        "fs_initcall", "fs_initcall_sync", "rootfs_initcall", "device_initcall", "device_initcall_sync",
        "late_initcall", "late_initcall_sync", "console_initcall", "module_init",
    ]

    /// Run position of each section id: console, early, 0, 0s, … 5, 5s, rootfs, 6 … 7s.
    static let rank: [String: Int] = {
        let ids = [
            "con", "early", "0", "0s", "1", "1s", "2", "2s", "3", "3s", "4", "4s", "5", "5s", "rootfs", "6", "6s", "7",
            "7s",
        ]
        return Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    }()

    static func randomKernel(_ random: inout SplitMix64) -> KernelDescription {
        var kernel = KernelDescription()
        let objects = Int.random(in: 1...12, using: &random)
        for o in 0..<objects {
            let count = Int.random(in: 0...6, using: &random)
            var picks: [String] = []
            for _ in 0..<count { picks.append(macros.randomElement(using: &random) ?? "device_initcall") }
            kernel.object("obj\(o).o") { tu in
                for (i, macro) in picks.enumerated() { tu.register(TestKernel.fn("o\(o)_\(i)"), macro: macro) }
            }
        }
        return kernel
    }

    @Test(arguments: 0..<60)
    func runOrderIsLevelThenLinkThenSource(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(seed))
        let kernel = Self.randomKernel(&random)
        let order = kernel.objectPaths.shuffled(using: &random)
        let result = try Linker.link(kernel, linkOrder: LinkOrder(order)).boot()
        let position = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
        let keys = result.runs.map { run -> (Int, Int, Int) in
            let entry = result.entry(of: run)
            return (Self.rank[entry.id] ?? -1, position[entry.object] ?? -1, entry.sourceOrder)
        }
        // Sorted by (level/sync rank, link position, source order): console first, early before
        // level 0, every N before every Ns, rootfs after 5s and before 6.
        #expect(keys.map { [$0.0, $0.1, $0.2] }.lexicographicallySorted == keys.map { [$0.0, $0.1, $0.2] })
        #expect(result.runs.count == kernel.objects.reduce(0) { $0 + $1.entries.count })
        // Slices: console, then early, then levels in increasing order.
        #expect(result.runs.map(\.slice) == result.runs.map(\.slice).sorted())
    }

    @Test(arguments: 0..<20)
    func sameInputGivesSameBytes(seed: Int) throws {
        var random = SplitMix64(seed: UInt64(1000 + seed))
        let kernel = Self.randomKernel(&random)
        let first = try Linker.link(kernel).boot(commandLine: "initcall_debug")
        let second = try Linker.link(kernel).boot(commandLine: "initcall_debug")
        #expect(DmesgRenderer.render(first) == DmesgRenderer.render(second))
        #expect(BootJSON.document(first).rendered() == BootJSON.document(second).rendered())
    }
}

extension Array where Element == [Int] {
    var lexicographicallySorted: [[Int]] { sorted { $0.lexicographicallyPrecedes($1) } }
}
