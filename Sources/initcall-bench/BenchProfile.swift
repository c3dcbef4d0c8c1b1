/// `initcall-bench --profile-boot N`: boots one synthetic image of N initcalls 400 times, for
/// profilers (perf, callgrind) to look at the boot loop alone.
enum BenchProfile {
    static func run(initcalls: Int) {
        let image = SyntheticKernel.link(SyntheticKernel.description(initcalls: initcalls))
        var total = 0
        for _ in 0..<400 { total &+= image.boot().runs.count }
        print("booted \(total) initcalls")
    }
}

extension BenchProfile {
    /// `initcall-bench --profile-link N`: links one synthetic description of N initcalls 20 times.
    static func link(initcalls: Int) {
        let description = SyntheticKernel.description(initcalls: initcalls)
        var total = 0
        for _ in 0..<20 { total &+= SyntheticKernel.link(description).table.count }
        print("linked \(total) entries")
    }
}

extension BenchProfile {
    /// `initcall-bench --profile-explore JOBS`: the exploration row's workload, once.
    static func explore(jobs: Int) {
        ExplorationBench.profile(jobs: jobs)
    }
}
