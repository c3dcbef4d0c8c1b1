import KernelModel

/// The command-line passes of `start_kernel()` (init/main.c): "early options", "Booting
/// kernel" with `unknown_bootoption()`, the unknown-parameter summary, and "Setting init args"
/// for what follows `--`.
extension BootEngine {
    /// `parse_early_param()`: every token is offered to every `early_param()` of that exact
    /// name (and `console=` to `earlycon`); everything is accepted at this stage.
    func parseEarlyParam() {
        _ = ParseArgs.parse(
            doing: "early options", line: savedCommandLine, params: [], minLevel: 0, maxLevel: 0,
            options: &options, log: ctx.log
        ) { [ctx] param, value, _, options in
            for entry in SetupEntry.builtin
            where (entry.early && ParseArgs.parameq(param, entry.str))
                || (param == "console" && entry.str == "earlycon")
            {
                var messages: [(LogLevel, String)] = []
                let failed = entry.handler(value, &options, &messages) != 0
                for (level, text) in messages { ctx.log(level, text) }
                if failed { ctx.log(.KERN_WARNING, "Malformed early option '\(param)'") }
            }
            return 0
        }
    }

    /// `parse_args("Booting kernel", …, -1, -1, NULL, unknown_bootoption)`. Returns the text
    /// after a bare `--`, unless a parameter before it failed (then init gets none of it).
    func parseBootingKernel() -> String? {
        let result = ParseArgs.parse(
            doing: "Booting kernel", line: savedCommandLine, params: KernelParam.builtin, minLevel: -1, maxLevel: -1,
            options: &options, log: ctx.log
        ) { [self] param, value, _, options in
            unknownBootoption(param, value, &options)
        }
        if case .dashes(let rest) = result { return rest }
        return nil
    }

    /// `unknown_bootoption()`: boot loader identifiers and `__setup` handlers consume the
    /// option; a name with a `.` is a module parameter and is dropped; the rest goes to init,
    /// `name=value` into its environment, a bare word into its arguments.
    private func unknownBootoption(_ param: String, _ value: String?, _ options: inout BootOptions) -> Int32 {
        // repair_env_string(): put back the '=' next_arg() removed (the quote stays removed).
        let line = value.map { "\(param)=\($0)" } ?? param
        if line.hasPrefix("BOOT_IMAGE=") || line.hasPrefix("kexec") { return 0 }
        if obsoleteChecksetup(line, &options) { return 0 }
        // strnchr(param, len, '.') with len taken before the repair: the name only.
        if param.contains(".") { return 0 }
        if options.panicLater != nil { return 0 }
        let limit = BootOptions.initArgLimit
        if value != nil {
            if options.envpInit.count > limit { options.panicLater = ("env", line) }
            if let existing = options.envpInit.firstIndex(where: { $0.hasPrefix(param + "=") }) {
                options.envpInit[existing] = line
            } else {
                options.envpInit.append(line)
            }
        } else {
            if options.argvInit.count > limit { options.panicLater = ("init", line) }
            options.argvInit.append(line)
        }
        return 0
    }

    /// `obsolete_checksetup()`: a *prefix* match over all of `.init.setup`. An early
    /// parameter counts as handled only when the name matches exactly ("already done").
    private func obsoleteChecksetup(_ line: String, _ options: inout BootOptions) -> Bool {
        let lineBytes = Array(line.utf8)
        var hadEarlyParam = false
        for entry in SetupEntry.builtin {
            let str = Array(entry.str.utf8)
            guard ParseArgs.parameqn(lineBytes, str, str.count) else { continue }
            if entry.early {
                if lineBytes.count == str.count || lineBytes[str.count] == UInt8(ascii: "=") { hadEarlyParam = true }
                continue
            }
            var messages: [(LogLevel, String)] = []
            let rest = String(decoding: lineBytes[str.count...], as: UTF8.self)
            let handled = entry.handler(rest, &options, &messages) != 0
            for (level, text) in messages { ctx.log(level, text) }
            if entry.str == "initcall_blacklist=" {
                for name in rest.split(separator: ",", omittingEmptySubsequences: false) {
                    ctx.log(.KERN_DEBUG, "blacklisting initcall \(name)")
                }
            }
            if handled { return true }
        }
        return hadEarlyParam
    }

    /// `print_unknown_bootoptions()`: one notice listing what will be passed to init,
    /// arguments first, then environment variables (≥ 5.15).
    func printUnknownBootoptions() {
        guard options.panicLater == nil, options.argvInit.count > 1 || options.envpInit.count > 2 else { return }
        let unknown = options.argvInit.dropFirst() + options.envpInit.dropFirst(2)
        ctx.log(
            .KERN_NOTICE,
            "Unknown kernel command line parameters \"\(unknown.joined(separator: " "))\", will be passed to user space."
        )
    }

    /// `parse_args("Setting init args", after_dashes, NULL, 0, -1, -1, NULL, set_init_arg)`:
    /// everything after `--` becomes an argument of init, `=` or not.
    func setInitArgs(_ afterDashes: String) {
        _ = ParseArgs.parse(
            doing: "Setting init args", line: afterDashes, params: [], minLevel: -1, maxLevel: -1,
            options: &options, log: ctx.log
        ) { param, value, _, options in
            if options.panicLater != nil { return 0 }
            let line = value.map { "\(param)=\($0)" } ?? param
            if options.argvInit.count >= BootOptions.initArgLimit {
                options.panicLater = ("init", line)
                return 0
            }
            options.argvInit.append(line)
            return 0
        }
    }
}
