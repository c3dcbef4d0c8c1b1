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
        // The kernel writes NULs into the token: at the first '=' and, for a quoted value or
        // a quoted token, over a closing quote in its last character. Replay those writes as
        // positions instead of on a copy: param and value end at the first NUL from their start.
        let quote = UInt8(ascii: "\"")
        let length = i
        let last = begin + length - 1
        var lastZeroed = false
        var valueStart = -1
        if equals != 0 {
            var v = begin + equals + 1
            // Don't include quotes in value.
            if v < begin + length, args[v] == quote {
                v += 1
                if length > 0, length - 1 != equals, args[last] == quote { lastZeroed = true }
            }
            valueStart = v
        }
        if quoted, length > 0, !lastZeroed, length - 1 != equals, args[last] == quote { lastZeroed = true }
        var next = begin + length
        if next < args.count { next += 1 }
        while next < args.count, isSpace(args[next]) { next += 1 }
        let nuls = Nuls(equals: equals == 0 ? -1 : begin + equals, last: lastZeroed ? last : -1, end: begin + length)
        let param = String(decoding: args[begin..<nuls.first(in: args, from: begin)], as: UTF8.self)
        var value: String?
        if valueStart >= 0 {
            let start = min(valueStart, begin + length)
            value = String(decoding: args[start..<nuls.first(in: args, from: start)], as: UTF8.self)
        }
        return (Token(param: param, value: value), next)
    }

    /// Where the kernel's writes left NULs in a token: the first '=', a last character that was a
    /// closing quote, and the token's end (each -1 when absent).
    private struct Nuls {
        let equals: Int
        let last: Int
        let end: Int

        /// The first NUL at or after `start`: one of the writes, or a NUL of the line itself.
        func first(in args: [UInt8], from start: Int) -> Int {
            var k = start
            while k < end {
                if k == equals || k == last || args[k] == 0 { return k }
                k += 1
            }
            return end
        }
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
