import KernelModel

/// `parse_args()` and `parse_one()` (kernel/params.c): one pass over a command line that sets
/// the known parameters whose level is in `[minLevel, maxLevel]` and hands the rest to an
/// "unknown" handler. Errors are printed and parsing goes on, as current kernels do.
struct ParseArgs {
    enum Result: Equatable {
        /// Parsing reached the end; `error` is the last parameter error, if any.
        case finished(error: Int32?)
        /// A bare `--` ended kernel parsing; `rest` is what follows, for init.
        case dashes(rest: String)
    }

    /// An unknown-parameter handler: `(param, value, doing, options) -> errno or 0`.
    typealias UnknownHandler = (String, String?, String, inout BootOptions) -> Int32

    /// Parses `line`. `log` receives the error messages, with the kernel's backquote quoting.
    static func parse(
        doing: String, line: String, params: [KernelParam], minLevel: Int, maxLevel: Int,
        options: inout BootOptions, log: (LogLevel, String) -> Void, unknown: UnknownHandler?
    ) -> Result {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, NextArg.isSpace(bytes[index]) { index += 1 }
        var error: Int32?
        while index < bytes.count {
            let (token, next) = NextArg.next(bytes, from: index)
            index = next
            // Stop at --
            if token.value == nil, token.param == "--" {
                if let error { return .finished(error: error) }
                return .dashes(rest: String(decoding: bytes[index...], as: UTF8.self))
            }
            let ret = parseOne(
                token.param, token.value, doing: doing, params: params, minLevel: minLevel, maxLevel: maxLevel,
                options: &options, unknown: unknown)
            if ret == 0 { continue }
            let value = token.value ?? ""
            switch -ret {
            case Errno.ENOENT:
                log(.KERN_ERR, "\(doing): Unknown parameter `\(token.param)'")
            case Errno.ENOSPC:
                log(.KERN_ERR, "\(doing): `\(value)' too large for parameter `\(token.param)'")
            default:
                log(.KERN_ERR, "\(doing): `\(value)' invalid for parameter `\(token.param)'")
            }
            error = ret
        }
        return .finished(error: error)
    }

    static func parseOne(
        _ param: String, _ value: String?, doing: String, params: [KernelParam], minLevel: Int, maxLevel: Int,
        options: inout BootOptions, unknown: UnknownHandler?
    ) -> Int32 {
        for kernelParam in params where parameq(param, kernelParam.name) {
            // Parameters of other levels are silently left for their own pass.
            if kernelParam.level < minLevel || kernelParam.level > maxLevel { return 0 }
            if value == nil, !kernelParam.acceptsNoArgument { return -Errno.EINVAL }
            return kernelParam.set(value, &options)
        }
        if let unknown { return unknown(param, value, doing, &options) }
        return -Errno.ENOENT
    }

    /// `parameq()`: equal, with `-` and `_` interchangeable on both sides.
    static func parameq(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return parameqn(x, y, x.count)
    }

    /// `parameqn()`: the first `n` bytes equal, with `-`/`_` folding; a shorter side compares
    /// its terminating NUL, so it only matches if the other ends there too.
    static func parameqn(_ a: [UInt8], _ b: [UInt8], _ n: Int) -> Bool {
        for i in 0..<n {
            let ca: UInt8 = i < a.count ? a[i] : 0
            let cb: UInt8 = i < b.count ? b[i] : 0
            if dashToUnderscore(ca) != dashToUnderscore(cb) { return false }
        }
        return true
    }

    private static func dashToUnderscore(_ c: UInt8) -> UInt8 {
        c == UInt8(ascii: "-") ? UInt8(ascii: "_") : c
    }
}
