import KernelModel

/// One frame of a simulated call trace, printed `name+0xoff/0xsize`, or `? name+0xoff/0xsize`
/// for an unreliable one (a stack word that looks like a return address but is not on the
/// unwinder's chain).
struct StackFrame: Sendable, Hashable {
    var name: String
    var offset: Int
    var size: Int
    var unreliable = false

    init(name: String, offset: Int, size: Int, unreliable: Bool = false) {
        self.name = name
        self.offset = offset
        self.size = size
        self.unreliable = unreliable
    }

    /// `%pS`: `name+0xoff/0xsize`.
    var symbol: String { "\(name)+0x\(String(offset, radix: 16))/0x\(String(size, radix: 16))" }

    /// The line of a call trace, without the leading space.
    var text: String { (unreliable ? "? " : "") + symbol }

    // Frames whose offsets do not change between the eras modelled. Like every offset here they
    // are those of a typical x86-64 build: they make traces read like real ones but are
    // illustrative, not taken from any one build (except where a table below says so).
    static let commonStartup64 = StackFrame(name: "common_startup_64", offset: 0x13e, size: 0x141)
    static let x8664StartKernel = StackFrame(name: "x86_64_start_kernel", offset: 0x96, size: 0xa0)
    static let x8664StartReservations = StackFrame(name: "x86_64_start_reservations", offset: 0x18, size: 0x30)
    static let startKernel = StackFrame(name: "start_kernel", offset: 0x5e6, size: 0x800)
    static let consoleInit = StackFrame(name: "console_init", offset: 0x10f, size: 0x200)
    static let mightResched = StackFrame(name: "__might_resched", offset: 0x17a, size: 0x1e0)
    static let scheduleBug = StackFrame(name: "__schedule_bug", offset: 0x5b, size: 0x80)
    static let schedule = StackFrame(name: "__schedule", offset: 0x8a4, size: 0x1b50)
    static let scheduleEntry = StackFrame(name: "schedule", offset: 0x2e, size: 0xe0)
    static let checkPanicOnWarn = StackFrame(name: "check_panic_on_warn", offset: 0x44, size: 0x60)
    static let warn = StackFrame(name: "__warn", offset: 0x8e, size: 0x1a0)
    static let reportBug = StackFrame(name: "report_bug", offset: 0x171, size: 0x1a0)
    static let handleBug = StackFrame(name: "handle_bug", offset: 0x3c, size: 0x70)
    static let excInvalidOp = StackFrame(name: "exc_invalid_op", offset: 0x17, size: 0x70)
    static let asmExcInvalidOp = StackFrame(name: "asm_exc_invalid_op", offset: 0x1a, size: 0x20)

    /// What a sleeping function calls on its way into `schedule()`, innermost first.
    static func sleepPath(_ callee: String?) -> [StackFrame] {
        switch callee {
        case "msleep":
            return [
                StackFrame(name: "schedule_timeout", offset: 0x9b, size: 0x160),
                StackFrame(name: "msleep", offset: 0x2d, size: 0x50),
            ]
        case "usleep_range_state":
            return [
                StackFrame(name: "schedule_hrtimeout_range_clock", offset: 0xa3, size: 0x130),
                StackFrame(name: "usleep_range_state", offset: 0x65, size: 0xa0),
            ]
        case nil: return []
        case let name?: return [StackFrame(name: name, offset: 0x20, size: 0x50)]
        }
    }

    /// A function of the simulated image, with its return address inside it.
    static func function(_ name: String, size: Int) -> StackFrame {
        StackFrame(name: name, offset: max(0, (size / 2) & ~3), size: size)
    }
}

/// The frames of the kernel's own functions as one era's build lays them out: which functions
/// PID 1's traces pass through and at what offsets.
struct KernelFrames: Sendable {
    /// PID 1's frames below the walk, outermost first (`ret_from_fork` … `kernel_init`, and the
    /// unreliable words a real trace of that era shows between them).
    var pid1: [StackFrame]
    /// `kernel_init_freeable()` at its `do_basic_setup()` (initcalls) call.
    var kernelInitFreeable: StackFrame
    /// `kernel_init_freeable()` at its `prepare_namespace()` call.
    var kernelInitFreeableAtMount: StackFrame
    /// The mount path under `prepare_namespace()`, outermost first.
    var mountRoot: [StackFrame]
    /// `do_one_initcall()` at the call of the initcall.
    var doOneInitcall: StackFrame
    /// `do_one_initcall()` where its WARN fires.
    var doOneInitcallWarn: StackFrame
    /// The `init/main.c` line of that WARN (illustrative, like the offsets).
    var doOneInitcallWarnLine: Int
    var dumpStackLvl: StackFrame
    var panic: StackFrame

