import SourceInput

/// Reads JSON text into a ``JSON`` value, keys in the order written, for the documents
/// initcall-sim reads back (`explore --merge` parts). Errors are diagnostics at the line and
/// column of the offending character. Nesting is bounded, so hostile input cannot exhaust the
/// stack; duplicate keys are refused, numbers with exponents too (no document of ours has them).
public enum JSONReader {
    /// How deep arrays and objects may nest.
    public static let depthLimit = 256

    /// The value `text` holds; `file` names it in diagnostics.
    public static func parse(_ text: String, file: String) throws(Diagnostic) -> JSON {
        var parser = Parser(bytes: Array(text.utf8), file: file, text: text)
        parser.skipSpace()
        let value = try parser.value(depth: 0)
        parser.skipSpace()
        if parser.position < parser.bytes.count { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    struct Parser {
        let bytes: [UInt8]
        let file: String
        let text: String
        var position = 0
        var line = 1
        var column = 1

        func error(_ message: String, notes: [String] = []) -> Diagnostic {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let source = lines.indices.contains(line - 1) ? String(lines[line - 1]) : nil
            return Diagnostic(
                .error, at: SourceLocation(file: file, line: line, column: column), message, notes: notes,
                sourceLine: source)
        }

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func advance() {
            guard position < bytes.count else { return }
            let byte = bytes[position]
            position += 1
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Columns count characters: continuation bytes of UTF-8 do not move it.
                column += 1
            }
        }

        mutating func skipSpace() {
            while let byte = current,
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                    || byte == UInt8(ascii: "\r")
            {
                advance()
            }
        }

        mutating func expect(_ character: Character, _ what: String) throws(Diagnostic) {
            guard let byte = current, byte == character.asciiValue else { throw error("expected \(what)") }
            advance()
        }

        mutating func value(depth: Int) throws(Diagnostic) -> JSON {
            guard depth < JSONReader.depthLimit else {
                throw error("arrays and objects nest deeper than \(JSONReader.depthLimit)")
            }
            guard let byte = current else { throw error("unexpected end of the text; expected a value") }
            switch byte {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): return try word("true", .bool(true))
            case UInt8(ascii: "f"): return try word("false", .bool(false))
            case UInt8(ascii: "n"): return try word("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
            default: throw error("expected a value (object, array, string, number, true, false or null)")
            }
        }

        mutating func word(_ word: String, _ value: JSON) throws(Diagnostic) -> JSON {
            let (startLine, startColumn) = (line, column)
            for expected in word.utf8 {
                guard current == expected else {
                    (line, column) = (startLine, startColumn)
                    throw error("expected '\(word)'")
                }
                advance()
            }
            return value
        }

        mutating func object(depth: Int) throws(Diagnostic) -> JSON {
            advance()
            var members: [(String, JSON)] = []
            var keys = Set<String>()
            skipSpace()
            if current == UInt8(ascii: "}") {
                advance()
                return .object(members)
            }
            while true {
                skipSpace()
                guard current == UInt8(ascii: "\"") else { throw error("expected a key in double quotes") }
                let (keyLine, keyColumn) = (line, column)
                let key = try string()
                guard keys.insert(key).inserted else {
                    (line, column) = (keyLine, keyColumn)
                    throw error("duplicate key '\(key)'")
                }
                skipSpace()
                try expect(":", "':' after a key")
                skipSpace()
                members.append((key, try value(depth: depth + 1)))
                skipSpace()
                if current == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                try expect("}", "',' or '}'")
                return .object(members)
            }
        }

        mutating func array(depth: Int) throws(Diagnostic) -> JSON {
            advance()
            var values: [JSON] = []
            skipSpace()
            if current == UInt8(ascii: "]") {
                advance()
                return .array(values)
            }
            while true {
                skipSpace()
                values.append(try value(depth: depth + 1))
                skipSpace()
                if current == UInt8(ascii: ",") {
                    advance()
                    continue
                }
                try expect("]", "',' or ']'")
                return .array(values)
            }
        }

        mutating func string() throws(Diagnostic) -> String {
            advance()
            var scalars = String.UnicodeScalarView()
            var pending: [UInt8] = []
            func flush() {
                scalars.append(contentsOf: String(decoding: pending, as: UTF8.self).unicodeScalars)
                pending.removeAll(keepingCapacity: true)
            }
            while true {
                guard let byte = current else { throw error("unterminated string") }
                switch byte {
                case UInt8(ascii: "\""):
                    advance()
                    flush()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush()
                    advance()
                    scalars.append(try escape())
                case 0..<0x20:
                    throw error("control character in a string; write it as an escape (\\n, \\t, \\u0001)")
                default:
                    pending.append(byte)
                    advance()
                }
            }
        }

        mutating func escape() throws(Diagnostic) -> Unicode.Scalar {
            guard let byte = current else { throw error("unterminated string") }
            advance()
            switch byte {
            case UInt8(ascii: "\""): return "\""
            case UInt8(ascii: "\\"): return "\\"
            case UInt8(ascii: "/"): return "/"
            case UInt8(ascii: "b"): return "\u{8}"
            case UInt8(ascii: "f"): return "\u{C}"
            case UInt8(ascii: "n"): return "\n"
            case UInt8(ascii: "r"): return "\r"
            case UInt8(ascii: "t"): return "\t"
            case UInt8(ascii: "u"):
                let first = try hex4()
                if (0xD800..<0xDC00).contains(first) {
                    guard current == UInt8(ascii: "\\") else {
                        throw error("lone surrogate \\u\(String(first, radix: 16))")
                    }
                    advance()
                    guard current == UInt8(ascii: "u") else {
                        throw error("lone surrogate \\u\(String(first, radix: 16))")
                    }
                    advance()
                    let second = try hex4()
                    guard (0xDC00..<0xE000).contains(second) else { throw error("invalid surrogate pair") }
                    let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
                guard let scalar = Unicode.Scalar(first) else {
                    throw error("lone surrogate \\u\(String(first, radix: 16))")
                }
                return scalar
            default:
                throw error("unknown escape; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
            }
        }

        mutating func hex4() throws(Diagnostic) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = current, let digit = Parser.hexDigit(byte) else {
                    throw error("expected four hexadecimal digits after \\u")
                }
                value = value * 16 + digit
                advance()
            }
            return value
        }

        static func hexDigit(_ byte: UInt8) -> UInt32? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
            default: return nil
            }
        }

