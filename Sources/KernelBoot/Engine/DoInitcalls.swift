import KernelModel

/// The table walks of init/main.c: `do_pre_smp_initcalls()`, `do_initcalls()` and
/// `do_initcall_level()`. Each level is the half-open range between two entries of
/// `initcall_levels[]`, whatever the level table says.
extension BootEngine {
    /// The `early` slice, before the other CPUs come up. No parameter pass. A kernel without
    /// an early table (Linux before 2.6.28 called a fixed list of functions here) walks none.
    func doPreSmpInitcalls() throws(KernelPanic) {
        guard image.levels.earlySlice != nil else { return }
        try walk(.early) { () throws(KernelPanic) in
            for index in image.earlySlice {
                try doOneInitcall(index, slice: .early)
            }
        }
    }

    func doInitcalls() throws(KernelPanic) {
        guard image.levels.loop == .perLevel else { return try doInitcallsInOneLoop() }
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
        try walk(.level(level)) { () throws(KernelPanic) in
            for index in image.levelSlices[level] {
                try doOneInitcall(index, slice: .level(level))
            }
        }
    }

    /// `do_initcalls()` up to 3.3: `for (call = __initcall_start; call < __initcall_end;
    /// call++) do_one_initcall(*call);` — one loop, no parameter passes, no level names.
    private func doInitcallsInOneLoop() throws(KernelPanic) {
        for level in image.levelSlices.indices {
            try walk(.level(level)) { () throws(KernelPanic) in
                for index in image.levelSlices[level] {
                    try doOneInitcall(index, slice: .level(level))
                }
            }
        }
    }
}
