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
        ctx.log(.KERN_NOTICE, linuxBanner)
        if architecture == .x86_64 {
            // setup_arch() prints the boot loader's line and parses early params itself.
            ctx.log(.KERN_INFO, "Command line: \(savedCommandLine)")
            parseEarlyParam()
        }
        ctx.log(.KERN_NOTICE, "Kernel command line: \(savedCommandLine)")
        if architecture != .x86_64 { parseEarlyParam() }
        let afterDashes = parseBootingKernel()
        printUnknownBootoptions()
        if let afterDashes { setInitArgs(afterDashes) }
        blacklist = Set(options.initcallBlacklist)
        ctx.panicTimeout = options.panicTimeout
        ctx.panicOnWarn = options.panicOnWarn
        ctx.kaslrDisabled = options.kaslrDisabled
        if image.description.config.dynamicDebug { dynamicDebugInit() }
        // initcall_debug_enable(): the probes are registered once, here.
        initcallDebug = options.initcallDebug
        ctx.decideAsyncPrinting(initcallDebug: initcallDebug)
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

    /// `linux_banner` (init/version.c, init/version-timestamp.c from 6.2): the release and what
    /// the build stamped in (``KernelBuild``; by default initcall-sim's virtual toolchain, with
    /// the timestamp a reproducible build, `SOURCE_DATE_EPOCH=0`, gives).
    var linuxBanner: String { image.description.build.banner(release: version) }

    /// `dynamic_debug_init()` re-reads `saved_command_line` for `dyndbg=` and `<module>.dyndbg=`
    /// (`ddebug_dyndbg_boot_param_cb()`); a bare `dyndbg` means `+p`.
    func dynamicDebugInit() {
        let bytes = Array(savedCommandLine.utf8)
        var index = 0
        while index < bytes.count, NextArg.isSpace(bytes[index]) { index += 1 }
        while index < bytes.count {
            let (token, next) = NextArg.next(bytes, from: index)
            index = next
            if token.value == nil, token.param == "--" { break }
            if token.param == "dyndbg" {
                ctx.dynamicDebug.apply(token.value ?? "+p", module: nil)
            } else if token.param.hasSuffix(".dyndbg") {
                ctx.dynamicDebug.apply(token.value ?? "+p", module: String(token.param.dropLast(7)))
            }
        }
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
        ctx.frames = ctx.kernelFrames.pid1
        return try kernelInit()
    }
}
