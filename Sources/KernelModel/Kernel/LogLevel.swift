/// The eight printk log levels (`include/linux/kern_levels.h`), `KERN_EMERG` = 0 to
/// `KERN_DEBUG` = 7. `KERN_DEFAULT` is not a level of its own: the record is stored at
/// `default_message_loglevel` (4, `CONFIG_MESSAGE_LOGLEVEL_DEFAULT`).
public enum LogLevel: Int, Sendable, Hashable, CaseIterable, Comparable, Codable {
    case KERN_EMERG = 0
    case KERN_ALERT = 1
    case KERN_CRIT = 2
    case KERN_ERR = 3
    case KERN_WARNING = 4
    case KERN_NOTICE = 5
    case KERN_INFO = 6
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

    /// `KERN_ERR`, `KERN_DEFAULT`, `ERR`, `err`, `3`, `<3>` → a level; nil if none.
    public init?(parsing text: String) {
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
