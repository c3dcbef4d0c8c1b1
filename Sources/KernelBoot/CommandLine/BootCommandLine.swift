import KernelModel

/// The command-line passes of `start_kernel()` (init/main.c): "early options", "Booting
/// kernel" with `unknown_bootoption()`, the unknown-parameter summary, and "Setting init args"
/// for what follows `--`.
extension BootEngine {
    /// `parse_early_param()` → `do_early_param()`: every token is offered to every
    /// `early_param()` of that exact name (and `console=` to `earlycon`); everything is accepted
    /// at this stage.
    func parseEarlyParam() {
        _ = ParseArgs.parse(
            doing: "early options", line: savedCommandLine, params: nil, minLevel: 0, maxLevel: 0,
            options: &options, log: ctx.log, trace: trace
        ) { [self] param, value, _, options in
            for index in setupTable.earlyEntries(for: param) {
                let entry = setupTable.entries[index]
                trace?.act(.earlyOption, target: entry.name)
                if callSetup(entry, value, &options) != 0 {
                    log(.KERN_WARNING, "Malformed early option '\(param)'")
                    trace?.act(.error, target: entry.name)
                }
            }
            return 0
        }
    }

    /// `parse_args("Booting kernel", …, -1, -1, NULL, unknown_bootoption)`. Returns the text
    /// after a bare `--`, unless a parameter before it failed (then init gets none of it).
    func parseBootingKernel() -> String? {
        let result = ParseArgs.parse(
            doing: "Booting kernel", line: savedCommandLine, params: params, minLevel: -1, maxLevel: -1,
            options: &options, log: ctx.log, trace: trace
        ) { [self] param, value, _, options in
            unknownBootoption(param, value, &options)
        }
        if case .dashes(let rest) = result { return rest }
        return nil
    }

    /// Prints a record and notes it in the trace of the token being handled.
    func log(_ level: LogLevel, _ text: String) {
        ctx.log(level, text)
        trace?.note(text)
    }

    /// Calls one `.init.setup` handler: a built-in one on the options, a declared one with the
    /// kernel context (its local names those of its object). Its argument is kept for
    /// ``KernelContext/setupArgument(_:)``.
    func callSetup(_ entry: SetupEntry, _ value: String?, _ options: inout BootOptions) -> Int32 {
        ctx.setupArguments[entry.str] = .some(value)
        guard let declared = entry.declared else {
            var messages: [(LogLevel, String)] = []
            let ret = entry.handler(value, &options, &messages)
            for (level, text) in messages { log(level, text) }
            return ret
        }
        let recordStart = ctx.records.count
        ctx.contextObject = declared.object
        defer { ctx.contextObject = nil }
        let ret = declared.setup.handler(value, bodyContext)
        for record in ctx.records[recordStart...] { trace?.note(record.text) }
        return ret
    }

    /// `unknown_bootoption()`: boot loader identifiers and `__setup` handlers consume the
    /// option; a name with a `.` is a module parameter and is dropped; the rest goes to init,
    /// `name=value` into its environment, a bare word into its arguments.
    private func unknownBootoption(_ param: String, _ value: String?, _ options: inout BootOptions) -> Int32 {
        // repair_env_string(): put back the '=' next_arg() removed (the quote stays removed).
        let line = value.map { "\(param)=\($0)" } ?? param
        if line.hasPrefix("BOOT_IMAGE=") || line.hasPrefix("kexec") {
            trace?.act(.bootLoader)
            return 0
        }
        if obsoleteChecksetup(line, &options) { return 0 }
        // strnchr(param, len, '.') with len taken before the repair: the name only.
        if param.utf8.contains(UInt8(ascii: ".")) {
            trace?.act(.dropped)
            return 0
        }
        if options.panicLater != nil {
            trace?.act(.tooMany)
            return 0
        }
        let limit = BootOptions.initArgLimit
        if value != nil {
            if options.envpInit.count > limit { options.panicLater = ("env", line) }
            if let existing = options.envpInit.firstIndex(where: { $0.hasPrefix(param + "=") }) {
                options.envpInit[existing] = line
            } else {
                options.envpInit.append(line)
            }
            trace?.act(options.panicLater == nil ? .initEnvironment : .tooMany, detail: line)
        } else {
            if options.argvInit.count > limit { options.panicLater = ("init", line) }
            options.argvInit.append(line)
            trace?.act(options.panicLater == nil ? .initArgument : .tooMany, detail: line)
        }
        return 0
    }

    /// `obsolete_checksetup()`: a *prefix* match over all of `.init.setup`. An early
    /// parameter counts as handled only when the name matches exactly ("already done").
    private func obsoleteChecksetup(_ line: String, _ options: inout BootOptions) -> Bool {
        let lineBytes = Array(line.utf8)
        var hadEarlyParam = false
        let strings = setupTable.strings
        for index in strings.indices {
            let str = strings[index]
            guard ParseArgs.parameqn(lineBytes, str, str.count) else { continue }
            let entry = setupTable.entries[index]
            if entry.early {
                if lineBytes.count == str.count || lineBytes[str.count] == UInt8(ascii: "=") {
                    hadEarlyParam = true
                    trace?.act(.earlyDone, target: entry.name)
                }
                continue
            }
            let rest = String(decoding: lineBytes[str.count...], as: UTF8.self)
            let handled = callSetup(entry, rest, &options) != 0
            if entry.str == "initcall_blacklist=" {
                for name in rest.split(separator: ",", omittingEmptySubsequences: false) {
                    log(.KERN_DEBUG, "blacklisting initcall \(name)")
                }
            }
            if handled {
                trace?.act(.setup, target: entry.name)
                return true
            }
        }
        return hadEarlyParam
    }

    /// `print_unknown_bootoptions()`: one notice listing what will be passed to init,
    /// arguments first, then environment variables (from 5.14, in the text of the release:
    /// ``KernelVersion/unknownBootoptionsStyle``).
    func printUnknownBootoptions() {
        let style = version.unknownBootoptionsStyle
        guard style != .none, options.panicLater == nil, options.argvInit.count > 1 || options.envpInit.count > 2 else {
            return
        }
        let unknown = (options.argvInit.dropFirst() + options.envpInit.dropFirst(2)).joined(separator: " ")
        // "Unknown command line parameters:%s" of a string built as " %s" per parameter.
        ctx.log(
            .KERN_NOTICE,
            style == .terse
                ? "Unknown command line parameters: \(unknown)"
                : "Unknown kernel command line parameters \"\(unknown)\", will be passed to user space.")
    }

    /// `parse_args("Setting init args", after_dashes, NULL, 0, -1, -1, NULL, set_init_arg)`:
    /// everything after `--` becomes an argument of init, `=` or not.
    func setInitArgs(_ afterDashes: String) {
        let offset = savedCommandLine.utf8.count - afterDashes.utf8.count
        _ = ParseArgs.parse(
            doing: "Setting init args", line: afterDashes, params: nil, minLevel: -1, maxLevel: -1,
            options: &options, log: ctx.log, trace: trace, offset: offset
        ) { [trace] param, value, _, options in
            let line = value.map { "\(param)=\($0)" } ?? param
            if options.panicLater != nil {
                trace?.act(.tooMany, detail: line)
                return 0
            }
            if options.argvInit.count >= BootOptions.initArgLimit {
                options.panicLater = ("init", line)
                trace?.act(.tooMany, detail: line)
                return 0
            }
            options.argvInit.append(line)
            trace?.act(.initArgument, detail: line)
            return 0
        }
    }
}
