/// What the command line set: the state that `start_kernel()` and the parameter handlers leave
/// behind in init/main.c, kernel/printk/printk.c and kernel/smp.c.
public struct BootOptions: Sendable, Hashable {
    /// `initcall_debug` (`core_param`, level −1).
    public var initcallDebug = false
    /// `initcall_blacklist=` entries, in command-line order (empty tokens included).
    public var initcallBlacklist: [String] = []
    /// `console_loglevel`: records with a level below it reach the console.
    /// `CONSOLE_LOGLEVEL_DEFAULT` is 7; `quiet` sets 4, `debug` 10, `loglevel=` any.
    public var consoleLoglevel = 7
    /// `ignore_loglevel`: every record reaches the console.
    public var ignoreLoglevel = false
    /// `printk.time`: timestamps on console lines (the ring buffer always has them).
    public var printkTime = true
    /// `init=`: `execute_command`.
    public var executeCommand: String?
    /// `rdinit=`: `ramdisk_execute_command` (default `/init`).
    public var ramdiskExecuteCommand = "/init"
    /// Whether `rdinit=` was given: from 6.15 a missing file is then reported ("check access for
    /// rdinit=… failed") before the root filesystem's init is tried.
    public var ramdiskExecuteCommandSet = false
    /// The arguments init starts with: `init`, then the command line's unknown bare words and
    /// what follows `--`. Mirrors `argv_init[]` (init/main.c).
    public var argvInit = ["init"]
    /// The environment init starts with: `HOME=/`, `TERM=linux`, then the command line's unknown
    /// `name=value` options. Mirrors `envp_init[]` (init/main.c).
    public var envpInit = ["HOME=/", "TERM=linux"]
    /// `setup_max_cpus` from `nosmp` / `maxcpus=`; nil means all.
    public var maxCPUs: Int?
    /// `panic=` (`panic_timeout`).
    public var panicTimeout = 0
    /// `panic_on_warn=`.
    public var panicOnWarn = false
    /// `panic_later`/`panic_param`: too many init arguments or environment variables.
    public var panicLater: (kind: String, param: String)?
    /// `root=`: `saved_root_name` (init/do_mounts.c); nil when not given.
    public var rootName: String?
    /// `rootwait` (nil: not given, −1: for ever) or `rootwait=<seconds>` (in milliseconds).
    public var rootWait: Int?
    /// `rootfstype=`: the filesystem types to try, comma-separated, instead of every one built in.
    public var rootFilesystemTypes: String?
    /// `rootdelay=`: seconds to wait before mounting the root.
    public var rootDelay = 0
    /// `ro` / `rw`: `root_mountflags` starts with `MS_RDONLY`, which `rw` clears.
    public var rootReadOnly = true
    /// `nokaslr`: the kernel is not relocated ("Kernel Offset: disabled").
    public var kaslrDisabled = false

    /// The state before any command line is parsed: the kernel's defaults.
    public init() {}

    public static func == (lhs: BootOptions, rhs: BootOptions) -> Bool {
        lhs.initcallDebug == rhs.initcallDebug && lhs.initcallBlacklist == rhs.initcallBlacklist
            && lhs.consoleLoglevel == rhs.consoleLoglevel && lhs.ignoreLoglevel == rhs.ignoreLoglevel
            && lhs.printkTime == rhs.printkTime && lhs.executeCommand == rhs.executeCommand
            && lhs.ramdiskExecuteCommand == rhs.ramdiskExecuteCommand && lhs.argvInit == rhs.argvInit
            && lhs.envpInit == rhs.envpInit && lhs.maxCPUs == rhs.maxCPUs && lhs.panicTimeout == rhs.panicTimeout
            && lhs.panicOnWarn == rhs.panicOnWarn && lhs.panicLater?.kind == rhs.panicLater?.kind
            && lhs.panicLater?.param == rhs.panicLater?.param && lhs.rootName == rhs.rootName
            && lhs.rootWait == rhs.rootWait && lhs.rootFilesystemTypes == rhs.rootFilesystemTypes
            && lhs.rootDelay == rhs.rootDelay && lhs.rootReadOnly == rhs.rootReadOnly
            && lhs.kaslrDisabled == rhs.kaslrDisabled
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(initcallDebug)
        hasher.combine(initcallBlacklist)
        hasher.combine(argvInit)
        hasher.combine(envpInit)
    }

    /// `MAX_INIT_ARGS` / `MAX_INIT_ENVS` (`CONFIG_INIT_ENV_ARG_LIMIT`, 32 on x86).
    static let initArgLimit = 32
}
