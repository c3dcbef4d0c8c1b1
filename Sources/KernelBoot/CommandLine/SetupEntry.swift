import KernelModel

/// A `struct obs_kernel_param` of `.init.setup`: `__setup("str", fn)` or `early_param("str", fn)`.
struct SetupEntry: Sendable {
    /// The name as registered, `=` included for `__setup("init=", …)`.
    var str: String {
        didSet { strBytes = Array(str.utf8) }
    }
    /// `str` as bytes, made once: every token is compared with every entry.
    private(set) var strBytes: [UInt8]
    var early: Bool
    /// Returns 1 when the option is handled (`__setup`), 0 = OK / non-zero = error (`early_param`).
    var handler: @Sendable (String?, inout BootOptions, inout [(LogLevel, String)]) -> Int32
    /// A handler the description declared (it runs with the kernel context), and its object.
    var declared: PlacedSetup?
    /// Whether a release registers this handler (nil: every release modelled). Where it does
    /// not, the option is unknown and, with a `=`, passed to init's environment as any other.
    var registered: (@Sendable (KernelVersion) -> Bool)?

    init(
        str: String, early: Bool,
        handler: @escaping @Sendable (String?, inout BootOptions, inout [(LogLevel, String)]) -> Int32
    ) {
        self.str = str
        self.strBytes = Array(str.utf8)
        self.early = early
        self.handler = handler
    }

    /// The entry of a declared handler.
    init(_ placed: PlacedSetup) {
        self.str = placed.setup.str
        self.strBytes = Array(placed.setup.str.utf8)
        self.early = placed.setup.early
        self.handler = { _, _, _ in 0 }
        self.declared = placed
    }

    /// How traces name the handler: `__setup("init=")`, `early_param("quiet")`, or the declared
    /// function with its registration.
    var name: String {
        let registration = "\(early ? "early_param" : "__setup")(\"\(str)\")"
        return declared.map { "\($0.setup.function) (\(registration))" } ?? registration
    }

    static func setup(_ str: String, _ handler: @escaping @Sendable (String, inout BootOptions) -> Int32) -> SetupEntry
    {
        SetupEntry(str: str, early: false) { value, options, _ in handler(value ?? "", &options) }
    }

    /// `__setup` handlers that only accept the bare name (`if (*str) return 0;`).
    static func flag(_ str: String) -> SetupEntry {
        .setup(str) { rest, _ in rest.isEmpty ? 1 : 0 }
    }

    /// This entry, registered only in the releases `registered` accepts.
    func only(in registered: @escaping @Sendable (KernelVersion) -> Bool) -> SetupEntry {
        var entry = self
        entry.registered = registered
        return entry
    }

    /// Whether `version`'s `.init.setup` holds this entry.
    func isRegistered(in version: KernelVersion) -> Bool {
        registered?(version) ?? true
    }

    /// The kernel's own handlers as `version` registers them.
    static func builtin(for version: KernelVersion) -> [SetupEntry] {
        builtin.filter { $0.isRegistered(in: version) }
    }

    static func early(
        _ str: String, _ handler: @escaping @Sendable (String?, inout BootOptions, inout [(LogLevel, String)]) -> Int32
    ) -> SetupEntry {
        SetupEntry(str: str, early: true, handler: handler)
    }

