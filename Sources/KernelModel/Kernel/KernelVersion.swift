/// A kernel release string (`6.8.0-sim`, `2.6.27`) and the behaviour switches it implies.
/// initcall-sim models the current kernel by default; a release names the era whose level
/// table, `do_initcalls()` shape, linker script and messages a boot follows (see
/// ``LevelTable/linux(for:)`` and the switches in `KernelVersion+Eras.swift`).
public struct KernelVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The release string as `uname -r` prints it.
    public var release: String
    /// The major version (`6` of `6.8.0-sim`); 99 (the current kernel) when there is none.
    public var major: Int
    /// The minor version (`8` of `6.8.0-sim`); 0 when the release has none.
    public var minor: Int
    /// The patch level (`27` of `2.6.27`, `0` of `6.8.0-sim`); 0 when the release has none.
    public var patch: Int

    /// The version of a release string as `uname -r` prints it (`6.8.0-sim`).
    public init(_ release: String) {
        self.release = release
        // `6.1.0-56-cloud-amd64`: the leading dotted numbers only, as KERNEL_VERSION reads them.
        let numbers = KernelVersion.leadingNumbers(release)
        // An unparseable release models the current kernel.
        self.major = numbers.count > 0 ? numbers[0] : 99
        self.minor = numbers.count > 1 ? numbers[1] : 0
        self.patch = numbers.count > 2 ? numbers[2] : 0
    }

    /// The dotted numbers a release starts with (`[2, 6, 27]` of `2.6.27-rc1`), at most three,
    /// each at most six digits.
    private static func leadingNumbers(_ release: String) -> [Int] {
        var numbers: [Int] = []
        for part in release.split(separator: ".", maxSplits: 3, omittingEmptySubsequences: false).prefix(3) {
            let digits = part.prefix { $0.isASCII && $0.isNumber }.prefix(6)
            guard let value = Int(digits) else { break }
            numbers.append(value)
            guard digits.count == part.count else { break }
        }
        return numbers
    }

    public var description: String { release }

    public static func < (lhs: KernelVersion, rhs: KernelVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }

    /// Whether this is `major.minor.patch` or later: how behaviour that changed between
    /// releases is switched. Mirrors `LINUX_VERSION_CODE >= KERNEL_VERSION(major, minor, patch)`
    /// (include/generated/uapi/linux/version.h).
    public func isAtLeast(_ major: Int, _ minor: Int, _ patch: Int = 0) -> Bool {
        (self.major, self.minor, self.patch) >= (major, minor, patch)
    }
}
