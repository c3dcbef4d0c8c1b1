import KernelModel

/// `kernel_init()` and `kernel_init_freeable()` (init/main.c): PID 1 runs the early slice,
/// brings up the other CPUs, runs `do_basic_setup()` (and with it every level), mounts the root
/// unless an initramfs has `/init`, frees init memory and starts init.
extension BootEngine {
    func kernelInit() throws(KernelPanic) -> String {
        let root = try kernelInitFreeable()
        // "need to finish all async __init code before freeing the memory" (2.6.29 on).
        asyncSynchronizeFull()
        ctx.clock.advance(by: timeline.initcallsToFree)
        freeInitmem()
        markReadonly()
        // system_state = SYSTEM_RUNNING: until 5.13 kernel/async.c prints only while booting.
        ctx.asyncSystemRunning()
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

    /// `smp_init()` (kernel/smp.c, `pr_fmt` "smp: "; init/main.c before 2.6.39): its lines
    /// follow the release (``KernelVersion/SmpAnnouncement``).
    func smpInit() {
        ctx.mark(.smpBringUp)
        if version.smpAnnouncement == .common { ctx.log(.KERN_INFO, "smp: Bringing up secondary CPUs ...") }
        let wanted = max(1, image.description.cpus)
        onlineCPUs = options.maxCPUs.map { max(1, min(wanted, $0)) } ?? wanted
        ctx.clock.advance(by: timeline.perSecondaryCPU &* UInt64(onlineCPUs - 1))
        ctx.mark(.smpBroughtUp, detail: String(onlineCPUs))
        ctx.log(.KERN_INFO, smpAnnouncement)
    }

    /// The line `smp_init()` (or x86's `smp_announce()`) ends with.
    private var smpAnnouncement: String {
        switch version.smpAnnouncement {
        case .common: return "smp: Brought up 1 node, \(onlineCPUs) CPU\(onlineCPUs > 1 ? "s" : "")"
        case .x86BootedUp where architecture == .x86_64: return "x86: Booted up 1 node, \(onlineCPUs) CPUs"
        case .x86BootedUp, .broughtUp: return "Brought up \(onlineCPUs) CPUs"
        }
    }

    /// `free_initmem()`: the message differs per architecture and release, and it is what
    /// `scripts/bootgraph.pl` stops at ("Freeing unused kernel memory", or x86's
    /// "Write protecting the kernel read-only data" from `mark_rodata_ro()`).
    func freeInitmem() {
        let kilobytes = initMemoryKilobytes
        ctx.mark(.freeInitmem)
        switch architecture {
        case .x86_64, .generic:
            ctx.log(.KERN_INFO, freeingLine("initmem", kilobytes: kilobytes, at: KernelImageParts.initmem))
        case .arm64:
            ctx.log(.KERN_INFO, "Freeing unused kernel memory: \(kilobytes)K")
        }
    }

    /// `mark_readonly()` → `mark_rodata_ro()` (arch/x86/mm/init_64.c on x86): write-protects
    /// rodata, then (from 2.6.33) frees the gaps around it.
    func markReadonly() {
        guard architecture == .x86_64 else { return }
        let level: LogLevel = version.writeProtectIsKernInfo ? .KERN_INFO : .KERN_DEFAULT
        ctx.log(level, "Write protecting the kernel read-only data: 26624k")
        guard version.freesRodataGaps else { return }
        ctx.log(.KERN_INFO, freeingLine("text/rodata gap", kilobytes: 2040, at: KernelImageParts.textRodataGap))
        ctx.log(.KERN_INFO, freeingLine("rodata/data gap", kilobytes: 1408, at: KernelImageParts.rodataDataGap))
    }

    /// One `free_init_pages()` / `free_reserved_area()` line in the release's wording
    /// (``KernelVersion/InitmemFreeStyle``); `start` is where the freed part begins, printed
    /// (as `%p` did before pointer hashing) only by 3.11–4.9.
    private func freeingLine(_ part: String, kilobytes: Int, at start: UInt64) -> String {
        switch version.initmemFreeStyle {
        case .kernelFreed: return "Freeing unused kernel memory: \(kilobytes)k freed"
        case .kernelWithRange:
            let end = start &+ UInt64(clamping: kilobytes) &* 1024
            return "Freeing unused kernel memory: \(kilobytes)K (\(pointer(start)) - \(pointer(end)))"
        case .kernel: return "Freeing unused kernel memory: \(kilobytes)K"
        case .image: return "Freeing unused kernel image memory: \(kilobytes)K"
        case .imagePart: return "Freeing unused kernel image (\(part)) memory: \(kilobytes)K"
        }
    }

    /// `%p` of a kernel pointer before 4.15's hashing: 16 hex digits, no `0x`.
    private func pointer(_ address: UInt64) -> String {
        let digits = String(address, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    var initMemoryKilobytes: Int { image.initMemoryKilobytes }
}

/// Where the parts of the kernel image that boot frees begin: illustrative addresses of a
/// typical x86-64 build, printed only by the releases whose messages show them.
enum KernelImageParts {
    static let textRodataGap: UInt64 = 0xffff_ffff_81a0_2000
    static let rodataDataGap: UInt64 = 0xffff_ffff_81ca_0000
    static let initmem: UInt64 = 0xffff_ffff_81f3_c000
}

/// What `/` holds when init runs.
struct RootFilesystem {
    /// The executables on it.
    var holds: [String]
    /// `ramdisk_execute_command` when the initramfs runs it; nil after a root mount.
    var ramdiskCommand: String?
}
