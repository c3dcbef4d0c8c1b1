/// A kernel release string (`6.8.0-sim`) and the behaviour switches it implies. initcall-sim
/// models the current kernel; the version only switches details that changed within 6.x.
public struct KernelVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The release string as `uname -r` prints it.
    public var release: String
    public var major: Int
    public var minor: Int

    public init(_ release: String) {
        self.release = release
        let numbers = release.split(whereSeparator: { !$0.isNumber }).prefix(2).compactMap { Int($0) }
        // An unparseable release models the current kernel.
        self.major = numbers.count > 0 ? numbers[0] : 99
        self.minor = numbers.count > 1 ? numbers[1] : 0
    }

    public var description: String { release }

    public static func < (lhs: KernelVersion, rhs: KernelVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public func isAtLeast(_ major: Int, _ minor: Int) -> Bool { (self.major, self.minor) >= (major, minor) }

    /// `initcall_debug` prints "entering initcall level: %s" for every level (init/main.c,
    /// `trace_initcall_level_cb`, merged for 6.15).
    public var printsInitcallLevel: Bool { isAtLeast(6, 15) }

    /// The number of taint flags `print_tainted()` prints (TAINT_FWCTL 'J' arrived in 6.15).
    public var taintFlagCount: Int { isAtLeast(6, 15) ? 20 : 19 }
}
