/// What the build stamped into the kernel: the parts of `linux_banner` (init/version.c,
/// init/version-timestamp.c from 6.2) and what stack dumps print after the release. The `build`
/// statement of a `.boot` file:
///
///     build compiler="gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0" linker="GNU ld (GNU Binutils for Debian) 2.40"
///           version="#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2025-05-20)" user="debian-kernel@lists.debian.org"
///           package=" Debian 6.1.192-2"
public struct KernelBuild: Sendable, Hashable {
    /// `LINUX_COMPILE_BY` (`KBUILD_BUILD_USER`).
    public var user: String = "initcall-sim"
    /// `LINUX_COMPILE_HOST` (`KBUILD_BUILD_HOST`); nil when ``user`` already holds `user@host`.
    public var host: String? = "localhost"
    /// The compiler: `CONFIG_CC_VERSION_TEXT` (the first line of `$CC --version`) from 5.8, the
    /// `gcc version …` line of `$CC -v` before.
    public var compiler: String = "initcall-sim virtual toolchain"
    /// The linker's first `$LD -v` line, printed after the compiler from 5.8 (4dcc9a88448a
    /// "kbuild: mkcompile_h: Include $LD version in /proc/version"); nil prints none.
    public var linker: String?
    /// `UTS_VERSION`: `#<build> SMP [PREEMPT_DYNAMIC|PREEMPT|PREEMPT_RT] <timestamp>`, or a
    /// distribution's own text after the build number.
    public var version: String = KernelBuild.defaultVersion
    /// Debian's `LINUX_PACKAGE_ID` (` Debian 6.1.192-2`, leading space included), which
    /// Debian's kernels print after the build number in stack dumps; nil for other kernels.
    public var packageID: String?
    /// What `preempt_model_str()` returns (`PREEMPT(voluntary)`), printed in stack dumps from
    /// 6.15; nil derives it from ``version``.
    public var preemptModel: String?

    /// The `UTS_VERSION` of initcall-sim's own build: a `PREEMPT_DYNAMIC` kernel built at the
    /// epoch.
    public static let defaultVersion = "#1 SMP PREEMPT_DYNAMIC " + epoch

    /// `date` of a build with `SOURCE_DATE_EPOCH=0`, as `UTS_VERSION` ends.
    private static let epoch = "Thu Jan  1 00:00:00 UTC 1970"

    /// The build of initcall-sim's virtual toolchain, stamped as a reproducible build
    /// (`SOURCE_DATE_EPOCH=0`) would be.
    public init() {}

    /// `LINUX_COMPILE_BY "@" LINUX_COMPILE_HOST`.
    public var compiledBy: String { host.map { "\(user)@\($0)" } ?? user }

    /// The first word of `UTS_VERSION` (`#1`), which `dump_stack_print_info()` prints
    /// (`%.*s` up to the first space).
    public var buildNumber: Substring { version.prefix { $0 != " " } }

    /// `preempt_model_str()` (kernel/sched/core.c, 8bdc5daaa01e): ``preemptModel`` when set;
    /// else from the words of ``version``: `PREEMPT_DYNAMIC` gives `PREEMPT(voluntary)` (the
    /// distributions' default mode), `PREEMPT_RT` `PREEMPT_RT`, `PREEMPT` `PREEMPT`, none `NONE`.
    public var preemptModelString: String {
        if let preemptModel { return preemptModel }
        let words = version.split(separator: " ")
        if words.contains("PREEMPT_DYNAMIC") { return "PREEMPT(voluntary)" }
        if words.contains("PREEMPT_RT") { return "PREEMPT_RT" }
        if words.contains("PREEMPT") { return "PREEMPT" }
        return "NONE"
    }

    /// ``version`` as `release` prints it: initcall-sim's own default says `PREEMPT` before
    /// `UTS_VERSION` could say `PREEMPT_DYNAMIC` (``KernelVersion/utsVersionNamesPreemptDynamic``);
    /// a version the description sets is printed as written.
    public func utsVersion(release: KernelVersion) -> String {
        guard version == KernelBuild.defaultVersion, !release.utsVersionNamesPreemptDynamic else { return version }
        return "#1 SMP PREEMPT " + KernelBuild.epoch
    }

    /// `linux_banner` for `release`: `Linux version %s (%s) (%s) %s`, the compiler part naming
    /// the linker too from 5.8.
    public func banner(release: KernelVersion) -> String {
        var toolchain = compiler
        if release.bannerNamesLinker, let linker { toolchain += ", " + linker }
        return "Linux version \(release.release) (\(compiledBy)) (\(toolchain)) \(utsVersion(release: release))"
    }
}
