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
    /// `params` is the `__param` table (nil: none, as the early and init-argument passes pass
    /// `NULL`); `trace`, when given, records what became of each token, `offset` bytes into the
    /// whole command line.
    static func parse(
        doing: String, line: String, params: ParamTable?, minLevel: Int, maxLevel: Int,
        options: inout BootOptions, log: (LogLevel, String) -> Void, trace: CommandLineTrace? = nil,
        offset: Int = 0, unknown: UnknownHandler?
    ) -> Result {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, NextArg.isSpace(bytes[index]) { index += 1 }
        var error: Int32?
        // A level's pass is the one with a table and a single level (the early pass also asks
        // for level 0, but has no table).
        let level = params != nil && minLevel == maxLevel && minLevel >= 0 ? minLevel : nil
        func print(_ level: LogLevel, _ text: String) {
            log(level, text)
            trace?.note(text)
        }
        while index < bytes.count {
            let start = index
            let (token, next) = NextArg.next(bytes, from: index)
            index = next
            trace?.begin(pass: doing, level: level, offset: offset + start, param: token.param, value: token.value)
            defer { trace?.end() }
            // Stop at --
            if token.value == nil, token.param == "--" {
                trace?.act(.endOfOptions, detail: error.map { "an earlier parameter failed (\(Errno.describe($0)))" })
                if let error { return .finished(error: error) }
                return .dashes(rest: String(decoding: bytes[index...], as: UTF8.self))
            }
            let (ret, shown) = parseOne(
                token.param, token.value, doing: doing, params: params, minLevel: minLevel, maxLevel: maxLevel,
                options: &options, log: print, trace: trace, unknown: unknown)
            if ret == 0 { continue }
            let value = shown ?? token.value ?? ""
            switch -ret {
            case Errno.ENOENT:
                print(.KERN_ERR, "\(doing): Unknown parameter `\(token.param)'")
            case Errno.ENOSPC:
                print(.KERN_ERR, "\(doing): `\(value)' too large for parameter `\(token.param)'")
            default:
                print(.KERN_ERR, "\(doing): `\(value)' invalid for parameter `\(token.param)'")
            }
            trace?.fail(Errno.describe(ret))
            error = ret
        }
        return .finished(error: error)
    }

    /// `parse_one()`: the first parameter whose name `parameq()`s is set, if its level is in
    /// range; another level's is left alone (0); a bare name only reaches ops that take one.
    /// Returns the errno and, for arrays, the value as the error message shows it
    /// (`param_array()` overwrites the commas it passes with NULs and never restores them).
    static func parseOne(
        _ param: String, _ value: String?, doing: String, params: ParamTable?, minLevel: Int, maxLevel: Int,
        options: inout BootOptions, log: (LogLevel, String) -> Void, trace: CommandLineTrace? = nil,
        unknown: UnknownHandler?
    ) -> (Int32, String?) {
        if let params, let index = params.find(param) {
            let entry = params.entries[index]
            // Parameters of other levels are silently left for their own pass.
            if entry.param.level < minLevel || entry.param.level > maxLevel {
                trace?.act(.otherLevel, target: entry.fullName, detail: params.passName(index))
                return (0, nil)
            }
            trace?.act(.error, target: entry.fullName)
            if value == nil, !entry.param.acceptsNoArgument { return (-Errno.EINVAL, nil) }
            let ret = params.set(index, value, log: log)
            if ret == 0, index < params.builtinCount {
                KernelParam.apply(entry.fullName, params.values[index], to: &options)
            }
            if let trace {
                // What sysfs reads now: the new value, or after an error what is left (an array
                // keeps the elements set before the bad one).
                var shown = params.get(index)
                if shown.hasSuffix("\n") { shown.removeLast() }
                trace.act(ret == 0 ? .set : .error, target: entry.fullName, detail: shown)
            }
            if case .array = entry.param.kind, let value, let comma = value.firstIndex(of: ",") {
                return (ret, String(value[..<comma]))
            }
            return (ret, nil)
        }
        if let unknown { return (unknown(param, value, doing, &options), nil) }
        return (-Errno.ENOENT, nil)
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