        mutating func number() throws(Diagnostic) -> JSON {
            let (startLine, startColumn) = (line, column)
            var negative = false
            if current == UInt8(ascii: "-") {
                negative = true
                advance()
            }
            var digits = ""
            var fraction = ""
            func isDigit(_ byte: UInt8?) -> Bool {
                byte.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false
            }
            guard isDigit(current) else { throw error("expected a digit") }
            if current == UInt8(ascii: "0") {
                digits = "0"
                advance()
                if isDigit(current) { throw error("numbers do not start with 0") }
            } else {
                while let byte = current, isDigit(byte) {
                    digits.append(Character(Unicode.Scalar(byte)))
                    advance()
                }
            }
            if current == UInt8(ascii: ".") {
                advance()
                guard isDigit(current) else { throw error("expected a digit after '.'") }
                while let byte = current, isDigit(byte) {
                    fraction.append(Character(Unicode.Scalar(byte)))
                    advance()
                }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                (line, column) = (startLine, startColumn)
                throw error("numbers with an exponent are not expected here")
            }
            if !fraction.isEmpty {
                guard fraction.count <= 18, let scaled = Int64(digits + fraction) else {
                    (line, column) = (startLine, startColumn)
                    throw error("number out of range")
                }
                return .fixed(negative ? -scaled : scaled, decimals: fraction.count)
            }
            if negative {
                guard let value = Int64("-" + digits) else {
                    (line, column) = (startLine, startColumn)
                    throw error("number out of range")
                }
                return .int(value)
            }
            if let value = Int64(digits) { return .int(value) }
            guard let value = UInt64(digits) else {
                (line, column) = (startLine, startColumn)
                throw error("number out of range")
            }
            return .uint(value)
        }
    }
}

extension JSON {
    /// The value of `key` in an object (nil for other values or a missing key).
    public subscript(key: String) -> JSON? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    /// The value as a string, if it is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value as an `Int`, if it is an integer that fits.
    public var intValue: Int? {
        switch self {
        case .int(let value): return Int(exactly: value)
        case .uint(let value): return Int(exactly: value)
        default: return nil
        }
    }

    /// The value as a `UInt64`, if it is a non-negative integer.
    public var uint64Value: UInt64? {
        switch self {
        case .int(let value): return UInt64(exactly: value)
        case .uint(let value): return value
        default: return nil
        }
    }

    /// The value as a `Bool`, if it is one.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, if it is an array.
    public var arrayValue: [JSON]? {
        if case .array(let values) = self { return values }
        return nil
    }

    /// Whether it is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
