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

    /// The options a defconfig build has.
    public init() {}

    /// The option names the `config` statement takes, without `CONFIG_`.
    public static let names = ["DEVTMPFS_MOUNT", "DYNAMIC_DEBUG", "DEBUG_ATOMIC_SLEEP"]

    /// Sets option `name` (with or without `CONFIG_`); false when there is no such option.
    public mutating func set(_ name: String, _ value: Bool) -> Bool {
        let bare = name.hasPrefix("CONFIG_") ? String(name.dropFirst(7)) : name
        switch bare {
        case "DEVTMPFS_MOUNT": devtmpfsMount = value
        case "DYNAMIC_DEBUG": dynamicDebug = value
        case "DEBUG_ATOMIC_SLEEP": debugAtomicSleep = value
        default: return false
        }
        return true
    }
}
