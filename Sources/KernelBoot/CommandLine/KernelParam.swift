import KernelModel

/// The kernel's own parameters (``ParamEntry/kernelBuiltins``) and where their variables live
/// for the engine: after a pass sets one through its ops, the value is copied into
/// ``BootOptions``, the state `start_kernel()` and `do_one_initcall()` read.
enum KernelParam {
    /// Copies the variable of the kernel's own parameter `fullName` into `options`.
    static func apply(_ fullName: String, _ value: ParamValue, to options: inout BootOptions) {
        switch fullName {
        case "initcall_debug": options.initcallDebug = value.boolValue ?? false
        case "panic": options.panicTimeout = value.intValue ?? 0
        case "panic_on_warn": options.panicOnWarn = value.boolValue ?? false
        case "printk.time": options.printkTime = value.boolValue ?? true
        default: break
        }
    }
}
