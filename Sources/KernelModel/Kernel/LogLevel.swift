import SourceInput

/// The eight printk log levels (`include/linux/kern_levels.h`), `KERN_EMERG` = 0 to
/// `KERN_DEBUG` = 7. `KERN_DEFAULT` is not a level of its own: the record is stored at
/// `default_message_loglevel` (4, `CONFIG_MESSAGE_LOGLEVEL_DEFAULT`).
public enum LogLevel: Int, Sendable, Hashable, CaseIterable, Comparable, Codable {
    /// System is unusable (0): `panic()`'s report prints here. The kernel's `KERN_EMERG`.
    case KERN_EMERG = 0
    /// Action must be taken immediately (1). The kernel's `KERN_ALERT`.
    case KERN_ALERT = 1
    /// Critical conditions (2). The kernel's `KERN_CRIT`.
    case KERN_CRIT = 2
    /// Error conditions (3): `pr_err()`, the parameter errors of `parse_args()`, the might_sleep
    /// BUG report. The kernel's `KERN_ERR`.
    case KERN_ERR = 3
    /// Warning conditions (4): `pr_warn()`, WARN reports and stack dumps, and every `printk()`
    /// without a level (`KERN_DEFAULT`). The kernel's `KERN_WARNING`.
    case KERN_WARNING = 4
    /// Normal but significant condition (5): `pr_notice()`, the banner and "Kernel command line:".
    /// The kernel's `KERN_NOTICE`.
    case KERN_NOTICE = 5
    /// Informational (6): `pr_info()`, "Run /sbin/init as init process". The kernel's `KERN_INFO`.
    case KERN_INFO = 6
    /// Debug-level messages (7): the `initcall_debug` lines ("calling", "initcall … returned"). The
    /// kernel's `KERN_DEBUG`.
    case KERN_DEBUG = 7

    /// `printk()` without a level prefix: stored at the default message loglevel.
    public static let KERN_DEFAULT: LogLevel = .KERN_WARNING

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The kernel's macro name, `KERN_ERR`.
    public var name: String {
        switch self {
        case .KERN_EMERG: return "KERN_EMERG"
        case .KERN_ALERT: return "KERN_ALERT"
        case .KERN_CRIT: return "KERN_CRIT"
        case .KERN_ERR: return "KERN_ERR"
        case .KERN_WARNING: return "KERN_WARNING"
        case .KERN_NOTICE: return "KERN_NOTICE"
        case .KERN_INFO: return "KERN_INFO"
        case .KERN_DEBUG: return "KERN_DEBUG"
        }
    }

    static let byName: [String: LogLevel] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// The level whose macro name is exactly `bytes` (`KERN_INFO`: the spelling `.boot` files
    /// use, the first thing ``init(parsing:)`` tries), without making a string of them.
    static func named(_ bytes: UnsafeBufferPointer<UInt8>) -> LogLevel? {
        ByteScan.index(of: bytes, in: nameBytes).map { levels[$0] }
    }

    /// The UTF-8 of every level's ``name``, in `allCases` order.
    private static let nameBytes: [[UInt8]] = levels.map { Array($0.name.utf8) }

    /// `allCases`, kept: the synthesized property makes a new array at every call.
    private static let levels = allCases

    /// `KERN_ERR`, `KERN_DEFAULT`, `ERR`, `err`, `3`, `<3>` → a level; nil if none.
    public init?(parsing text: String) {
        // The spelling .boot files use, without case folding.
        if let level = LogLevel.byName[text] {
            self = level
            return
        }
        var name = text.uppercased()
        if name.hasPrefix("<"), name.hasSuffix(">") { name = String(name.dropFirst().dropLast()) }
        if let number = Int(name), let level = LogLevel(rawValue: number) {
            self = level
            return
        }
        if !name.hasPrefix("KERN_") { name = "KERN_" + name }
        if name == "KERN_DEFAULT" || name == "KERN_WARN" {
            self = .KERN_WARNING
            return
        }
        guard let level = LogLevel.allCases.first(where: { $0.name == name }) else { return nil }
        self = level
    }
}
