/// A function as `%pS`/`%pF` printed it: `foo_init+0x0/0x170`, `foo_init+0x0/0x170 [mod]`,
/// a bare `foo_init` (an architecture or era whose `%pF` gave no offset), or `0xc0123456`
/// without `CONFIG_KALLSYMS`.
public struct PrintedSymbol: Sendable, Hashable {
    public var name: String
    /// The `/0x…` size, when printed.
    public var size: Int?
    /// The ` [module]` tag of module text.
    public var module: String?

    /// Reads `text` (nothing after the symbol); nil when it is not a symbol. By UTF-8 bytes:
    /// every delimiter is ASCII, so each index found is a character boundary.
    public init?(_ text: Substring) {
        var rest = text
        let bytes = rest.utf8
        if bytes.last == UInt8(ascii: "]"), let open = bytes.lastIndex(of: UInt8(ascii: "[")),
            open > bytes.startIndex, bytes[bytes.index(before: open)] == UInt8(ascii: " ")
        {
            module = String(rest[bytes.index(after: open)..<bytes.index(before: bytes.endIndex)])
            rest = rest[..<bytes.index(before: open)]
        }
        let nameEnd = rest.utf8.firstIndex { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "(") } ?? rest.endIndex
        let name = rest[..<nameEnd]
        guard !name.isEmpty, name.utf8.count <= 256, name.utf8.allSatisfy(Self.isSymbolByte) else { return nil }
        self.name = String(name)
        let offsets = rest[nameEnd...]
        if offsets.utf8.first == UInt8(ascii: "+"), let slash = offsets.utf8.firstIndex(of: UInt8(ascii: "/")) {
            let size = offsets[offsets.utf8.index(after: slash)...].utf8.prefix { $0 != UInt8(ascii: "(") }
            if size.starts(with: "0x".utf8) { self.size = Int(Substring(size.dropFirst(2)), radix: 16) }
        }
    }

    static func isSymbolCharacter(_ c: Character) -> Bool {
        c == "_" || c == "." || c.isASCIIDigit || ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    static func isSymbolByte(_ b: UInt8) -> Bool {
        b == UInt8(ascii: "_") || b == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b)
            || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b)
            || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
    }
}

/// What one `initcall_debug` message says, for each era's texts (reference §5, §11):
/// `do_one_initcall_debug()` and `trace_initcall_start_cb()`/`trace_initcall_finish_cb()`
/// (`calling  %pS @ %i`, `initcall %pS returned %d after %lld usecs`), 2.6.26–27's `%pF` without
/// the pid and with msecs, 2.6.22–25's `Calling initcall 0x%p: %s()`, `initcall 0x%p: %s()
/// returned %d.` and `initcall 0x%p ran for %Ld msecs: %s()`, `do_one_initcall()`'s sanity
/// report (`initcall %pS returned with %s`), `initcall_blacklisted()`'s `initcall %s
/// blacklisted`, `trace_initcall_level_cb()`'s `entering initcall level: %s`, and the
/// async work of kernel/async.c (`calling  %lli_%pS @ %i`).
public enum InitcallDebugLine: Sendable, Hashable {
    /// `address`: the `%p` of 2.6.22–2.6.25's `Calling initcall 0x%p: %s()`.
    case calling(PrintedSymbol, pid: Int32?, address: UInt64? = nil)
    case returned(PrintedSymbol, ret: Int32, duration: UInt64, milliseconds: Bool)
    /// 2.6.22–2.6.25: the return value and the time come on two lines.
    case returnedOld(PrintedSymbol, ret: Int32)
    case ranFor(PrintedSymbol, milliseconds: UInt64)
    case returnedWith(PrintedSymbol, reasons: String)
    case blacklisted(String)
    case enteringLevel(String)
    /// kernel/async.c's worker starting an entry: `calling  %lli_%pF @ %i` (2.6.29–3.17 with
    /// `initcall_debug`; `pr_debug()` from 3.18).
    case asyncCalling(cookie: UInt64, PrintedSymbol, pid: Int32)
    /// The worker's `initcall %lli_%pF returned 0 after %lld usecs` (5.x's `pr_debug()` says
    /// `returned after`).
    case asyncReturned(cookie: UInt64, PrintedSymbol, duration: UInt64)
    /// A line of kernel/async.c's that says no more (no pid, a garbled number).
    case async

    /// Classifies `text`; nil for any other message. Only a line that *starts* with the
    /// message counts: `pci 0000:00:01.0: calling  quirk_…` is the PCI fixup code's own line.
    public init?(_ line: Substring) {
        // A pasted log keeps what mailers and terminals add at a line's end (format=flowed
        // ends a wrapped line in a space): no message of these ends in a blank that matters.
        let text = Self.trimmingTrailingBlanks(line)
        if text.hasPrefix("calling  ") {
            guard let line = Self.calling(text.dropFirst(9)) else { return nil }
            self = line
        } else if text.hasPrefix("Calling initcall 0x") {
            guard let colon = text.firstASCIIRange(of: ": "),
                let symbol = PrintedSymbol(text[colon.upperBound...])
            else { return nil }
            self = .calling(
                symbol, pid: nil,
                address: NumberLiteral.address(text[text.index(text.startIndex, offsetBy: 19)..<colon.lowerBound]))
        } else if text.hasPrefix("initcall ") {
            guard let line = Self.initcall(text.dropFirst(9), untrimmed: line.dropFirst(9)) else { return nil }
            self = line
        } else if text.hasPrefix("entering initcall level: ") {
            self = .enteringLevel(String(text.dropFirst(25)))
        } else {
            return nil
        }
    }

