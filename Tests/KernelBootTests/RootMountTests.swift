import KernelBoot
import KernelLink
import KernelModel
import TestSupport
import Testing

/// init/do_mounts.c: `prepare_namespace()` and the root mount, against the kernel's own text.
@Suite("prepare_namespace")
struct RootMountTests {
    /// A `.boot` description of release `kernel` with `machine` (disks, filesystems) and one
    /// late initcall, booted with `cmdline`.
    static func boot(_ kernel: String = "6.8.0", _ cmdline: String, _ machine: String = "") throws -> BootResult {
        let line = cmdline.contains("initcall_debug") ? cmdline : (cmdline + " initcall_debug")
        let description = try Fixtures.parse(
            """
            kernel "\(kernel)"
            cmdline "\(line)"
            \(machine)
            object drivers/misc/last.o
              late_initcall_sync last_init time=10us
            """)
        return try Linker.link(description).boot()
    }

    static let vda = """
        disk vda size=8G driver=virtio_blk
        partition vda1 size=8191M fs=ext4 uuid=0ad5a0c6-01 holds=/sbin/init,/bin/sh
        """

    /// The records after the last initcall's return line.
    static func tail(_ result: BootResult) -> [String] {
        let lines = TestKernel.lines(result)
        guard let last = lines.lastIndex(where: { $0.hasPrefix("initcall last_init") }) else { return lines }
        return Array(lines[(last + 1)...])
    }

    // MARK: No usable root

