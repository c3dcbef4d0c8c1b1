import KernelModel

/// `kernel_init()` and `kernel_init_freeable()` (init/main.c): PID 1 runs the early slice,
/// brings up the other CPUs, runs `do_basic_setup()` (and with it every level), mounts the root
/// unless an initramfs has `/init`, frees init memory and starts init.
extension BootEngine {
    func kernelInit() throws(KernelPanic) -> String {
        let root = try kernelInitFreeable()
        // async_synchronize_full(), then the init sections go.
        ctx.clock.advance(by: timeline.initcallsToFree)
        freeInitmem()
        markReadonly()
        return try runInit(root: root)
    }

    /// Returns what `/` holds when init runs: the initramfs when it has the `rdinit=` program,
    /// the root `prepare_namespace()` mounted otherwise.
    func kernelInitFreeable() throws(KernelPanic) -> RootFilesystem {
        ctx.frames.append(ctx.kernelFrames.kernelInitFreeable)
        defer { ctx.frames.removeLast() }
        try doPreSmpInitcalls()
        smpInit()
        ctx.clock.advance(by: timeline.basicSetup)
        try doInitcalls()
        // If there is an early userspace init, let it do all the work.
        if let initramfs = ramdiskFilesystem { return initramfs }
        ctx.frames[ctx.frames.count - 1] = ctx.kernelFrames.kernelInitFreeableAtMount
        ctx.clock.advance(by: timeline.prepareNamespace)
        return try prepareNamespace()
    }

    /// `init_eaccess(ramdisk_execute_command)`: the initramfs, when it holds the `rdinit=`
    /// program (default `/init`); nil sends the boot to `prepare_namespace()`. From 6.15 a
    /// missing `rdinit=` program given explicitly is reported first.
    var ramdiskFilesystem: RootFilesystem? {
        let path = options.ramdiskExecuteCommand
        if let files = image.description.initramfs, files.contains(path) {
            return RootFilesystem(holds: files, ramdiskCommand: path)
        }
        if options.ramdiskExecuteCommandSet, version.isAtLeast(6, 15) {
            ctx.log(.KERN_WARNING, "check access for rdinit=\(path) failed: -\(Errno.ENOENT), ignoring")
        }
        return nil
    }

    /// `smp_init()` (kernel/smp.c, `pr_fmt` "smp: ").
    func smpInit() {
        ctx.mark(.smpBringUp)
        ctx.log(.KERN_INFO, "smp: Bringing up secondary CPUs ...")
        let wanted = max(1, image.description.cpus)
        onlineCPUs = options.maxCPUs.map { max(1, min(wanted, $0)) } ?? wanted
        ctx.clock.advance(by: timeline.perSecondaryCPU &* UInt64(onlineCPUs - 1))
        ctx.mark(.smpBroughtUp, detail: String(onlineCPUs))
        ctx.log(.KERN_INFO, "smp: Brought up 1 node, \(onlineCPUs) CPU\(onlineCPUs > 1 ? "s" : "")")
    }

    /// `free_initmem()`: the message differs per architecture, and it is what
    /// `scripts/bootgraph.pl` stops at ("Freeing unused kernel memory", or x86's
    /// "Write protecting the kernel read-only data" from `mark_rodata_ro()`).
    func freeInitmem() {
        let kilobytes = initMemoryKilobytes
        ctx.mark(.freeInitmem)
        switch architecture {
        case .x86_64, .generic:
            ctx.log(.KERN_INFO, "Freeing unused kernel image (initmem) memory: \(kilobytes)K")
        case .arm64:
            ctx.log(.KERN_INFO, "Freeing unused kernel memory: \(kilobytes)K")
        }
    }

    /// `mark_readonly()` → `mark_rodata_ro()` (arch/x86/mm/init_64.c on x86).
    func markReadonly() {
        guard architecture == .x86_64 else { return }
        ctx.log(.KERN_INFO, "Write protecting the kernel read-only data: 26624k")
        ctx.log(.KERN_INFO, "Freeing unused kernel image (text/rodata gap) memory: 2040K")
        ctx.log(.KERN_INFO, "Freeing unused kernel image (rodata/data gap) memory: 1408K")
    }

    var initMemoryKilobytes: Int { image.initMemoryKilobytes }
}

/// What `/` holds when init runs.
struct RootFilesystem {
    /// The executables on it.
    var holds: [String]
    /// `ramdisk_execute_command` when the initramfs runs it; nil after a root mount.
    var ramdiskCommand: String?
}
