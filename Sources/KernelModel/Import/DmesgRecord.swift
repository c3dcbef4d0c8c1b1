/// One line of a kernel log as `dmesg` prints it, taken apart: the `dmesg -r` level prefix
/// (`<7>`, or a syslog `<30>` whose low three bits are the level), the `printk.time` stamp
/// (`[%5lu.%06lu]`, from `print_time()` in kernel/printk/printk.c), the `CONFIG_PRINTK_CALLER`
/// id (`[    T1]` a task, `[    C0]` a CPU, from `print_caller()`), then the text. Every part
/// is optional: a log taken without `printk.time` has bare text.
public struct DmesgRecord: Sendable, Hashable {
    /// The loglevel of a `<N>` prefix (0 `KERN_EMERG` … 7 `KERN_DEBUG`).
    public var level: Int?
    /// The timestamp in microseconds.
    public var microseconds: UInt64?
    /// The caller id without its brackets and padding: `T1`, `C0`.
    public var caller: String?
    /// The message.
    public var text: Substring
    /// The line of the log it came from (1-based).
    public var line: Int

    /// `dmesg -T` or `--time-format iso` printed the time of day: a stamp, but not the
    /// microseconds since boot the replay prints (so ``microseconds`` stays nil).
    public var wallClock = false

    /// No level prefix, timestamp or caller id: the line is text only.
    public var isBare: Bool { microseconds == nil && level == nil && caller == nil && !wallClock }

    /// The pid of a `T<pid>` caller id.
    public var callerPID: Int32? {
        guard let caller, caller.hasPrefix("T") else { return nil }
        return Int32(caller.dropFirst())
    }

    /// Takes `line` apart; never fails (a line that is none of the forms is all text).
    public init(_ line: Substring, number: Int) {
        self.line = number
        var rest = line
        Self.syslogPrefix(&rest)
        level = Self.levelPrefix(&rest) ?? Self.decodedPrefix(&rest)
        microseconds = Self.timestamp(&rest)
        // Only a line without the usual stamp is looked at for the others.
        if microseconds == nil { wallClock = Self.ctimeStamp(&rest) || Self.isoStamp(&rest) }
        caller = Self.caller(&rest)
        if microseconds != nil || caller != nil, rest.first == " " { rest = rest.dropFirst() }
        if microseconds != nil { Self.journalHost(&rest) }
        text = rest
    }

    /// `journalctl -k` and syslog files: `mar 06 13:18:23 host kernel: ` before the message.
    static func syslogPrefix(_ rest: inout Substring) {
        guard rest.first != "[", rest.first != "<", let kernel = rest.prefix(96).firstASCIIRange(of: " kernel: ")
        else { return }
        let before = rest[..<kernel.lowerBound]
        guard before.contains(":"), before.split(separator: " ").count >= 3 else { return }
        rest = rest[kernel.upperBound...]
    }

    /// `dmesg -x`'s `kern  :info  : `: the facility and the level by name, each padded.
    static func decodedPrefix(_ rest: inout Substring) -> Int? {
        guard rest.first?.isASCIILetter == true else { return nil }
        let head = rest.prefix(24)
        guard let firstColon = head.firstIndex(of: ":") else { return nil }
        let facility = head[..<firstColon].drop { $0 == " " }.reversed().drop { $0 == " " }
        guard (3...8).contains(facility.count), facility.allSatisfy(\.isASCIILetter) else { return nil }
        let afterFacility = head[head.index(after: firstColon)...]
        guard let secondColon = afterFacility.firstIndex(of: ":") else { return nil }
        let name = afterFacility[..<secondColon].filter { $0 != " " }
        guard let level = levelNames.firstIndex(of: name) else { return nil }
        var after = rest[rest.index(after: secondColon)...]
        if after.first == " " { after = after.dropFirst() }
        rest = after
        return level
    }

    /// util-linux's names of the levels, `KERN_EMERG` (0) to `KERN_DEBUG` (7).
    static let levelNames = ["emerg", "alert", "crit", "err", "warn", "notice", "info", "debug"]

    /// `dmesg -T`'s `[Wed Dec  2 05:28:32 2026] `: ctime(3) in brackets.
    static func ctimeStamp(_ rest: inout Substring) -> Bool {
        guard rest.utf8.first == UInt8(ascii: "[") else { return false }
        let bytes = Array(rest.utf8.prefix(27))
        guard bytes.count == 27, bytes[0] == UInt8(ascii: "["), bytes[25] == UInt8(ascii: "]"),
            bytes[4] == UInt8(ascii: " "), bytes[8] == UInt8(ascii: " "), bytes[14] == UInt8(ascii: ":"),
            bytes[17] == UInt8(ascii: ":"), bytes[20] == UInt8(ascii: " ")
        else { return false }
        rest = rest.dropFirst(bytes[26] == UInt8(ascii: " ") ? 27 : 26)
        return true
    }