    /// Reference §16: a Debian 6.1 cloud kernel under QEMU with no disk, no initramfs and
    /// `panic=-1 initcall_debug`, after its last initcall, printed exactly this (timestamps
    /// cut) and rebooted at once.
    @Test func aDebian61BootWithNoDiskEndsAsTheRealOneDid() throws {
        let result = try Self.boot(
            "6.1.0-56-cloud-amd64", "panic=-1 initcall_debug",
            """
            build version="#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2025-05-20)" package=" Debian 6.1.192-2"
            hardware "QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014"
            kaslr 0x2ce00000
            """)
        #expect(
            Self.tail(result) == [
                "/dev/root: Can't open blockdev",
                "VFS: Cannot open root device \"(null)\" or unknown-block(0,0): error -6",
                "Please append a correct \"root=\" boot option; here are the available partitions:",
                "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
                "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.1.0-56-cloud-amd64 #1  Debian 6.1.192-2",
                "Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014",
                "Call Trace:",
                " <TASK>",
                " dump_stack_lvl+0x44/0x5c",
                " panic+0x118/0x2f4",
                " mount_block_root+0x14e/0x1e6",
                " prepare_namespace+0x136/0x165",
                " kernel_init_freeable+0x250/0x27a",
                " ? rest_init+0xd0/0xd0",
                " kernel_init+0x16/0x130",
                " ret_from_fork+0x22/0x30",
                " </TASK>",
                "Kernel Offset: 0x2ce00000 from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)",
            ])
        #expect(result.outcome == .panicked("VFS: Unable to mount root fs on unknown-block(0,0)"))
        #expect(!TestKernel.lines(result).contains { $0.hasPrefix("Freeing unused kernel") })
        let levels = Dictionary(uniqueKeysWithValues: result.records.suffix(18).map { ($0.text, $0.level) })
        #expect(levels["/dev/root: Can't open blockdev"] == .KERN_ERR)
        #expect(
            levels["Please append a correct \"root=\" boot option; here are the available partitions:"] == .KERN_WARNING
        )
        #expect(levels["Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)"] == .KERN_EMERG)
    }

    /// 6.5's do_mounts.c: the root= text verbatim (`""` unset), and the bdev filesystems listed
    /// (`pr_err`) before the panic, one record each, then an empty one.
    @Test func from65TheFilesystemsAreListedAndTheNameIsVerbatim() throws {
        let result = try Self.boot("6.8.0", "root=/dev/vdb1", Self.vda)
        #expect(
            Array(Self.tail(result).prefix(13)) == [
                "/dev/root: Can't open blockdev",
                "VFS: Cannot open root device \"/dev/vdb1\" or unknown-block(0,0): error -6",
                "Please append a correct \"root=\" boot option; here are the available partitions:",
                "fe00         8388608 vda ",
                " driver: virtio_blk",
                "  fe01         8387584 vda1 0ad5a0c6-01",
                "",
                "List of all bdev filesystems:",
                " ext3",
                " ext2",
                " ext4",
                "",
                "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)",
            ])
        let list = try #require(result.records.firstIndex { $0.text == "List of all bdev filesystems:" })
        #expect(result.records[list...].prefix(5).allSatisfy { $0.level == .KERN_ERR })
        let unset = try Self.boot("6.8.0", "initcall_debug")
        #expect(Self.tail(unset)[1] == "VFS: Cannot open root device \"\" or unknown-block(0,0): error -6")
    }

    /// Before 4.9 the partition list's printks continue one another (no KERN_CONT needed).
    @Test func before49ThePartitionLinesAreWhole() throws {
        let result = try Self.boot("4.8.0", "root=/dev/vdb1", Self.vda)
        let tail = Self.tail(result)
        #expect(tail[3] == "fe00         8388608 vda  driver: virtio_blk")
        #expect(tail[4] == "  fe01         8387584 vda1 0ad5a0c6-01")
        #expect(tail[5] == "Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)")
    }

    @Test func aFilesystemNoneCanMountListsWhatWasTried() throws {
        let machine = Self.vda + "\nfilesystems ext4 vfat"
        let modern = try Self.boot("6.8.0", "root=/dev/vda1 rootfstype=vfat", machine)
        #expect(
            Array(Self.tail(modern).prefix(7)) == [
                "List of all partitions:",
                "fe00         8388608 vda ",
                " driver: virtio_blk",
                "  fe01         8387584 vda1 0ad5a0c6-01",
                "",
                "No filesystem could mount root, tried: ",
                " vfat",
            ])
        #expect(modern.outcome == .panicked("VFS: Unable to mount root fs on \"/dev/vda1\" or unknown-block(254,1)"))
        let old = try Self.boot("6.1.0", "root=/dev/vda1 rootfstype=vfat", machine)
        #expect(old.outcome == .panicked("VFS: Unable to mount root fs on unknown-block(254,1)"))
        // A type the kernel does not have is -ENODEV: the device is blamed.
        let missing = try Self.boot("6.1.0", "root=/dev/vda1 rootfstype=btrfs", machine)
        #expect(Self.tail(missing)[0] == "VFS: Cannot open root device \"vda1\" or unknown-block(254,1): error -19")
    }

    @Test func withoutAnyBdevFilesystemThe65KernelSaysSo() throws {
        var kernel = try Fixtures.parse("kernel \"6.8.0\"\ncmdline \"rootfstype=ext4\"\n")
        kernel.filesystems = []
        let lines = TestKernel.lines(try Linker.link(kernel).boot())
        // rootfstype= names a type the kernel lacks (-ENODEV); the list it then prints is empty.
        #expect(lines.contains("VFS: Cannot open root device \"\" or unknown-block(0,0): error -19"))
        #expect(lines.contains("Can't find any bdev filesystem to be used for mount!"))
        // With nothing to try at all, the loop never runs: the "no filesystem" path.
        kernel.commandLine = ""
        let none = TestKernel.lines(try Linker.link(kernel).boot())
        let tried = try #require(none.firstIndex(of: "No filesystem could mount root, tried: "))
        #expect(none[tried - 1] == "List of all partitions:")
        #expect(none[tried + 1] == "")
    }

    // MARK: Mounting

    @Test func theRootMountsReadOnlyByDefaultAndReadWriteWithRw() throws {
        let readOnly = try Self.boot("6.8.0", "root=/dev/vda1", Self.vda)
        #expect(
            Array(Self.tail(readOnly).prefix(4)) == [
                "EXT4-fs (vda1): couldn't mount as ext3 due to feature incompatibilities",
                "EXT4-fs (vda1): couldn't mount as ext2 due to feature incompatibilities",
                "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.",
                "devtmpfs: mounted",
            ])
        #expect(Self.tail(readOnly)[4].hasPrefix("Freeing unused kernel image (initmem) memory: "))
        #expect(readOnly.outcome == .reachedInit("/sbin/init"))
        let readWrite = try Self.boot("6.8.0", "root=/dev/vda1 rw rootfstype=ext4", Self.vda)
        #expect(Self.tail(readWrite)[0] == "VFS: Mounted root (ext4 filesystem) on device 254:1.")
        let again = try Self.boot("6.8.0", "root=/dev/vda1 rw ro rootfstype=ext4", Self.vda)
        #expect(Self.tail(again)[0] == "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.")
    }

    @Test(arguments: ["PARTUUID=0AD5A0C6-01", "254:1", "fe01", "/dev/vda1"])
    func rootNamesTheDeviceEveryWayTheKernelReads(_ root: String) throws {
        let result = try Self.boot("6.8.0", "root=\(root) rootfstype=ext4", Self.vda)
        #expect(Self.tail(result)[0] == "VFS: Mounted root (ext4 filesystem) readonly on device 254:1.")
    }

    @Test func theFilesystemDriverSaysWhatItMountedAndInitRunsFromIt() throws {
        let result = try Self.boot(
            "7.0.0", "root=/dev/sda2 rootfstype=ext4",
            """
            disk sda size=32G driver=sd
            partition sda1 size=1G fs=vfat
            partition sda2 size=30G fs=ext4 holds=/bin/sh printk=KERN_INFO:"EXT4-fs (sda2): mounted filesystem ro with ordered data mode. Quota mode: none."
            config CONFIG_DEVTMPFS_MOUNT=n
            """)
        #expect(
            Array(Self.tail(result).prefix(3)) == [
                "EXT4-fs (sda2): mounted filesystem ro with ordered data mode. Quota mode: none.",
                "VFS: Mounted root (ext4 filesystem) readonly on device 8:2.",
                "VFS: Pivoted into new rootfs",
            ])
        #expect(Self.tail(result)[3].hasPrefix("Freeing unused kernel image (initmem) memory: "))
        // /sbin/init, /etc/init and /bin/init are tried first.
        #expect(result.outcome == .reachedInit("/bin/sh"))
        #expect(TestKernel.lines(result).filter { $0.hasPrefix("Run ") }.count == 4)
    }

    @Test func aDiskWhoseDriverNeverRanIsNotThere() throws {
        let machine = """
            disk vda size=8G driver=virtio_blk requires=virtio-blk
            partition vda1 size=8191M fs=ext4 holds=/sbin/init
            """
        let without = try Self.boot("6.8.0", "root=/dev/vda1", machine)
        #expect(without.outcome == .panicked("VFS: Unable to mount root fs on unknown-block(0,0)"))
        #expect(!TestKernel.lines(without).contains(" driver: virtio_blk"))
        let description = try Fixtures.parse(
            """
            kernel "6.8.0"
            cmdline "root=/dev/vda1"
            \(machine)
            object drivers/block/virtio_blk.o
              module_init virtio_blk_init provides=virtio-blk
            """)
        #expect(try Linker.link(description).boot().reachedInit)
    }

    // MARK: Waiting for the root

    @Test func rootdelayAndRootwaitWaitForALateDisk() throws {
        let machine = """
            disk sda size=16G driver=sd appears=1200ms
            partition sda1 size=16G fs=ext4 holds=/sbin/init
            """
        let result = try Self.boot("6.8.0", "root=/dev/sda1 rootwait rootdelay=1", machine)
        let lines = Self.tail(result)
        #expect(lines[0] == "Waiting 1 sec before mounting root device...")
        #expect(lines[1] == "Waiting for root device /dev/sda1...")
        #expect(result.reachedInit)
        let waiting = try #require(result.records.first { $0.text.hasPrefix("Waiting for root") })
        let mounted = try #require(result.records.first { $0.text.hasPrefix("VFS: Mounted root") })
        // msleep(5) until the disk appears, 1.2 s after prepare_namespace() began.
        #expect(mounted.timestamp - waiting.timestamp >= 200_000_000)
        #expect(mounted.timestamp - waiting.timestamp < 210_000_000)
        // Without rootwait the mount comes first and fails.
        let early = try Self.boot("6.8.0", "root=/dev/sda1", machine)
        #expect(early.outcome == .panicked("VFS: Unable to mount root fs on unknown-block(0,0)"))
    }

    @Test func rootwaitForADiskThatNeverComesWaitsForEver() throws {
        let result = try Self.boot("6.1.0", "root=/dev/sdb1 rootwait", Self.vda)
        #expect(Self.tail(result) == ["Waiting for root device /dev/sdb1..."])
        #expect(result.outcome == .hung("waits for ever for root device /dev/sdb1 (rootwait)"))
        #expect(!result.reachedInit)
    }

    @Test func from66RootwaitTakesATimeout() throws {
        let result = try Self.boot("6.6.0", "root=/dev/sdb1 rootwait=2", Self.vda)
        let lines = Self.tail(result)
        #expect(lines[0] == "Waiting for root device /dev/sdb1...")
        #expect(lines[1] == "/dev/root: Can't open blockdev")
        let waiting = try #require(result.records.first { $0.text.hasPrefix("Waiting for root") })
        let failed = try #require(result.records.first { $0.text.hasPrefix("/dev/root") })
        #expect(failed.timestamp - waiting.timestamp > 2_000_000_000)
        let invalid = try Self.boot("6.6.0", "root=/dev/sdb1 rootwait=soon", Self.vda)
        #expect(TestKernel.lines(invalid).contains("ignoring invalid rootwait value"))
        #expect(invalid.outcome == .hung("waits for ever for root device /dev/sdb1 (rootwait)"))
    }

    @Test func from65AnInvalidRootDisablesRootwait() throws {
        let result = try Self.boot("6.8.0", "root=vda1 rootwait", Self.vda)
        let lines = Self.tail(result)
        #expect(lines[0] == "Disabling rootwait; root= is invalid.")
        #expect(lines[2] == "VFS: Cannot open root device \"vda1\" or unknown-block(0,0): error -6")
        // 6.1 has no such check: it waits for ever.
        #expect(try Self.boot("6.1.0", "root=vda1 rootwait", Self.vda).outcome.isHung)
    }

    // MARK: initramfs

    @Test func anInitramfsWithInitSkipsTheMount() throws {
        let result = try Self.boot("6.8.0", "", "initramfs")
        #expect(result.outcome == .reachedInit("/init"))
        #expect(!TestKernel.lines(result).contains { $0.hasPrefix("VFS:") || $0.hasPrefix("/dev/root") })
        // Without /init the real root is mounted, and init comes from it.
        let mounted = try Self.boot("6.8.0", "root=/dev/vda1", "initramfs /bin/busybox\n" + Self.vda)
        #expect(mounted.outcome == .reachedInit("/sbin/init"))
        let rdinit = try Self.boot("6.8.0", "rdinit=/bin/busybox", "initramfs /bin/busybox")
        #expect(rdinit.outcome == .reachedInit("/bin/busybox"))
    }

    @Test func from615AMissingRdinitIsReportedBeforeTheMount() throws {
        let result = try Self.boot("6.15.0", "rdinit=/nothere root=/dev/vda1", "initramfs\n" + Self.vda)
        let lines = Self.tail(result)
        #expect(lines[0] == "check access for rdinit=/nothere failed: -2, ignoring")
        #expect(lines.contains("VFS: Mounted root (ext4 filesystem) readonly on device 254:1."))
    }
}

extension BootOutcome {
    var isHung: Bool {
        if case .hung = self { return true }
        return false
    }
}
