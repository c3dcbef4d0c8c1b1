import KernelModel
import SourceInput
import TestSupport
import Testing

/// The statements that describe the machine and the build: `disk`, `partition`, `filesystems`,
/// `initramfs`, `build`, `timeline`, `config`, `kaslr`, and `object … -DDEBUG`.
@Suite("machine statements of .boot files")
struct MachineStatementsTests {
    @Test func disksPartitionsAndWhatTheyHold() throws {
        let description = try Fixtures.parse(
            """
            disk vda size=20G driver=virtio_blk requires=virtio-blk appears=1.5s
            partition vda1 size=512M fs=vfat uuid=0ad5a0c6-01 label=EFI
            partition vda2 size=19G fs=ext4 holds=/sbin/init,/bin/sh printk=KERN_INFO:"EXT4-fs (vda2): mounted" devt=254:7
            disk mmcblk0 size=29G fs=ext4 holds=/init
            partition mmcblk0p1 size=1G
            disk nbd0 size=1T devt=43:0
            filesystems ext4 vfat
            """)
        let vda = description.disks[0]
        #expect(vda.number == DeviceNumber(254, 0))
        #expect(vda.kilobytes == 20 * 1024 * 1024)
        #expect(vda.driver == "virtio_blk")
        #expect(vda.requires == ["virtio-blk"])
        #expect(vda.appearsAfter == 1_500_000_000)
        #expect(vda.partitions.map(\.number) == [1, 2])
        #expect(vda.partitions[0].partUUID == "0ad5a0c6-01")
        #expect(vda.partitions[0].label == "EFI")
        #expect(vda.partitions[1].holds == ["/sbin/init", "/bin/sh"])
        #expect(vda.partitions[1].mountMessages == [PrintkLine(.KERN_INFO, "EXT4-fs (vda2): mounted")])
        #expect(vda.partitions[1].deviceNumber == DeviceNumber(254, 7))
        let mmc = description.disks[1]
        #expect(mmc.number == DeviceNumber(179, 0))
        #expect(mmc.filesystem == "ext4")
        #expect(mmc.partitions[0].number == 1)
        // An MBR disk without a signature: 00000000-<partition number in hex>.
        #expect(mmc.partitions[0].partUUID == "00000000-01")
        #expect(description.disks[2].number == DeviceNumber(43, 0))
        #expect(description.filesystems == ["ext4", "vfat"])
    }

    @Test func theBuildTimelineConfigAndKaslr() throws {
        let description = try Fixtures.parse(
            """
            build compiler="gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0" linker="GNU ld (GNU Binutils for Debian) 2.40" version="#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2025-05-20)" user="debian-kernel@lists.debian.org" package=" Debian 6.1.192-2"
            build preempt="PREEMPT(full)"
            timeline console_init=1.2s kernel_init=300ms smp_init=5ms do_basic_setup=2ms prepare_namespace=40ms free_initmem=10ms printk=2us
            config CONFIG_DYNAMIC_DEBUG=y DEVTMPFS_MOUNT=n
            kaslr 0x2ce00000
            object drivers/misc/a.o -DDEBUG -DVERBOSE=2
            """)
        #expect(description.build.compiledBy == "debian-kernel@lists.debian.org")
        #expect(description.build.linker == "GNU ld (GNU Binutils for Debian) 2.40")
        #expect(description.build.packageID == " Debian 6.1.192-2")
        #expect(description.build.preemptModelString == "PREEMPT(full)")
        #expect(description.timeline.startKernelToConsole == 1_200_000_000)
        #expect(description.timeline.consoleToKernelInit == 300_000_000)
        #expect(description.timeline.perSecondaryCPU == 5_000_000)
        #expect(description.timeline.basicSetup == 2_000_000)
        #expect(description.timeline.prepareNamespace == 40_000_000)
        #expect(description.timeline.initcallsToFree == 10_000_000)
        #expect(description.timeline.printk == 2_000)
        #expect(description.config.dynamicDebug)
        #expect(!description.config.devtmpfsMount)
        #expect(description.kaslrOffset == 0x2ce0_0000)
        #expect(description.objects[0].defines == ["DEBUG", "VERBOSE=2"])
        #expect(description.objects[0].definesDEBUG)
    }

