import SourceInput

/// An initcall's body: Swift code that gets the kernel context and returns what the C function
/// would (`0` or `-Errno.X`). It may `try k.panic(…)`, which never returns. Any other Swift
/// error escaping a body is a bug in the simulated driver: the boot panics, naming it.
public typealias InitcallBody = @Sendable (any KernelContext) throws -> Int32

/// A function that can be registered as an initcall: the C function `static int __init foo(void)`.
public struct InitFunction: Sendable {
    /// The symbol name `%pS` prints and `initcall_blacklist=` matches.
    public var name: String
    /// The symbol size, printed by `%pS` as `name+0x0/0x<size>`.
    public var size: Int
    /// Resources the function is declared to provide or require: used by the dependency checks
    /// without booting. What a body does at run time is recorded separately.
    public var provides: [String]
    /// The resources it is declared to require; the body checks them with
    /// ``KernelContext/require(_:)``.
    public var requires: [String]
    /// What the function does when called: the C function's body.
    public var body: InitcallBody
    /// Virtual time that passes before `do_one_initcall()` (or `console_init()`) reaches this
    /// entry: what a real boot spent between the previous record and this call's `calling`
    /// line (other CPUs, interrupts, the loop itself). `gap=` of an imported log; 0 by default.
    public var gap: UInt64 = 0
    /// The function's own address, where a description gives one (`address=` of a log
    /// imported from 2.6.22–2.6.25, whose `initcall_debug` lines print `%p` of it); nil lets
    /// the boot lay the functions out itself.
    public var address: UInt64?
    /// Virtual time its `calling` line's `printk()` spends writing to the consoles before
    /// `do_one_initcall()` takes its start time (`console_unlock()` flushing this line and
    /// others pending, on a serial console milliseconds a line): it lies between the
    /// `calling` line and the body, outside the printed duration. Only with `initcall_debug`,
    /// which prints the line. `flush=` of an imported log; 0 by default.
    public var flush: UInt64 = 0

    /// A function `name` that runs `body`; `size` defaults to ``defaultSize(for:)`` of the name.
    public init(
        _ name: String, size: Int? = nil, provides: [String] = [], requires: [String] = [], gap: UInt64 = 0,
        address: UInt64? = nil, flush: UInt64 = 0, body: @escaping InitcallBody
    ) {
        self.flush = flush
        self.name = name
        self.size = size ?? InitFunction.defaultSize(for: name)
        self.provides = provides
        self.requires = requires
        self.gap = gap
        self.address = address
        self.body = body
    }

    /// A stable size in 0x20…0x1f0 derived from the name (FNV-1a), so that `%pS` output looks
    /// like a real build's while staying identical on every run and machine.
    public static func defaultSize(for name: String) -> Int {
        let fnv = { (bytes: UnsafeBufferPointer<UInt8>) -> UInt32 in
            var hash: UInt32 = 2_166_136_261
            for byte in bytes {
                hash ^= UInt32(byte)
                hash = hash &* 16_777_619
            }
            return hash
        }
        // Over the contiguous UTF-8 storage: walking `name.utf8` costs more than the hash.
        let hash = name.withUTF8Bytes(fnv)
        return 0x20 + Int(hash % 0x1e) * 0x10
    }
}
