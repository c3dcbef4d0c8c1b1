import KernelModel

/// `start_kernel()` (init/main.c), the parts that matter to initcalls: banner, command line,
/// parameter passes, `console_init()`, then `rest_init()` handing over to PID 1.
extension BootEngine {
    /// Returns the init path that ran; throws on panic.
    func startKernel() throws(KernelPanic) -> String {
        ctx.pid = 0
        ctx.comm = "swapper/0"
        ctx.frames = bootCPUFrames
        ctx.mark(.banner)
        ctx.pr_notice(linuxBanner)
        if architecture == .x86_64 {
            // setup_arch() prints the boot loader's line and parses early params itself.
            ctx.pr_info("Command line: \(savedCommandLine)")
            parseEarlyParam()
        }
        ctx.pr_notice("Kernel command line: \(savedCommandLine)")
        if architecture != .x86_64 { parseEarlyParam() }
        let afterDashes = parseBootingKernel()
        printUnknownBootoptions()
        if let afterDashes { setInitArgs(afterDashes) }
        blacklist = Set(options.initcallBlacklist)
        // initcall_debug_enable(): the probes are registered once, here.
        initcallDebug = options.initcallDebug
        // time_init() and friends: from here on the clock runs.
        ctx.clockRunning = true
        ctx.clock.advance(by: timeline.startKernelToConsole)
        try consoleInit()
        if let later = options.panicLater {
            try ctx.panic("Too many boot \(later.kind) vars at `\(later.param)'")
        }
        ctx.clock.advance(by: timeline.consoleToKernelInit)
        return try restInit()
    }

    /// `linux_banner` (init/version-timestamp.c), with the build timestamp a reproducible build
    /// (`SOURCE_DATE_EPOCH=0`) would give.
    var linuxBanner: String {
        "Linux version \(version.release) (initcall-sim@localhost) (initcall-sim virtual toolchain) #1 SMP PREEMPT_DYNAMIC Thu Jan  1 00:00:00 UTC 1970"
    }

    /// The boot CPU's call chain below `start_kernel()`.
    var bootCPUFrames: [StackFrame] {
        switch architecture {
        case .x86_64:
            return [.commonStartup64, .x8664StartKernel, .x8664StartReservations, .startKernel]
        case .arm64:
            return [StackFrame(name: "__primary_switched", offset: 0x80, size: 0x88), .startKernel]
        case .generic:
            return [.startKernel]
        }
    }

    /// `rest_init()`: PID 1 is `kernel_init`, created first so that it gets PID 1.
    func restInit() throws(KernelPanic) -> String {
        ctx.pid = 1
        ctx.comm = "swapper/0"
        ctx.mark(.kernelInit)
        // A new task: preemption and interrupts as a fresh kernel thread has them.
        ctx.preemptCount = 0
        ctx.irqsDisabled = false
        switch architecture {
        case .x86_64, .generic: ctx.frames = [.retFromForkAsm, .retFromFork, .kernelInit]
        case .arm64: ctx.frames = [.retFromFork, .kernelInit]
        }
        return try kernelInit()
    }
}
