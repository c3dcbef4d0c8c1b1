import KernelBoot
import KernelLink
import KernelModel
import TestSupport
import Testing

/// The lines around the initcalls — `smp_init()`, the root mount, `free_initmem()`,
/// `mark_rodata_ro()`, `run_init_process()` and the banner — in the wording of each release
/// (see KernelVersion+Eras.swift for the commits).
@Suite("the boot's frame by release")
struct BootFrameEraTests {
    struct Era: Sendable, CustomTestStringConvertible {
        var release: String
        /// The frame's lines from the CPUs' bring-up to init, in order.
        var lines: [String]
        var testDescription: String { release }
    }

    static let eras: [Era] = [
        Era(
            release: "2.6.20",
            lines: [
                "Brought up 4 CPUs",
                "VFS: Mounted root (ext4 filesystem) readonly.",
                "Freeing unused kernel memory: 2560k freed",
                "Write protecting the kernel read-only data: 26624k",
            ]),
        Era(
            release: "2.6.27",
            lines: [
                "Brought up 4 CPUs",
                "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.",
                "Freeing unused kernel memory: 2560k freed",
                "Write protecting the kernel read-only data: 26624k",
            ]),
        Era(
            release: "3.2.0",
            lines: [
                "Brought up 4 CPUs",
                "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.",
                "devtmpfs: mounted",
                "Freeing unused kernel memory: 2560k freed",
                "Write protecting the kernel read-only data: 26624k",
                "Freeing unused kernel memory: 2040k freed",
                "Freeing unused kernel memory: 1408k freed",
            ]),
        Era(
            release: "4.4.0",
            lines: [
                "x86: Booted up 1 node, 4 CPUs",
                "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.",
                "devtmpfs: mounted",
                "Freeing unused kernel memory: 2560K (ffffffff81f3c000 - ffffffff821bc000)",
                "Write protecting the kernel read-only data: 26624k",
                "Freeing unused kernel memory: 2040K (ffffffff81a02000 - ffffffff81c00000)",
                "Freeing unused kernel memory: 1408K (ffffffff81ca0000 - ffffffff81e00000)",
            ]),
        Era(
            release: "4.14.0",
            lines: [
                "smp: Bringing up secondary CPUs ...",
                "smp: Brought up 1 node, 4 CPUs",
                "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.",
                "devtmpfs: mounted",
                "Freeing unused kernel memory: 2560K",
                "Write protecting the kernel read-only data: 26624k",
                "Freeing unused kernel memory: 2040K",
                "Freeing unused kernel memory: 1408K",
            ]),
        Era(
            release: "4.19.0",
            lines: [
                "smp: Bringing up secondary CPUs ...",
                "smp: Brought up 1 node, 4 CPUs",
                "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.",
                "devtmpfs: mounted",
                "Freeing unused kernel image memory: 2560K",
                "Write protecting the kernel read-only data: 26624k",
                "Freeing unused kernel image memory: 2040K",
                "Freeing unused kernel image memory: 1408K",
                "Run /sbin/init as init process",
            ]),
        Era(
            release: "6.1.0",
            lines: [
                "smp: Bringing up secondary CPUs ...",
                "smp: Brought up 1 node, 4 CPUs",
                "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.",
                "devtmpfs: mounted",
                "Freeing unused kernel image (initmem) memory: 2560K",
                "Write protecting the kernel read-only data: 26624k",
                "Freeing unused kernel image (text/rodata gap) memory: 2040K",
                "Freeing unused kernel image (rodata/data gap) memory: 1408K",
                "Run /sbin/init as init process",
                "  with arguments:",
                "    /sbin/init",
                "  with environment:",
                "    HOME=/",
                "    TERM=linux",
            ]),
    ]

    /// The frame's lines: everything from the bring-up on that is not an initcall's.
    static func frame(_ result: BootResult) -> [String] {
        let lines = TestKernel.lines(result)
        let start = lines.firstIndex { $0.hasPrefix("smp:") || $0.hasPrefix("Brought up") || $0.hasPrefix("x86:") }
        return Array(lines[(start ?? lines.endIndex)...]).filter {
            !$0.hasPrefix("calling") && !$0.hasPrefix("initcall") && !$0.hasPrefix("EXT4-fs")
        }
    }

    static func boot(_ release: String) throws -> BootResult {
        try TestKernel.boot("", version: release) { kernel in
            kernel.cpus = 4
            kernel.config.devtmpfsMount = true
        }
    }

    @Test(arguments: eras) func frameFollowsTheRelease(_ era: Era) throws {
        #expect(Self.frame(try Self.boot(era.release)) == era.lines)
    }

    /// Before 2.6.24 the write-protect line, and before 2.6.39 the root-mount line, are printks
    /// without a level.
    @Test func levelLessPrintksOfOldReleases() throws {
        let result = try Self.boot("2.6.20")
        let writeProtect = try #require(result.records.first { $0.text.hasPrefix("Write protecting") })
        let mounted = try #require(result.records.first { $0.text.hasPrefix("VFS: Mounted root") })
        #expect(writeProtect.level == .KERN_DEFAULT && mounted.level == .KERN_DEFAULT)
        let current = try Self.boot("6.1.0")
        #expect(current.records.first { $0.text.hasPrefix("VFS: Mounted root") }?.level == .KERN_INFO)
    }

    /// initcall-sim's own `UTS_VERSION` says `PREEMPT` before `PREEMPT_DYNAMIC` could be printed;
    /// a version the description sets is printed as written.
    @Test func bannerPreemptWordFollowsTheRelease() throws {
        let old = try TestKernel.lines(Self.boot("5.17.0"))
        #expect(old.first?.hasSuffix(") #1 SMP PREEMPT Thu Jan  1 00:00:00 UTC 1970") == true)
        let new = try TestKernel.lines(Self.boot("5.18.0"))
        #expect(new.first?.hasSuffix(") #1 SMP PREEMPT_DYNAMIC Thu Jan  1 00:00:00 UTC 1970") == true)
        var build = KernelBuild()
        build.version = "#1 SMP PREEMPT_DYNAMIC Debian 5.10.1 (2020-12-20)"
        #expect(build.banner(release: KernelVersion("5.10.0")).hasSuffix(build.version))
    }

    /// The boot's events are the same in every release: timelines and `reachedInit` do not
    /// depend on what the frame prints.
    @Test func eventsDoNotDependOnTheWording() throws {
        let old = try Self.boot("2.6.27")
        let new = try Self.boot("6.1.0")
        #expect(old.reachedInit && new.reachedInit)
        #expect(old.events.map(\.kind) == new.events.map(\.kind))
    }
}
