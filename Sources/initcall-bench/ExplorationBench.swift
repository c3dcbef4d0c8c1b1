import BootAnalysis
import Foundation
import KernelModel

/// Link-order exploration: how many link orders of a 1,000-initcall description are relinked,
/// booted and judged per second, on one job and on every core, and the wall time of a full
/// `explore` of 10,000 orders (grouping and reducing the failures included). The goals: a
/// speed-up of at least 1.8x on two cores, and 10,000 orders in under 10 s. Rates are the best
/// of three runs, because a machine shared with other work slows the all-cores run most.
enum ExplorationBench {
    static let orders = 10_000

    static func rows() -> [String] {
        let description = benchDescription()
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let (_, oneJob) = BenchTimer.best(of: 3) { explore(description, jobs: 1, reduce: false) }
        let (_, allJobs) = BenchTimer.best(of: 3) { explore(description, jobs: cores, reduce: false) }
        let (report, full) = BenchTimer.best(of: 1) { explore(description, jobs: cores, reduce: true) }
        let outcomes = report?.outcomes.count ?? 0
        return [
            "explore: 1000 initcalls, \(orders) orders, 1 job: \(rate(oneJob)) orders/s, all jobs (\(cores)): \(rate(allJobs)) orders/s, speed-up \(BenchMain.format2(oneJob / allJobs))x (goal >= 1.8 on 2 cores)",
            "explore: 1000 initcalls, \(orders) orders with grouping and reduction, \(cores) jobs: \(BenchMain.format2(full)) s, \(outcomes) outcomes (goal < 10 s)",
        ]
    }

    /// One unreduced exploration of the row's workload, for profilers.
    static func profile(jobs: Int) {
        let report = explore(benchDescription(), jobs: jobs, reduce: false)
        print("explored: \(report?.outcomes.count ?? 0) outcomes")
    }

    private static func rate(_ seconds: Double) -> String { String(Int((Double(orders) / seconds).rounded())) }

    private static func explore(_ description: KernelDescription, jobs: Int, reduce: Bool) -> ExplorationReport? {
        var options = Exploration.Options()
        options.runs = orders
        options.jobs = jobs
        options.seed = 1
        options.reduce = reduce
        return try? Exploration.runBlocking(description, options: options)
    }

    /// The synthetic 1k kernel, two of whose device initcalls (in different objects) depend on
    /// each other through a run-time resource: about half the orders fail, so grouping and
    /// reduction have work to do.
    static func benchDescription() -> KernelDescription {
        var description = SyntheticKernel.description(initcalls: 998)
        description.object("drivers/bench/provider.o") { tu in
            tu.device_initcall(
                InitFunction("bench_provider_init", size: 0x40) { k in
                    k.provide("bench-resource")
                    return 0
                })
        }
        description.object("drivers/bench/consumer.o") { tu in
            tu.device_initcall(
                InitFunction("bench_consumer_init", size: 0x40) { k in
                    k.require("bench-resource") ? 0 : -Errno.ENODEV
                })
        }
        return description
    }
}