    /// `--time-format iso`'s `2026-12-02T05:28:32,123456+00:00 `.
    static func isoStamp(_ rest: inout Substring) -> Bool {
        guard rest.first?.isASCIIDigit == true else { return false }
        let bytes = Array(rest.utf8.prefix(20))
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            bytes[0...3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
            let space = rest.utf8.prefix(40).firstIndex(of: UInt8(ascii: " "))
        else { return false }
        rest = rest[rest.utf8.index(after: space)...]
        return true
    }

    /// `journalctl -k -o short-monotonic`'s `[    0.421120] host kernel: `: after the time
    /// since boot, one word (the host) and `kernel: `.
    static func journalHost(_ rest: inout Substring) {
        // By bytes, and only past the first word: every timestamped line comes through here.
        let bytes = rest.utf8
        guard let space = bytes.prefix(64).firstIndex(of: UInt8(ascii: " ")), space > bytes.startIndex else { return }
        let after = rest[bytes.index(after: space)...]
        guard after.utf8.starts(with: "kernel: ".utf8) else { return }
        rest = after.dropFirst(8)
    }

    /// `<N>`: up to three digits.
    static func levelPrefix(_ rest: inout Substring) -> Int? {
        guard rest.first == "<", let close = rest.prefix(5).firstIndex(of: ">") else { return nil }
        let digits = rest[rest.index(after: rest.startIndex)..<close]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
        rest = rest[rest.index(after: close)...]
        return value & 7
    }

    /// `[    1.234567]`: seconds, a dot, up to nine digits of fraction (read to microseconds).
    /// By UTF-8 bytes, as every delimiter is ASCII.
    static func timestamp(_ rest: inout Substring) -> UInt64? {
        guard let (inside, after) = bracketed(rest) else { return nil }
        let bytes = inside.utf8.drop { $0 == UInt8(ascii: " ") }
        guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return nil }
        let seconds = bytes[..<dot]
        let fraction = bytes[bytes.index(after: dot)...]
        guard (1...12).contains(seconds.count), (1...9).contains(fraction.count), let whole = decimal(seconds),
            let part = decimal(fraction.prefix(6))
        else { return nil }
        guard fraction.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
        var micro = part
        for _ in fraction.prefix(6).count..<6 { micro &*= 10 }
        rest = after
        return whole &* 1_000_000 &+ micro
    }

    /// ASCII digits (at most twelve here, so no overflow); nil for anything else.
    static func decimal(_ digits: Substring.UTF8View.SubSequence) -> UInt64? {
        var value: UInt64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// `[    T1]` / `[    C0]`.
    static func caller(_ rest: inout Substring) -> String? {
        guard let (inside, after) = bracketed(rest) else { return nil }
        let id = inside.drop { $0 == " " }
        guard let kind = id.first, kind == "T" || kind == "C", id.count >= 2, id.count <= 12,
            id.dropFirst().allSatisfy(\.isASCIIDigit)
        else { return nil }
        rest = after
        return String(id)
    }

    /// The inside of a leading `[…]` of at most 24 bytes, and what follows it.
    static func bracketed(_ text: Substring) -> (Substring, Substring)? {
        let bytes = text.utf8
        guard bytes.first == UInt8(ascii: "["), let close = bytes.prefix(24).firstIndex(of: UInt8(ascii: "]")) else {
            return nil
        }
        return (text[bytes.index(after: bytes.startIndex)..<close], text[bytes.index(after: close)...])
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension Substring {
    /// The first range of an ASCII `needle`, searched on the UTF-8 bytes: the generic
    /// `firstRange(of:)` walks `Character`s and costs several times as much on long logs. The
    /// bounds are character boundaries (a match starts and ends at ASCII bytes).
    func firstASCIIRange(of needle: String) -> Range<Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let bytes = utf8
        var from = bytes.startIndex
        while let found = bytes[from...].firstIndex(of: first) {
            var cursor = found
            var matched = 0
            while matched < pattern.count, cursor < bytes.endIndex, bytes[cursor] == pattern[matched] {
                cursor = bytes.index(after: cursor)
                matched += 1
            }
            if matched == pattern.count { return found..<cursor }
            from = bytes.index(after: found)
        }
        return nil
    }
}
