import KernelModel

/// A `struct kernel_param` of the built-in `__param` table: a named value with a level.
struct KernelParam: Sendable {
    var name: String
    /// −1 for `core_param`/`module_param`; 1…7 for `core_param_cb` … `late_param_cb`.
    var level: Int
    /// `KERNEL_PARAM_OPS_FL_NOARG`: a bare name is accepted (bool params).
    var acceptsNoArgument: Bool
    /// `ops->set`: returns 0 or a negative errno.
    var set: @Sendable (String?, inout BootOptions) -> Int32

    static func bool(_ name: String, _ keyPath: WritableKeyPath<BootOptions, Bool> & Sendable) -> KernelParam {
        KernelParam(name: name, level: -1, acceptsNoArgument: true) { value, options in
            // param_set_bool: a bare name means true.
            guard let value else {
                options[keyPath: keyPath] = true
                return 0
            }
            guard let parsed = KstrToBool.parse(value) else { return -Errno.EINVAL }
            options[keyPath: keyPath] = parsed
            return 0
        }
    }

    static func int(_ name: String, _ keyPath: WritableKeyPath<BootOptions, Int> & Sendable) -> KernelParam {
        KernelParam(name: name, level: -1, acceptsNoArgument: false) { value, options in
            // param_set_int → kstrtoint: the whole string must be a number.
            guard let value, let parsed = Int32(value) ?? Int32(hexOrOctal: value) else { return -Errno.EINVAL }
            options[keyPath: keyPath] = Int(parsed)
            return 0
        }
    }

    /// The built-in parameters initcall-sim knows, in `__param` link order.
    static let builtin: [KernelParam] = [
        .bool("initcall_debug", \.initcallDebug),
        .int("panic", \.panicTimeout),
        KernelParam(name: "panic_on_warn", level: -1, acceptsNoArgument: false) { value, options in
            guard let value, let parsed = Int32(value) else { return -Errno.EINVAL }
            options.panicOnWarn = parsed != 0
            return 0
        },
        .bool("printk.time", \.printkTime),
    ]
}

extension Int32 {
    /// `kstrtoint(s, 0, …)` for the `0x`/`0` prefixes `Int32(String)` does not take.
    init?(hexOrOctal text: String) {
        if text.hasPrefix("0x") || text.hasPrefix("0X") {
            guard let value = Int32(text.dropFirst(2), radix: 16) else { return nil }
            self = value
        } else if text.count > 1, text.hasPrefix("0") {
            guard let value = Int32(text.dropFirst(), radix: 8) else { return nil }
            self = value
        } else {
            return nil
        }
    }
}
