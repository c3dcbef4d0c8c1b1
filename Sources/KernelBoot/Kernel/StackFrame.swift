/// One frame of a simulated call trace, printed `name+0xoff/0xsize`.
struct StackFrame: Sendable, Hashable {
    var name: String
    var offset: Int
    var size: Int

    var text: String { "\(name)+0x\(String(offset, radix: 16))/0x\(String(size, radix: 16))" }

    // The kernel's own frames. Offsets and sizes are those of a typical x86-64 6.x build: they
    // make traces read like the real ones but are illustrative, not taken from any one build.
    static let retFromForkAsm = StackFrame(name: "ret_from_fork_asm", offset: 0x1a, size: 0x30)
    static let retFromFork = StackFrame(name: "ret_from_fork", offset: 0x34, size: 0x50)
    static let kernelInit = StackFrame(name: "kernel_init", offset: 0x1a, size: 0x1c0)
    static let kernelInitFreeable = StackFrame(name: "kernel_init_freeable", offset: 0x1f2, size: 0x330)
    static let doOneInitcall = StackFrame(name: "do_one_initcall", offset: 0x5b, size: 0x320)
    static let commonStartup64 = StackFrame(name: "common_startup_64", offset: 0x13e, size: 0x141)
    static let x8664StartKernel = StackFrame(name: "x86_64_start_kernel", offset: 0x96, size: 0xa0)
    static let x8664StartReservations = StackFrame(name: "x86_64_start_reservations", offset: 0x18, size: 0x30)
    static let startKernel = StackFrame(name: "start_kernel", offset: 0x5e6, size: 0x800)
    static let consoleInit = StackFrame(name: "console_init", offset: 0x10f, size: 0x200)
    static let dumpStackLvl = StackFrame(name: "dump_stack_lvl", offset: 0x4a, size: 0x80)
    static let panic = StackFrame(name: "panic", offset: 0x33e, size: 0x3a0)
    static let mightResched = StackFrame(name: "__might_resched", offset: 0x17a, size: 0x1e0)
    /// Where `do_one_initcall()`'s WARN fires.
    static let doOneInitcallWarn = StackFrame(name: "do_one_initcall", offset: 0x2a1, size: 0x320)
    /// The `init/main.c` line of that WARN (illustrative, like the offsets).
    static let doOneInitcallWarnLine = 1257

    /// A function of the simulated image, with its return address inside it.
    static func function(_ name: String, size: Int) -> StackFrame {
        StackFrame(name: name, offset: max(0, (size / 2) & ~3), size: size)
    }
}
