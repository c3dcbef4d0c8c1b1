import KernelModel

/// lib/kstrtox.c: strings to integers the way the kernel's parameter code reads them. Every
/// function returns 0 or a negative errno and writes its result only on success, as the C
/// functions do; nothing here can trap.
///
/// Base 0 detects the radix: `0x` followed by a hex digit is hex, a leading `0` octal, anything
/// else decimal. One trailing `\n` is accepted (a sysfs write from `echo`). A value too large
/// for 64 bits is `-ERANGE` even with garbage after it; no digit at all, or garbage, `-EINVAL`.
package enum Kstrtox {
    /// `_parse_integer_fixup_radix()`: detects the base and skips a `0x` prefix.
    static func fixupRadix(_ s: [UInt8], _ start: Int, _ base: inout UInt64) -> Int {
        func at(_ i: Int) -> UInt8 { i < s.count ? s[i] : 0 }
        if base == 0 {
            if at(start) == UInt8(ascii: "0") {
                base = at(start + 1) | 0x20 == UInt8(ascii: "x") && isHexDigit(at(start + 2)) ? 16 : 8
            } else {
                base = 10
            }
        }
        if base == 16, at(start) == UInt8(ascii: "0"), at(start + 1) | 0x20 == UInt8(ascii: "x") { return start + 2 }
        return start
    }

    private static func isHexDigit(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            || (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "f"))
    }

    /// `_parse_integer()`: digits of `base` from `start`; returns how many were read and
    /// whether the value overflowed 64 bits (the result is then wrong, as in C, and unused).
    static func parseInteger(_ s: [UInt8], _ start: Int, _ base: UInt64) -> (value: UInt64, count: Int, overflow: Bool)
    {
        var result: UInt64 = 0
        var count = 0
        var overflow = false
        var index = start
        while index < s.count {
            let c = s[index]
            let lc = c | 0x20
            let digit: UInt64
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                digit = UInt64(c - UInt8(ascii: "0"))
            } else if lc >= UInt8(ascii: "a") && lc <= UInt8(ascii: "f") {
                digit = UInt64(lc - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            if digit >= base { break }
            // Check for overflow only if we are within range of it in the max base we support (16).
            if result & (~UInt64(0) << 60) != 0, result > (UInt64.max - digit) / base { overflow = true }
            result = result &* base &+ digit
            count += 1
            index += 1
        }
        return (result, count, overflow)
    }

    /// `_kstrtoull()`: the whole string (but one trailing newline) must be digits.
    private static func kstrtoullBody(_ s: [UInt8], _ start: Int, _ base: UInt32, _ res: inout UInt64) -> Int32 {
        var radix = UInt64(base)
        let digitsStart = fixupRadix(s, start, &radix)
        let parsed = parseInteger(s, digitsStart, radix)
        if parsed.overflow { return -Errno.ERANGE }
        if parsed.count == 0 { return -Errno.EINVAL }
        var end = digitsStart + parsed.count
        if end < s.count, s[end] == UInt8(ascii: "\n") { end += 1 }
        if end < s.count { return -Errno.EINVAL }
        res = parsed.value
        return 0
    }

    /// `kstrtoull()`: an optional `+`, then `_kstrtoull()`. A `-` is refused (`-EINVAL`).
    package static func kstrtoull(_ text: String, _ base: UInt32, _ res: inout UInt64) -> Int32 {
        let s = Array(text.utf8)
        return kstrtoullBody(s, s.first == UInt8(ascii: "+") ? 1 : 0, base, &res)
    }

    /// `kstrtoll()`: an optional sign; `-ERANGE` beyond `LLONG_MIN`…`LLONG_MAX`.
    package static func kstrtoll(_ text: String, _ base: UInt32, _ res: inout Int64) -> Int32 {
        let s = Array(text.utf8)
        var tmp: UInt64 = 0
        if s.first == UInt8(ascii: "-") {
            let rv = kstrtoullBody(s, 1, base, &tmp)
            if rv < 0 { return rv }
            // if ((long long)-tmp > 0) return -ERANGE;
            if Int64(bitPattern: 0 &- tmp) > 0 { return -Errno.ERANGE }
            res = Int64(bitPattern: 0 &- tmp)
        } else {
            let rv = kstrtoullBody(s, s.first == UInt8(ascii: "+") ? 1 : 0, base, &tmp)
            if rv < 0 { return rv }
            if Int64(bitPattern: tmp) < 0 { return -Errno.ERANGE }
            res = Int64(bitPattern: tmp)
        }
        return 0
    }

    /// The fixed-width `kstrtou8()`, `kstrtou16()`, `kstrtouint()`, `kstrtoul()`: `kstrtoull()`
    /// then `-ERANGE` when the value does not fit `bits` bits.
    package static func kstrtou(_ text: String, bits: Int, _ res: inout UInt64) -> Int32 {
        var tmp: UInt64 = 0
        let rv = kstrtoull(text, 0, &tmp)
        if rv < 0 { return rv }
        if bits < 64, tmp >> UInt64(bits) != 0 { return -Errno.ERANGE }
        res = tmp
        return 0
    }

    /// The fixed-width `kstrtos16()`, `kstrtoint()`, `kstrtol()`: `kstrtoll()` then `-ERANGE`
    /// when the value does not fit `bits` bits.
    package static func kstrtos(_ text: String, bits: Int, _ res: inout Int64) -> Int32 {
        var tmp: Int64 = 0
        let rv = kstrtoll(text, 0, &tmp)
        if rv < 0 { return rv }
        if bits < 64 {
            let limit = Int64(1) << Int64(bits - 1)
            if tmp < -limit || tmp >= limit { return -Errno.ERANGE }
        }
        res = tmp
        return 0
    }
}
