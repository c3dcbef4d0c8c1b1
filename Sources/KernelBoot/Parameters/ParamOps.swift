import KernelModel

/// The standard `kernel_param_ops` of kernel/params.c: `param_set_*()` reads a value into the
/// variable, `param_get_*()` formats it as its sysfs file reads (newline included). Shared by
/// the boot's parameter passes and, later, the module loader and sysfs writes.
package enum ParamOps {
    /// What a `set` prints (`pr_err`) goes here, with the kernel's text.
    package typealias Log = (LogLevel, String) -> Void

    /// `ops->set(val, kp)` for a scalar of `type`: 0, or a negative errno with the variable
    /// untouched. `name` is `kp->name`, the full name (`par.age`), for messages. Mirrors
    /// `STANDARD_PARAM_DEF()`'s `param_set_<type>()`, `param_set_charp()`, `param_set_bool()`,
    /// `param_set_invbool()` and `param_set_bint()`.
    package static func set(
        _ type: ParamType, _ val: String?, into variable: inout ParamValue, name: String, version: KernelVersion,
        log: Log
    ) -> Int32 {
        switch type {
        case .byte: return setUnsigned(val, bits: 8, &variable)
        case .ushort: return setUnsigned(val, bits: 16, &variable)
        case .uint, .hexint: return setUnsigned(val, bits: 32, &variable)
        case .ulong, .ullong: return setUnsigned(val, bits: 64, &variable)
        case .short: return setSigned(val, bits: 16, &variable)
        case .int: return setSigned(val, bits: 32, &variable)
        case .long: return setSigned(val, bits: 64, &variable)
        case .charp: return setCharp(val, &variable, name: name, log: log)
        case .bool, .invbool, .bint:
            // param_set_bool(): no equals means "set"...
            guard let value = KstrToBool.parse(val ?? "1", version: version) else { return -Errno.EINVAL }
            switch type {
            case .invbool: variable = .bool(!value)
            case .bint: variable = .signed(value ? 1 : 0)
            default: variable = .bool(value)
            }
            return 0
        }
    }

    private static func setUnsigned(_ val: String?, bits: Int, _ variable: inout ParamValue) -> Int32 {
        guard let val else { return -Errno.EINVAL }
        var result: UInt64 = 0
        let rv = Kstrtox.kstrtou(val, bits: bits, &result)
        if rv == 0 { variable = .unsigned(result) }
        return rv
    }

    private static func setSigned(_ val: String?, bits: Int, _ variable: inout ParamValue) -> Int32 {
        guard let val else { return -Errno.EINVAL }
        var result: Int64 = 0
        let rv = Kstrtox.kstrtos(val, bits: bits, &result)
        if rv == 0 { variable = .signed(result) }
        return rv
    }

    /// `param_set_charp()`: at most 1024 characters; the value is kept as given.
    private static func setCharp(_ val: String?, _ variable: inout ParamValue, name: String, log: Log) -> Int32 {
        guard let val else { return -Errno.EINVAL }
        if val.utf8.count > 1024 {
            log(.KERN_ERR, "\(name): string parameter too long")
            return -Errno.ENOSPC
        }
        variable = .string(val)
        return 0
    }

    /// `param_set_copystring()`: the text and its NUL must fit in the `size`-byte buffer.
    package static func setString(_ val: String?, into variable: inout ParamValue, size: Int, name: String, log: Log)
        -> Int32
    {
        guard let val else { return -Errno.EINVAL }
        if val.utf8.count + 1 > size {
            log(.KERN_ERR, "\(name): string doesn't fit in \(size - 1) chars.")
            return -Errno.ENOSPC
        }
        variable = .string(val)
        return 0
    }

    /// `param_array()` through `param_array_set()`: splits `val` on commas and sets element by
    /// element with the element type's `set`. Before each element, a full array is
    /// "can only take N arguments" (`-EINVAL`); an element's own error stops there. Elements set
    /// before an error stay set, and the count says how many, as in the kernel.
    package static func setArray(
        _ type: ParamType, _ val: String?, elements: inout [ParamValue], count: inout Int, max: Int, name: String,
        version: KernelVersion, log: Log
    ) -> Int32 {
        guard let val else { return -Errno.EINVAL }
        count = 0
        var rest = Substring(val)
        while true {
            if count == max {
                log(.KERN_ERR, "\(name): can only take \(max) arguments")
                return -Errno.EINVAL
            }
            let comma = rest.firstIndex(of: ",")
            let piece = String(rest[..<(comma ?? rest.endIndex)])
            guard count < elements.count else { return -Errno.EINVAL }
            let ret = set(type, piece, into: &elements[count], name: name, version: version, log: log)
            if ret != 0 { return ret }
            count += 1
            guard let comma else { break }
            rest = rest[rest.index(after: comma)...]
        }
        // min is 1 for module_param_array(): always met once an element is set.
        return 0
    }

    /// `ops->get(buffer, kp)` for a scalar: what the sysfs file reads, newline included.
    /// Mirrors `param_get_<type>()` (`%hhu`, `%hi`, `%hu`, `%i`, `%u`, `%li`, `%lu`, `%llu`,
    /// `%#08x`), `param_get_charp()`, `param_get_bool()`, `param_get_invbool()`.
    package static func get(_ type: ParamType, _ value: ParamValue) -> String {
        switch type {
        case .charp: return (value.stringValue ?? "(null)") + "\n"
        case .bool: return (value.boolValue ?? false ? "Y" : "N") + "\n"
        case .invbool: return (value.boolValue ?? false ? "N" : "Y") + "\n"
        case .hexint:
            var spec = PrintkFormat.Spec()
            spec.special = true
            spec.zeroPad = true
            spec.width = 8
            spec.conversion = "x"
            return PrintkFormat.number(value.bits ?? 0, spec) + "\n"
        default:
            switch value {
            case .signed(let number): return String(number) + "\n"
            case .unsigned(let number): return String(number) + "\n"
            case .bool(let flag): return (flag ? "1" : "0") + "\n"
            default: return "0\n"
            }
        }
    }

    /// `param_array_get()`: each element's `get`, the newline before each next one made a
    /// comma; `count` elements (all of them without `nump`). An empty array reads as nothing.
    package static func getArray(_ type: ParamType, _ elements: [ParamValue], count: Int?) -> String {
        let shown = elements.prefix(count ?? elements.count)
        guard !shown.isEmpty else { return "" }
        return shown.map { String(get(type, $0).dropLast()) }.joined(separator: ",") + "\n"
    }

    /// `param_get_string()`.
    package static func getString(_ value: ParamValue) -> String { (value.stringValue ?? "") + "\n" }
}
