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
            guard hasBOM || bytes.contains(carriageReturn) else { return nil }
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
        // By bytes, over the contiguous UTF-8 storage: a line feed is always a character of its
        // own once "\r\n" is gone, and splitting by characters costs grapheme breaking over the
        // whole text (and walking `String.UTF8View` by index costs tens of instructions a byte).
        var text = text
        let ends = text.withUTF8 { bytes in
            var ends: [Int] = []
            for (offset, byte) in bytes.enumerated() where byte == lineFeed { ends.append(offset) }
            return ends
        }
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(ends.count + 1)
        var start = utf8.startIndex
        var startOffset = 0
        for end in ends {
            let endIndex = utf8.index(start, offsetBy: end - startOffset)
            lines.append(Substring(utf8[start..<endIndex]))
            start = utf8.index(after: endIndex)
            startOffset = end + 1
        }
        lines.append(Substring(utf8[start..<utf8.endIndex]))
        return lines
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
