import SourceInput

/// The initcall table as a `System.map` (or `nm -n vmlinux`) lists it: the entry symbols
/// `__initcall_<fn><id>` (`__define_initcall()` before 5.12) and
/// `__initcall__kmod_<obj>__<ctr>_<line>_<fn><id>` (`__initcall_name()` from 5.12, reference
/// §2.2), in address order, and the boundary symbols `__initcall_start`,
/// `__initcall0_start` … `__initcall7_start`, `__initcall_end`, `__con_initcall_start`/`_end`
/// that `initcall_levels[]` and `console_init()` walk between.
public struct SystemMap: Sendable {
    public struct Entry: Sendable, Hashable {
        public var address: UInt64
        /// The symbol without its level suffix: the function (or its candidates, see ``candidates``).
        public var symbol: String
        /// `kmod_<obj>` of 5.12+ symbols, without `kmod_`: the object's KBUILD_MODNAME.
        public var object: String?
        /// The slice the address falls in: `con`, `early`, `0` … `7`; nil without boundaries.
        public var slice: String?
        /// (function, id) readings of the symbol, most likely first.
        public var candidates: [(function: String, id: String)] {
            var result: [(String, String)] = []
            for id in SystemMap.ids where symbol.hasSuffix(id) && symbol.count > id.count {
                result.append((String(symbol.dropLast(id.count)), id))
            }
            if slice == "con" { result.append((symbol, "con")) }
            return result
        }

        public static func == (a: Entry, b: Entry) -> Bool { a.address == b.address && a.symbol == b.symbol }
        public func hash(into hasher: inout Hasher) { hasher.combine(address) }
    }

    /// The ids a suffix can be, longest first.
    static let ids =
        ["rootfs", "early", "con"] + (0...7).map { "\($0)s" } + (0...7).map { "\($0)" }

    /// The console table, then the main table, each in address order.
    public var console: [Entry] = []
    public var entries: [Entry] = []

    /// Reads `ADDRESS TYPE NAME` lines (spaces or tabs between the fields, as `nm` and
    /// `/proc/kallsyms` print them); anything else is skipped, and so is a name that is not
    /// one printable ASCII word without a quote (the kernel's own are letters, digits, `_`
    /// and `.`), which no table entry has and no `.boot` word could carry.
    public init(_ text: String) {
        var found: [Entry] = []
        var boundaries: [(UInt64, String)] = []
        for line in SourceText.lines(text) {
            let words = line.split(omittingEmptySubsequences: true) { $0 == " " || $0 == "\t" }
            guard words.count >= 3, words[0].count <= 16, let address = UInt64(words[0], radix: 16),
                Self.isSymbolName(words[2])
            else { continue }
            let name = words[2]
            if let boundary = Self.boundary(name) {
                boundaries.append((address, boundary))
            } else if let entry = Self.entry(name, address: address) {
                found.append(entry)
            }
        }
        boundaries.sort { $0.0 < $1.0 }
        for var entry in found.sorted(by: { $0.address < $1.address }) {
            entry.slice = boundaries.last { $0.0 <= entry.address }?.1
            if entry.slice == "end" { continue }
            if entry.slice == "con" { console.append(entry) } else { entries.append(entry) }
        }
    }

    /// Whether `name` is one printable ASCII word without a quote.
    static func isSymbolName(_ name: Substring) -> Bool {
        name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\"") }
    }

    /// The slice a boundary symbol opens (`end` for the ends).
    static func boundary(_ name: Substring) -> String? {
        switch name {
        case "__initcall_start": return "early"
        case "__initcall_end", "__con_initcall_end": return "end"
        case "__con_initcall_start": return "con"
        default:
            guard name.hasPrefix("__initcall"), name.hasSuffix("_start") else { return nil }
            let level = name.dropFirst(10).dropLast(6)
            guard level.count == 1, let digit = level.first, digit.isASCIIDigit else {
                return level == "rootfs" ? "rootfs" : nil
            }
            return String(level)
        }
    }

    static func entry(_ name: Substring, address: UInt64) -> Entry? {
        if name.hasPrefix("__initcall__kmod_") {
            // kmod_<obj>__<ctr>_<line>_<fn><id>
            let rest = name.dropFirst(17)
            guard let (object, function) = kmodParts(rest) else { return nil }
            return Entry(address: address, symbol: String(function), object: String(object))
        }
        guard name.hasPrefix("__initcall_"), name.count > 11 else { return nil }
        return Entry(address: address, symbol: String(name.dropFirst(11)), object: nil)
    }

    /// Splits `<obj>__<ctr>_<line>_<rest>` at the first `__` followed by two numbers.
    static func kmodParts(_ text: Substring) -> (Substring, Substring)? {
        var search = text.startIndex
        while let range = text[search...].firstASCIIRange(of: "__") {
            var index = range.upperBound
            var fields = 0
            while fields < 2 {
                let digits = text[index...].prefix { $0.isASCIIDigit }
                guard !digits.isEmpty, text[digits.endIndex...].first == "_" else { break }
                index = text.index(after: digits.endIndex)
                fields += 1
            }
            if fields == 2, index < text.endIndex { return (text[..<range.lowerBound], text[index...]) }
            search = text.index(after: range.lowerBound)
        }
        return nil
    }
}
