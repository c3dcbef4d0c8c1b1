/// `next_arg()` (lib/cmdline.c), byte for byte: splits one parameter off a command line,
/// honouring double quotes, with the kernel's in-place NUL writes reproduced on a copy.
enum NextArg {
    struct Token: Equatable {
        var param: String
        var value: String?
    }

    /// `isspace()` in the kernel's C locale.
    static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || (c >= 0x09 && c <= 0x0D)
    }

    /// Returns the token starting at `start` and the index where the rest begins (trailing
    /// white space already skipped, as `skip_spaces()` does).
    static func next(_ args: [UInt8], from start: Int) -> (Token, Int) {
        var begin = start
        var inQuote = false
        var quoted = false
        if begin < args.count, args[begin] == UInt8(ascii: "\"") {
            begin += 1
            inQuote = true
            quoted = true
        }
        var i = 0
        var equals = 0
        while begin + i < args.count {
            let c = args[begin + i]
            if isSpace(c) && !inQuote { break }
            // An '=' at index 0 leaves `equals` at 0, which means "none": the search goes on.
            if equals == 0, c == UInt8(ascii: "=") { equals = i }
            if c == UInt8(ascii: "\"") { inQuote.toggle() }
            i += 1
        }
        // The token with a terminating NUL, so that the kernel's writes can be replayed.
        var buffer = Array(args[begin..<(begin + i)]) + [0]
        var valueStart: Int?
        if equals != 0 {
            buffer[equals] = 0
            var v = equals + 1
            // Don't include quotes in value.
            if buffer[v] == UInt8(ascii: "\"") {
                v += 1
                if i > 0, buffer[i - 1] == UInt8(ascii: "\"") { buffer[i - 1] = 0 }
            }
            valueStart = v
        }
        if quoted, i > 0, buffer[i - 1] == UInt8(ascii: "\"") { buffer[i - 1] = 0 }
        var next = begin + i
        if next < args.count { next += 1 }
        while next < args.count, isSpace(args[next]) { next += 1 }
        let token = Token(param: cString(buffer, from: 0), value: valueStart.map { cString(buffer, from: $0) })
        return (token, next)
    }

    private static func cString(_ buffer: [UInt8], from start: Int) -> String {
        guard start < buffer.count else { return "" }
        let end = buffer[start...].firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[start..<end], as: UTF8.self)
    }

    /// Splits a whole line, for tests and tools (`parse_args()` does its own loop).
    static func tokens(_ line: String) -> [Token] {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        var result: [Token] = []
        while index < bytes.count {
            let (token, next) = next(bytes, from: index)
            result.append(token)
            index = next
        }
        return result
    }
}
