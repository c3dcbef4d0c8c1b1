/// The `perm` of a parameter: the mode of its sysfs file, `0` for none. Written in C as an
/// integer constant (`0644`, `S_IRUGO | S_IWUSR`); `.boot` files take the same spellings.
/// Mirrors `struct kernel_param`'s `perm` (include/linux/moduleparam.h).
public struct ParamPermission: Sendable, Hashable, CustomStringConvertible, ExpressibleByIntegerLiteral {
    /// The mode bits as the compiler computes them (`0644` is 420).
    public var mode: Int
    /// How the mode was written, when it came from a `.boot` file (`644`, `0x1a4`); nil for Swift.
    public var spelling: String?

    /// A mode written in Swift: `0o644`.
    public init(integerLiteral value: Int) {
        self.mode = value
        self.spelling = nil
    }

    /// A mode with the spelling it was written in.
    public init(mode: Int, spelling: String?) {
        self.mode = mode
        self.spelling = spelling
    }

    /// No sysfs file: `0`.
    public static let none = ParamPermission(integerLiteral: 0)

    /// The mode as `ls -l`'s octal and the README print it: `0644`.
    public var description: String { ParamPermission.octal(mode) }

    /// `%04o`, for any value (a negative mode keeps its sign).
    static func octal(_ value: Int) -> String {
        let digits = String(value.magnitude, radix: 8)
        let padded = String(repeating: "0", count: max(0, 4 - digits.count)) + digits
        return (value < 0 ? "-" : "") + padded
    }

    /// One rule of `VERIFY_OCTAL_PERMISSIONS()`, each a `BUILD_BUG_ON_ZERO()` of the macro (in
    /// include/linux/sysfs.h, formerly include/linux/kernel.h; the three ordering rules arrived
    /// with commit 58f86cc89c33, "VERIFY_OCTAL_PERMISSIONS: stricter checking for sysfs perms.").
    public enum Violation: String, Sendable, Hashable, CaseIterable {
        /// `(perms) < 0`.
        case negative
        /// `(perms) > 0777`: usually a mode written in decimal.
        case tooLarge
        /// `USER_READABLE >= GROUP_READABLE` does not hold.
        case groupReadableButNotUser
        /// `GROUP_READABLE >= OTHER_READABLE` does not hold.
        case otherReadableButNotGroup
        /// `USER_WRITABLE >= GROUP_WRITABLE` does not hold.
        case groupWritableButNotUser
        /// `OTHER_WRITABLE?  Generally considered a bad idea.`
        case otherWritable

        /// The rule, as the macro's comment names it.
        public var rule: String {
            switch self {
            case .negative: return "(perms) < 0"
            case .tooLarge: return "(perms) > 0777"
            case .groupReadableButNotUser: return "USER_READABLE >= GROUP_READABLE"
            case .otherReadableButNotGroup: return "GROUP_READABLE >= OTHER_READABLE"
            case .groupWritableButNotUser: return "USER_WRITABLE >= GROUP_WRITABLE"
            case .otherWritable: return "OTHER_WRITABLE?  Generally considered a bad idea."
            }
        }
    }

    /// The first rule of `VERIFY_OCTAL_PERMISSIONS(perms)` the mode breaks, in the macro's
    /// order; nil when it compiles. Mirrors `VERIFY_OCTAL_PERMISSIONS()` (include/linux/sysfs.h).
    public var violation: Violation? {
        let perms = mode
        if perms < 0 { return .negative }
        if perms > 0o777 { return .tooLarge }
        if (perms >> 6) & 4 < (perms >> 3) & 4 { return .groupReadableButNotUser }
        if (perms >> 3) & 4 < perms & 4 { return .otherReadableButNotGroup }
        if (perms >> 6) & 2 < (perms >> 3) & 2 { return .groupWritableButNotUser }
        if perms & 2 != 0 { return .otherWritable }
        return nil
    }

