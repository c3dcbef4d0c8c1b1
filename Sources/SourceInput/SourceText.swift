/// The one line reader every input format goes through (`.boot` files, link orders, level
/// files, linker scripts, kernel logs): `"\r\n"`, a lone `"\r"` and `"\n"` all end a line, as
/// they do for GCC and GNU ld, whatever system wrote the file.
///
/// Parsers call ``normalized(_:)`` once at their entry, so that everything after it — lexers
/// that look for `"\n"`, the line splits of caret displays — sees one kind of line end and
/// keeps the columns a user counts (a removed `"\r"` only ever stood at the end of a line).
/// Swift treats `"\r\n"` as one `Character`, which is why no parser may split on `"\n"` itself.
public enum SourceText {
    /// `text` with every `"\r\n"` and lone `"\r"` turned into `"\n"`, and a leading UTF-8 byte
    /// order mark removed. Linear; returns `text` itself when there is nothing to change.
    public static func normalized(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            let hasBOM = bytes.starts(with: byteOrderMark)
            guard hasBOM || ByteScan.firstIndex(of: carriageReturn, in: bytes) != nil else { return nil }
            var normalized: [UInt8] = []
            normalized.reserveCapacity(bytes.count)
            var previousWasCR = false
            for byte in bytes.dropFirst(hasBOM ? byteOrderMark.count : 0) {
                defer { previousWasCR = byte == carriageReturn }
                if byte == carriageReturn {
                    normalized.append(lineFeed)
                } else if byte != lineFeed || !previousWasCR {
                    normalized.append(byte)
                }
            }
            return String(decoding: normalized, as: UTF8.self)
        } ?? text
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let carriageReturn = UInt8(ascii: "\r")
    static let lineFeed = UInt8(ascii: "\n")

    /// The lines of `text` without their terminators, however they end. A text that ends with
    /// a line end has an empty last line, so that line numbers are the count of line ends
    /// before a position plus one.
    public static func lines(_ text: String) -> [Substring] {
        normalizedLines(normalized(text))
    }

    /// The lines of text that is already normalized.
    public static func normalizedLines(_ text: String) -> [Substring] {
        let lines = SourceLines(normalized: text)
        return (0..<lines.count).map { lines[$0] }
    }

    /// The byte ranges of the lines of normalized UTF-8 text: the lines ``normalizedLines(_:)``
    /// cuts, as offsets, for readers that work on the bytes. A line feed is always a character
    /// of its own once `"\r\n"` is gone.
    public static func lineRanges(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while let end = ByteScan.firstIndex(of: lineFeed, in: bytes, from: start) {
            ranges.append(start..<end)
            start = end + 1
        }
        ranges.append(start..<bytes.count)
        return ranges
    }
}

/// The lines of a text, read once: the normalized text and where each line is in its UTF-8
/// bytes. A reader walks the bytes line by line; a diagnostic asks for one line's text.
public struct SourceLines: Sendable {
    /// The text, normalized (``SourceText/normalized(_:)``).
    public private(set) var text: String
    /// The byte range of each line in ``text``'s UTF-8, without its line end.
    public let ranges: [Range<Int>]

    /// The lines of `text`, however they end.
    public init(_ text: String) {
        self.init(normalized: SourceText.normalized(text))
    }

    /// The lines of text that is already normalized.
    public init(normalized text: String) {
        var text = text
        ranges = text.withUTF8 { SourceText.lineRanges($0) }
        self.text = text
    }

    /// The number of lines (a text that ends with a line end has an empty last line).
    public var count: Int { ranges.count }

    /// Line `index` (0-based) as a slice of the text.
    public subscript(index: Int) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: ranges[index].lowerBound)
        return Substring(utf8[start..<utf8.index(start, offsetBy: ranges[index].count)])
    }

    /// Calls `body` with the text's UTF-8 bytes (the line ranges index into them).
    public mutating func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try text.withUTF8(body)
    }
}

/// Byte searches over whole files (line ends, carriage returns), eight bytes at a time.
/// Inlinable: the readers of other modules call them per word, where a call cost as much as a
/// short comparison.
public enum ByteScan {
    /// The offset of the first `byte` in `bytes` at or after `start`, or nil.
    @inlinable
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count else { return nil }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let pattern = UInt64(byte) &* ones
        var index = max(start, 0)
        // A word holds `byte` exactly when `word ^ pattern` has a zero byte, which the classic
        // has-zero-byte test tells without a branch per byte. Its lowest flag is exact (a
        // borrow only runs upwards from a zero byte), so on a little-endian machine the
        // trailing zeros say where; elsewhere the bytes do.
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) ^ pattern
            let flags = (word &- ones) & ~word & highs
            if flags != 0 {
                #if _endian(little)
                    return index + flags.trailingZeroBitCount / 8
                #else
                    break
                #endif
            }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The index of the spelling in `spellings` that is `bytes`, or nil: for the few short
    /// names (attribute keys, log levels) a scan costs less than hashing.
    @inlinable
    public static func index(of bytes: UnsafeBufferPointer<UInt8>, in spellings: [[UInt8]]) -> Int? {
        spellings.firstIndex { spelling in spelling.withUnsafeBufferPointer { equal($0, bytes) } }
    }

    /// Whether `a` and `b` hold the same bytes, compared eight at a time.
    @inlinable
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let left = a.baseAddress, let right = b.baseAddress else { return true }
        var index = 0
        while index + 8 <= a.count {
            let x = UnsafeRawPointer(left + index).loadUnaligned(as: UInt64.self)
            let y = UnsafeRawPointer(right + index).loadUnaligned(as: UInt64.self)
            if x != y { return false }
            index += 8
        }
        while index < a.count {
            if a[index] != b[index] { return false }
            index += 1
        }
        return true
    }

    /// Whether every byte is ASCII (below 0x80).
    @inlinable
    public static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        while index + 8 <= bytes.count {
            if UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                return false
            }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] >= 0x80 { return false }
            index += 1
        }
        return true
    }
}

extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes: from its own contiguous storage when it has
    /// one (a native Swift string or a slice of one, small strings included), else from a copy.
    /// The readers scan bytes this way; walking `utf8` index by index costs tens of
    /// instructions a byte.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}
