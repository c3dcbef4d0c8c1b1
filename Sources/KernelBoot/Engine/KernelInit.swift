import KernelModel

/// `kernel_init()` and `kernel_init_freeable()` (init/main.c): PID 1 runs the early slice,
/// brings up the other CPUs, runs `do_basic_setup()` (and with it every level), frees init
/// memory and starts init.
extension BootEngine {
    func kernelInit() throws(KernelPanic) -> String {
        try kernelInitFreeable()
        // async_synchronize_full(), then the init sections go.
        ctx.clock.advance(by: timeline.initcallsToFree)
        freeInitmem()
        markReadonly()
        return try runInit()
    }

    func kernelInitFreeable() throws(KernelPanic) {
        ctx.frames.append(.kernelInitFreeable)
        defer { ctx.frames.removeLast() }
        try doPreSmpInitcalls()
        smpInit()
        ctx.clock.advance(by: timeline.basicSetup)
        try doInitcalls()
    }

    /// `smp_init()` (kernel/smp.c, `pr_fmt` "smp: ").
    func smpInit() {
        ctx.mark(.smpBringUp)
        ctx.pr_info("smp: Bringing up secondary CPUs ...")
        let wanted = max(1, image.description.cpus)
        onlineCPUs = options.maxCPUs.map { max(1, min(wanted, $0)) } ?? wanted
        ctx.clock.advance(by: timeline.perSecondaryCPU &* UInt64(onlineCPUs - 1))
        ctx.mark(.smpBroughtUp, detail: String(onlineCPUs))
        ctx.pr_info("smp: Brought up 1 node, \(onlineCPUs) CPU\(onlineCPUs > 1 ? "s" : "")")
    }

    /// `free_initmem()`: the message differs per architecture, and it is what
    /// `scripts/bootgraph.pl` stops at ("Freeing unused kernel memory", or x86's
    /// "Write protecting the kernel read-only data" from `mark_rodata_ro()`).
    func freeInitmem() {
        let kilobytes = initMemoryKilobytes
        ctx.mark(.freeInitmem)
        switch architecture {
        case .x86_64, .generic:
            ctx.pr_info("Freeing unused kernel image (initmem) memory: \(kilobytes)K")
        case .arm64:
            ctx.pr_info("Freeing unused kernel memory: \(kilobytes)K")
        }
    }

    /// `mark_readonly()` → `mark_rodata_ro()` (arch/x86/mm/init_64.c on x86).
    func markReadonly() {
        guard architecture == .x86_64 else { return }
        ctx.pr_info("Write protecting the kernel read-only data: 26624k")
        ctx.pr_info("Freeing unused kernel image (text/rodata gap) memory: 2040K")
        ctx.pr_info("Freeing unused kernel image (rodata/data gap) memory: 1408K")
    }

    var initMemoryKilobytes: Int { image.initMemoryKilobytes }
}
