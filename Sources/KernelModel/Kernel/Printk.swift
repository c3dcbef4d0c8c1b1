/// `KERN_SOH` (include/linux/kern_levels.h): the ASCII start-of-header byte that begins every
/// level marker of a printk format (`KERN_INFO` is `KERN_SOH "6"`).
public let KERN_SOH = "\u{01}"

/// `KERN_CONT` (include/linux/kern_levels.h): a fragment that continues the record the same
/// task left open (one that did not end in a newline). From 4.9 only such fragments continue a
/// record; see ``KernelVersion/continuesWithoutKernCont``.
public let KERN_CONT = "\u{01}c"

/// `KERN_DEFAULT`'s marker: a record at the default message loglevel, started explicitly.
public let KERN_DEFAULT_MARKER = "\u{01}d"

extension LogLevel {
    /// The marker that starts a printk format at this level: `KERN_SOH` and the digit, as the
    /// kernel's `KERN_INFO` macro expands (`"\u{01}6"`).
    public var marker: String { KERN_SOH + String(rawValue) }
}

/// One printk call split the way `printk_get_level()` and `vprintk_store()` read it: the level
/// marker at the front, if any, and the text.
package struct PrintkMessage: Sendable, Hashable {
    /// What the marker said.
    package enum Prefix: Sendable, Hashable {
        /// No marker: `printk("text")`. Stored at the default level; before 4.9 it continues an
        /// open record.
        case none
        /// `KERN_CONT`: continue the open record.
        case continuation
        /// A level (`KERN_DEFAULT` is the default message loglevel, given explicitly).
        case level(LogLevel)
    }

    package var prefix: Prefix
    package var text: Substring

    /// Splits `format` as `printk_get_level()` does: `KERN_SOH` followed by `0`–`7`, `c` or `d`
    /// is a marker; anything else after `KERN_SOH` is text.
    package init(_ format: String) {
        var rest = Substring(format)
        var prefix = Prefix.none
        // The kernel skips every marker at the front (printk_skip_headers); the last one wins.
        while rest.first == "\u{01}", let code = rest.dropFirst().first {
            switch code {
            case "0"..."7":
                prefix = .level(LogLevel(rawValue: Int(String(code)) ?? 4) ?? .KERN_DEFAULT)
            case "c":
                if case .none = prefix { prefix = .continuation }
            case "d":
                prefix = .level(.KERN_DEFAULT)
            default:
                self.prefix = prefix
                self.text = rest
                return
            }
            rest = rest.dropFirst(2)
        }
        self.prefix = prefix
        self.text = rest
    }
}
