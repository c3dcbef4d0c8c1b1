/// The kernel configuration options that change what a boot prints: the `config` statement of a
/// `.boot` file (`config CONFIG_DYNAMIC_DEBUG=y CONFIG_DEVTMPFS_MOUNT=n`).
public struct KernelConfig: Sendable, Hashable {
    /// `CONFIG_DEVTMPFS_MOUNT`: `prepare_namespace()` mounts devtmpfs on the new root and
    /// prints "devtmpfs: mounted". On in x86-64 and arm64 defconfigs.
    public var devtmpfsMount = true
    /// `CONFIG_DYNAMIC_DEBUG`: every `pr_debug()`/`dev_dbg()` call site exists and `dyndbg=`
    /// queries turn them on; off, only files that define `DEBUG` print them.
    public var dynamicDebug = false
    /// `CONFIG_DEBUG_ATOMIC_SLEEP`: `might_sleep()` reports "BUG: sleeping function called from
    /// invalid context".
    public var debugAtomicSleep = true
    /// `CONFIG_MODULE_SIG`: the loader checks module signatures; an unsigned module taints `E`
    /// ("module verification failed"), or with `module.sig_enforce=1` is rejected.
    public var moduleSig = false
    /// `CONFIG_MODULE_SIG_FORCE`: `module.sig_enforce` defaults to on.
    public var moduleSigForce = false
    /// `CONFIG_MODULE_FORCE_UNLOAD`: `rmmod -f` (`O_TRUNC`) may unload a busy or permanent
    /// module, tainting `R`.
    public var moduleForceUnload = false
    /// `CONFIG_MODULE_FORCE_LOAD`: a module without `vermagic=` loads, tainting `F`.
    public var moduleForceLoad = false
    /// `CONFIG_PRINTK_CALLER` (5.1+): each record names the task that printed it, after its
    /// timestamp (`[    0.421120][    T1] …`, `print_caller()`).
    public var printkCaller = false

    /// The options a defconfig build has.
    public init() {}

    /// The option names the `config` statement takes, without `CONFIG_`.
    public static let names = [
        "DEVTMPFS_MOUNT", "DYNAMIC_DEBUG", "DEBUG_ATOMIC_SLEEP", "MODULE_SIG", "MODULE_SIG_FORCE",
        "MODULE_FORCE_UNLOAD", "MODULE_FORCE_LOAD", "PRINTK_CALLER",
    ]

    /// Sets option `name` (with or without `CONFIG_`); false when there is no such option.
    public mutating func set(_ name: String, _ value: Bool) -> Bool {
        let bare = name.hasPrefix("CONFIG_") ? String(name.dropFirst(7)) : name
        switch bare {
        case "DEVTMPFS_MOUNT": devtmpfsMount = value
        case "DYNAMIC_DEBUG": dynamicDebug = value
        case "DEBUG_ATOMIC_SLEEP": debugAtomicSleep = value
        case "MODULE_SIG": moduleSig = value
        case "MODULE_SIG_FORCE": moduleSigForce = value
        case "MODULE_FORCE_UNLOAD": moduleForceUnload = value
        case "MODULE_FORCE_LOAD": moduleForceLoad = value
        case "PRINTK_CALLER": printkCaller = value
        default: return false
        }
        return true
    }
}