    @Test(arguments: [
        ("disk ¦size=1G", "'disk' expects a disk name such as vda or sda"),
        ("¦disk vda driver=x", "'disk vda' needs size="),
        ("disk vda size=¦20GB", "invalid size '20GB'"),
        ("disk vda size=¦0G", "invalid size '0G'"),
        ("disk vda size=1G ¦sise=2G", "unknown setting 'sise' for 'disk'"),
        ("disk vda size=1G ¦size=2G", "'size=' is given twice"),
        ("disk vda size=1G devt=¦254", "invalid device number '254'"),
        ("disk ¦foo size=1G", "no default device number for a disk named 'foo'"),
        ("disk vda size=1G ¦holds=/init", "'holds=' without 'fs='"),
        ("disk vda size=1G fs=ext4 holds=¦init", "expected a comma-separated list of absolute paths"),
        ("disk vda size=1G appears=¦soon", "invalid duration 'soon' for appears="),
        ("disk vda size=1G\ndisk ¦vda size=1G", "'vda' is already declared at line 1"),
        ("¦partition vda1 size=1G", "'partition vda1' before any disk"),
        ("disk vda size=1G\npartition ¦sda1 size=1G", "'sda1' is not a partition of vda"),
        ("disk mmcblk0 size=1G\npartition ¦mmcblk01 size=1G", "'mmcblk01' is not a partition of mmcblk0"),
        ("disk vda size=1G\npartition vda1 size=1G\npartition ¦vda1 size=1G", "'vda1' is already declared at line 2"),
        ("disk vda size=1G\npartition vda1 size=1G fs=¦ext/4", "invalid filesystem type 'ext/4'"),
        ("disk vda size=1G\npartition vda1 size=1G uuid=¦", "'uuid=' is empty"),
        ("disk vda size=1G\npartition vda1 size=1G printk=¦KERN_LOUD:x", "unknown log level 'KERN_LOUD'"),
        ("filesystems ext4 ¦ext*", "invalid filesystem type 'ext*'"),
        ("build ¦compiler", "expected 'name=value' after 'build'"),
        ("build version=¦\"1 SMP\"", "UTS_VERSION starts with the build number"),
        ("build ¦compilr=\"gcc\"", "unknown setting 'compilr' for 'build'"),
        ("timeline console_init=¦40", "invalid duration '40' for console_init="),
        ("timeline ¦start_kernel=1ms", "unknown setting 'start_kernel' for 'timeline'"),
        ("config ¦CONFIG_SMP=y", "unknown setting 'CONFIG_SMP' for 'config'"),
        ("kaslr ¦12345", "invalid KASLR offset '12345'"),
        ("object a.o ¦-UDEBUG", "unknown option '-UDEBUG' for 'object'"),
        ("¦rootfs /sbin/init", "'rootfs' is no longer a statement"),
    ])
    func errorsPointAtTheOffendingColumn(_ marked: String, _ message: String) {
        let input = MarkedText(marked)
        do {
            _ = try BootFile.parse(input.text, file: "m.boot")
            Issue.record("expected an error: \(message)")
        } catch {
            let diagnostic = error.diagnostic
            #expect(diagnostic.location == SourceLocation(file: "m.boot", line: input.line, column: input.column))
            #expect(diagnostic.message.hasPrefix(message), "\(diagnostic.message)")
            #expect(diagnostic.sourceLine != nil)
        }
    }

    @Test func misspeltSettingsGetASuggestion() {
        do {
            _ = try BootFile.parse("disk vda size=1G drvier=sd", file: "m.boot")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.notes == ["did you mean 'driver='?"])
        }
    }
}