    /// The frames of `version` on `architecture`.
    ///
    /// * From 6.5 (3aec4ecb3d1f "x86: Rewrite ret_from_fork() in C") x86-64 PID 1 traces end in
    ///   `ret_from_fork` (C) under `ret_from_fork_asm`, and `mount_block_root()` is
    ///   `mount_root_generic()` (the do_mounts.c rework).
    /// * 5.x to 6.4: `ret_from_fork` in assembly, with the `? rest_init` word above
    ///   `kernel_init`; the offsets are those of the Debian 6.1.0-56-cloud-amd64 build whose
    ///   no-root panic reference §16 quotes, so that boot is reproduced line for line.
    static func of(_ version: KernelVersion, _ architecture: Architecture) -> KernelFrames {
        if !version.hasUnreliableRestInitFrame {
            let pid1: [StackFrame]
            switch architecture {
            case .arm64:
                pid1 = [
                    StackFrame(name: "ret_from_fork", offset: 0x10, size: 0x20),
                    StackFrame(name: "kernel_init", offset: 0x24, size: 0x1e0),
                ]
            case .x86_64, .generic:
                pid1 =
                    (version.hasRetFromForkAsm ? [StackFrame(name: "ret_from_fork_asm", offset: 0x1a, size: 0x30)] : [])
                    + [
                        StackFrame(name: "ret_from_fork", offset: 0x34, size: 0x50),
                        StackFrame(name: "kernel_init", offset: 0x1a, size: 0x1c0),
                    ]
            }
            return KernelFrames(
                pid1: pid1,
                kernelInitFreeable: StackFrame(name: "kernel_init_freeable", offset: 0x1f2, size: 0x330),
                kernelInitFreeableAtMount: StackFrame(name: "kernel_init_freeable", offset: 0x2c4, size: 0x330),
                mountRoot: version.hasEarlyLookupMounts
                    ? [
                        StackFrame(name: "prepare_namespace", offset: 0x1ce, size: 0x270),
                        StackFrame(name: "mount_root_generic", offset: 0x1ca, size: 0x280),
                    ]
                    : [
                        StackFrame(name: "prepare_namespace", offset: 0x136, size: 0x165),
                        StackFrame(name: "mount_block_root", offset: 0x14e, size: 0x1e6),
                    ],
                doOneInitcall: StackFrame(name: "do_one_initcall", offset: 0x5b, size: 0x320),
                doOneInitcallWarn: StackFrame(name: "do_one_initcall", offset: 0x2a1, size: 0x320),
                doOneInitcallWarnLine: 1257,
                dumpStackLvl: StackFrame(name: "dump_stack_lvl", offset: 0x4a, size: 0x80),
                panic: StackFrame(name: "panic", offset: 0x33e, size: 0x3a0))
        }
        let pid1: [StackFrame]
        switch architecture {
        case .arm64:
            pid1 = [
                StackFrame(name: "ret_from_fork", offset: 0x10, size: 0x20),
                StackFrame(name: "kernel_init", offset: 0x24, size: 0x130),
            ]
        case .x86_64, .generic:
            pid1 = [
                StackFrame(name: "ret_from_fork", offset: 0x22, size: 0x30),
                StackFrame(name: "kernel_init", offset: 0x16, size: 0x130),
                StackFrame(name: "rest_init", offset: 0xd0, size: 0xd0, unreliable: true),
            ]
        }
        return KernelFrames(
            pid1: pid1,
            kernelInitFreeable: StackFrame(name: "kernel_init_freeable", offset: 0x1e6, size: 0x27a),
            kernelInitFreeableAtMount: StackFrame(name: "kernel_init_freeable", offset: 0x250, size: 0x27a),
            mountRoot: [
                StackFrame(name: "prepare_namespace", offset: 0x136, size: 0x165),
                StackFrame(name: "mount_block_root", offset: 0x14e, size: 0x1e6),
            ],
            doOneInitcall: StackFrame(name: "do_one_initcall", offset: 0x44, size: 0x200),
            doOneInitcallWarn: StackFrame(name: "do_one_initcall", offset: 0x1bd, size: 0x200),
            doOneInitcallWarnLine: 1299,
            dumpStackLvl: StackFrame(name: "dump_stack_lvl", offset: 0x44, size: 0x5c),
            panic: StackFrame(name: "panic", offset: 0x118, size: 0x2f4))
    }
}