    /// `text` without the spaces and tabs at its end (by bytes: both are ASCII).
    static func trimmingTrailingBlanks(_ text: Substring) -> Substring {
        let bytes = text.utf8
        var end = bytes.endIndex
        while end > bytes.startIndex {
            let before = bytes.index(before: end)
            guard bytes[before] == UInt8(ascii: " ") || bytes[before] == UInt8(ascii: "\t") else { break }
            end = before
        }
        return text[..<end]
    }

    private static func calling(_ rest: Substring) -> InitcallDebugLine? {
        var symbolText = rest
        var pid: Int32?
        if let at = rest.firstASCIIRange(of: " @ ") {
            symbolText = rest[..<at.lowerBound]
            guard let value = Int32(rest[at.upperBound...]) else { return nil }
            pid = value
        }
        if isAsync(symbolText) {
            guard let (cookie, symbol) = asyncSymbol(symbolText), let pid else { return .async }
            return .asyncCalling(cookie: cookie, symbol, pid: pid)
        }
        guard let symbol = PrintedSymbol(symbolText) else { return nil }
        return .calling(symbol, pid: pid)
    }

    /// `%lli_%pS`: the async cookie before the function (no C function starts with a digit).
    private static func isAsync(_ text: Substring) -> Bool {
        let digits = text.prefix { $0.isASCIIDigit }
        return !digits.isEmpty && text.dropFirst(digits.count).first == "_"
    }

    /// The cookie and the function of `%lli_%pS`.
    private static func asyncSymbol(_ text: Substring) -> (UInt64, PrintedSymbol)? {
        let digits = text.prefix { $0.isASCIIDigit }
        guard digits.count <= 19, let cookie = UInt64(digits),
            let symbol = PrintedSymbol(text.dropFirst(digits.count + 1))
        else { return nil }
        return (cookie, symbol)
    }

    /// `untrimmed`: the reasons of `returned with %s` end in a space the kernel printed.
    private static func initcall(_ rest: Substring, untrimmed: Substring) -> InitcallDebugLine? {
        if rest.hasSuffix(" blacklisted") {
            let name = rest.dropLast(12)
            guard !name.isEmpty, name.allSatisfy(PrintedSymbol.isSymbolCharacter) else { return nil }
            return .blacklisted(String(name))
        }
        if rest.hasPrefix("0x") { return oldInitcall(rest) }
        if let with = untrimmed.firstASCIIRange(of: " returned with ") {
            guard let symbol = PrintedSymbol(untrimmed[..<with.lowerBound]) else { return nil }
            return .returnedWith(symbol, reasons: String(untrimmed[with.upperBound...]))
        }
        guard let returned = rest.firstASCIIRange(of: " returned ") else { return nil }
        if isAsync(rest[..<returned.lowerBound]) {
            // `returned 0 after N usecs`, or 5.x's `returned after N usecs`.
            let words = rest[returned.upperBound...].split(separator: " ")
            guard let (cookie, symbol) = asyncSymbol(rest[..<returned.lowerBound]), (3...4).contains(words.count),
                words[words.count - 3] == "after", words.last == "usecs", words.count == 3 || words[0] == "0",
                let duration = UInt64(words[words.count - 2])
            else { return .async }
            return .asyncReturned(cookie: cookie, symbol, duration: duration)
        }
        guard let symbol = PrintedSymbol(rest[..<returned.lowerBound]) else { return nil }
        let words = rest[returned.upperBound...].split(separator: " ")
        guard words.count == 4, words[1] == "after", let ret = Int32(words[0]), let duration = UInt64(words[2]),
            words[3] == "usecs" || words[3] == "msecs"
        else { return nil }
        return .returned(symbol, ret: ret, duration: duration, milliseconds: words[3] == "msecs")
    }

    /// `initcall 0x%p: %s() returned %d.`, `initcall 0x%p ran for %Ld msecs: %s()` and
    /// `initcall at 0x%p: %s(): returned with %s` (2.6.22–2.6.25).
    private static func oldInitcall(_ rest: Substring) -> InitcallDebugLine? {
        if let ran = rest.firstASCIIRange(of: " ran for ") {
            let after = rest[ran.upperBound...]
            guard let msecs = after.firstASCIIRange(of: " msecs: "), let value = UInt64(after[..<msecs.lowerBound]),
                let symbol = PrintedSymbol(after[msecs.upperBound...])
            else { return nil }
            return .ranFor(symbol, milliseconds: value)
        }
        guard let colon = rest.firstASCIIRange(of: ": "), let returned = rest.firstASCIIRange(of: "() returned "),
            colon.upperBound <= returned.lowerBound,
            let symbol = PrintedSymbol(rest[colon.upperBound..<returned.lowerBound])
        else { return nil }
        let value = rest[returned.upperBound...].dropLast(rest.hasSuffix(".") ? 1 : 0)
        guard let ret = Int32(value) else { return nil }
        return .returnedOld(symbol, ret: ret)
    }
}
