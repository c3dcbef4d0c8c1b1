import KernelModel

/// The table walks of init/main.c: `do_pre_smp_initcalls()`, `do_initcalls()` and
/// `do_initcall_level()`. Each level is the half-open range between two entries of
/// `initcall_levels[]`, whatever the level table says.
extension BootEngine {
    /// The `early` slice, before the other CPUs come up. No parameter pass.
    func doPreSmpInitcalls() throws(KernelPanic) {
        traceInitcallLevel("early")
        for index in image.earlySlice {
            try doOneInitcall(index, slice: .early)
        }
    }

    func doInitcalls() throws(KernelPanic) {
        for level in image.levelSlices.indices {
            // Parser modifies command_line, restore it each time: every level parses a fresh
            // copy of saved_command_line.
            try doInitcallLevel(level, commandLine: savedCommandLine)
        }
    }

    func doInitcallLevel(_ level: Int, commandLine: String) throws(KernelPanic) {
        let name = image.name(of: .level(level))
        // Only parameters tagged with this level are set; unknown ones are silently ignored.
        _ = ParseArgs.parse(
            doing: name, line: commandLine, params: params, minLevel: level, maxLevel: level,
            options: &options, log: ctx.log, trace: trace, unknown: { _, _, _, _ in 0 })
        traceInitcallLevel(name)
        for index in image.levelSlices[level] {
            try doOneInitcall(index, slice: .level(level))
        }
    }
}