    /// `.init.setup` in link order: init/main.c, init/do_mounts.c, kernel/printk, kernel/smp.c,
    /// then arch code. Order matters: `obsolete_checksetup()` is a prefix match over all of them.
    static let builtin: [SetupEntry] = [
        // init/main.c
        .setup("reset_devices") { _, _ in 1 },
        .setup("init=") { value, options in
            options.executeCommand = value
            // Arguments before init= are dropped (the LILO "auto" comment in init_setup()).
            options.argvInit = Array(options.argvInit.prefix(1))
            return 1
        },
        .setup("rdinit=") { value, options in
            options.ramdiskExecuteCommand = value
            options.ramdiskExecuteCommandSet = true
            options.argvInit = Array(options.argvInit.prefix(1))
            return 1
        },
        .early("debug") { _, options, _ in
            options.consoleLoglevel = 10
            return 0
        },
        .early("quiet") { _, options, _ in
            options.consoleLoglevel = 4
            return 0
        },
        .early("loglevel") { value, options, _ in
            // Only a well-formed value is taken, "to prevent blind crashes".
            guard let level = GetOption.parse(value) else { return -Errno.EINVAL }
            options.consoleLoglevel = level
            return 0
        },
        .early("rodata") { _, _, _ in 0 },
        .early("bootconfig") { _, _, _ in 0 },
        .setup("initcall_blacklist=") { value, options in
            // strsep(&str, ","): every token, empty ones included, becomes an entry.
            options.initcallBlacklist += value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return 1
        }.only { $0.hasInitcallBlacklist },
        // init/do_mounts.c
        .setup("load_ramdisk=") { _, _ in 1 },
        .setup("ro") { rest, options in
            guard rest.isEmpty else { return 0 }
            options.rootReadOnly = true
            return 1
        },
        .setup("rw") { rest, options in
            guard rest.isEmpty else { return 0 }
            options.rootReadOnly = false
            return 1
        },
        .setup("root=") { value, options in
            // strscpy(saved_root_name, line, sizeof(saved_root_name)): at most 63 bytes.
            options.rootName = String(decoding: Array(value.utf8.prefix(63)), as: UTF8.self)
            return 1
        },
        .setup("rootflags=") { _, _ in 1 },
        .setup("rootfstype=") { value, options in
            options.rootFilesystemTypes = value
            return 1
        },
        .setup("rootdelay=") { value, options in
            // kstrtouint(str, 0, &root_delay): a bad value leaves the option unhandled.
            guard let seconds = SetupEntry.kstrtoint(value), seconds >= 0 else { return 0 }
            options.rootDelay = Int(seconds)
            return 1
        },
        .setup("rootwait") { rest, options in
            guard rest.isEmpty else { return 0 }
            options.rootWait = -1
            return 1
        },
        // rootwait_timeout_setup() (6.6): seconds, kept as milliseconds; a bad or excessive value
        // falls back to waiting for ever, with a warning.
        SetupEntry(str: "rootwait=", early: false) { value, options, messages in
            guard let seconds = SetupEntry.kstrtoint(value ?? ""), seconds >= 0 else {
                messages.append((.KERN_WARNING, "ignoring invalid rootwait value"))
                options.rootWait = -1
                return 1
            }
            let (milliseconds, overflow) = seconds.multipliedReportingOverflow(by: 1000)
            if overflow {
                messages.append((.KERN_WARNING, "ignoring excessive rootwait value"))
                options.rootWait = -1
                return 1
            }
            options.rootWait = Int(milliseconds)
            return 1
        }.only { $0.hasRootwaitTimeout },
        .flag("noinitrd"),
        .early("initrd") { _, _, _ in 0 },
        // kernel/printk/printk.c
        .setup("console=") { _, _ in 1 },
        .early("ignore_loglevel") { _, options, messages in
            options.ignoreLoglevel = true
            messages.append((.KERN_INFO, "debug: ignoring loglevel setting."))
            return 0
        },
        .early("earlycon") { _, _, _ in 0 },
        .early("earlyprintk") { _, _, _ in 0 },
        // lib/dynamic_debug.c: a no-op handler so that dyndbg= is not passed to init; the
        // queries are read again from saved_command_line by dynamic_debug_init().
        .setup("dyndbg=") { _, _ in 1 },
        // kernel/smp.c
        .early("nosmp") { _, options, _ in
            options.maxCPUs = 0
            return 0
        },
        .early("nr_cpus") { value, options, _ in
            if let count = GetOption.parse(value), count > 0 { options.maxCPUs = min(options.maxCPUs ?? count, count) }
            return 0
        },
        .early("maxcpus") { value, options, _ in
            if let count = GetOption.parse(value) { options.maxCPUs = max(0, count) }
            return 0
        },
        // arch/x86
        .early("mem") { _, _, _ in 0 },
        .early("nokaslr") { _, options, _ in
            options.kaslrDisabled = true
            return 0
        },
    ]
}

extension SetupEntry {
    /// `kstrtoint(str, 0, &v)`: nil where the kernel's returns an error.
    static func kstrtoint(_ text: String) -> Int32? {
        var value: Int64 = 0
        guard Kstrtox.kstrtos(text, bits: 32, &value) == 0 else { return nil }
        return Int32(exactly: value)
    }
}