    /// Why the mode does not compile, in words, with the rule named; nil when it does.
    public func problem(parameter: String) -> (message: String, notes: [String])? {
        guard let violation else { return nil }
        let written = spelling.map { "'\($0)'" } ?? description
        let rule = "VERIFY_OCTAL_PERMISSIONS(): \(violation.rule)"
        switch violation {
        case .negative:
            return ("permission \(written) of parameter '\(parameter)' is negative (\(rule))", [])
        case .tooLarge:
            var notes = ["a sysfs mode is at most 0777; write it in octal, with a leading 0: 0644, 0444, 0600"]
            if let spelling, isDecimal(spelling), let octal = Int(spelling, radix: 8), (0...0o777).contains(octal) {
                notes.insert(
                    "'\(spelling)' is a decimal constant (0\(String(mode, radix: 8)) in octal): you didn't miss the 0 prefix did you? Write 0\(spelling)",
                    at: 0)
            }
            return ("permission \(written) of parameter '\(parameter)' is more than 0777 (\(rule))", notes)
        case .groupReadableButNotUser:
            return (
                "permission \(written) of parameter '\(parameter)' lets the group read but not the owner (\(rule))",
                ["give the owner every permission the group has: 0440, 0640, 0644"]
            )
        case .otherReadableButNotGroup:
            return (
                "permission \(written) of parameter '\(parameter)' lets others read but not the group (\(rule))",
                ["a file others can read must be readable by its group too: 0444, 0644"]
            )
        case .groupWritableButNotUser:
            return (
                "permission \(written) of parameter '\(parameter)' lets the group write but not the owner (\(rule))",
                ["give the owner write permission too: 0664, 0660"]
            )
        case .otherWritable:
            return (
                "permission \(written) of parameter '\(parameter)' makes its sysfs file world-writable (\(rule))",
                ["sysfs files are never writable by others: use 0644 (root may write) or 0664"]
            )
        }
    }

    private func isDecimal(_ text: String) -> Bool {
        text.count > 1 && text.first != "0" && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// The mode constants of include/uapi/linux/stat.h and include/linux/stat.h.
    public static let symbols: [String: Int] = [
        "S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200, "S_IXUSR": 0o100,
        "S_IRWXG": 0o070, "S_IRGRP": 0o040, "S_IWGRP": 0o020, "S_IXGRP": 0o010,
        "S_IRWXO": 0o007, "S_IROTH": 0o004, "S_IWOTH": 0o002, "S_IXOTH": 0o001,
        "S_IRWXUGO": 0o777, "S_IALLUGO": 0o7777, "S_IRUGO": 0o444, "S_IWUGO": 0o222, "S_IXUGO": 0o111,
    ]

    /// Reads a mode as C writes it: integer constants (`0644` octal, `420` decimal, `0x1a4`
    /// hex) and the `S_I*` names, joined by `|`. Returns the mode, or why it is not one: the
    /// message GCC gives (`invalid digit "9" in octal constant`).
    public static func parse(_ text: String) -> Result<ParamPermission, ParseError> {
        var mode = 0
        let parts = text.split(separator: "|", omittingEmptySubsequences: false)
        for part in parts {
            let token = part.trimmingSpaces()
            if let value = symbols[token] {
                mode |= value
                continue
            }
            switch constant(token) {
            case .success(let value): mode |= value
            case .failure(let error): return .failure(error)
            }
        }
        return .success(ParamPermission(mode: mode, spelling: text))
    }

    /// Why a mode could not be read.
    public struct ParseError: Error, Sendable, Hashable {
        /// What is wrong, as a compiler says it.
        public var message: String
    }

    /// A C integer constant: `0x`/`0X` hex, leading `0` octal, else decimal; at most 0xffffffff.
    private static func constant(_ token: String) -> Result<Int, ParseError> {
        guard let first = token.first else { return .failure(ParseError(message: "expected a mode such as 0644")) }
        guard first.isASCII, first.isNumber else {
            return .failure(ParseError(message: "'\(token)' is not a mode: expected 0644 or S_IRUGO | S_IWUSR"))
        }
        var digits = Substring(token)
        var radix = 10
        if token.hasPrefix("0x") || token.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if token.hasPrefix("0") {
            radix = 8
        }
        if let bad = digits.first(where: { !$0.isHexDigit || Int(String($0), radix: radix) == nil }) {
            let kind = radix == 8 ? "octal" : radix == 16 ? "hexadecimal" : "decimal"
            return .failure(ParseError(message: "invalid digit \"\(bad)\" in \(kind) constant '\(token)'"))
        }
        guard !digits.isEmpty, digits.count <= 11, let value = Int(digits, radix: radix), value <= 0xffff_ffff
        else {
            return .failure(ParseError(message: "mode '\(token)' is out of range"))
        }
        return .success(value)
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
