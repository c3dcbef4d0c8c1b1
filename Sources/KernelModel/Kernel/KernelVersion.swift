/// A kernel release string (`6.8.0-sim`) and the behaviour switches it implies. initcall-sim
/// models the current kernel; the version only switches details that changed within 6.x.
public struct KernelVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The release string as `uname -r` prints it.
    public var release: String
    /// The major version (`6` of `6.8.0-sim`); 99 (the current kernel) when there is none.
    public var major: Int
    /// The minor version (`8` of `6.8.0-sim`); 0 when the release has none.
    public var minor: Int

    /// The version of a release string as `uname -r` prints it (`6.8.0-sim`).
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

    /// Whether this is `major.minor` or later: how details that changed within 6.x are switched.
    /// Mirrors `LINUX_VERSION_CODE >= KERNEL_VERSION(major, minor, 0)`
    /// (include/generated/uapi/linux/version.h).
    public func isAtLeast(_ major: Int, _ minor: Int) -> Bool { (self.major, self.minor) >= (major, minor) }

    /// `initcall_debug` prints "entering initcall level: %s" for every level (init/main.c,
    /// `trace_initcall_level_cb`, merged for 6.15).
    public var printsInitcallLevel: Bool { isAtLeast(6, 15) }

    /// The number of taint flags `print_tainted()` prints (TAINT_FWCTL 'J' arrived in 6.15).
    public var taintFlagCount: Int { isAtLeast(6, 15) ? 20 : 19 }
}
