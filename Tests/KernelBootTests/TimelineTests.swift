import KernelBoot
import KernelLink
import KernelModel
import TestSupport
import Testing

/// The `timeline` statement sets each fixed stage, so that a replayed real boot's timestamps
/// line up with the log it replays.
@Suite("declared timeline")
struct TimelineTests {
    @Test func eachStageTakesItsDeclaredTime() throws {
        let description = try Fixtures.parse(
            """
            cmdline "initcall_debug root=/dev/vda1 rootfstype=ext4"
            cpus 4
            timeline console_init=1s kernel_init=500ms smp_init=10ms do_basic_setup=5ms prepare_namespace=20ms free_initmem=1ms printk=0
            disk vda size=1G driver=virtio_blk
            partition vda1 size=1023M fs=ext4 holds=/sbin/init
            object drivers/misc/a.o
              device_initcall a_init time=100us
            """)
        let result = try Linker.link(description).boot()
        func time(_ prefix: String) throws -> UInt64 {
            try #require(result.records.first { $0.text.hasPrefix(prefix) }).timestamp
        }
        // The banner before time_init(), then console_init() at 1 s, kernel_init at 1.5 s,
        // three secondary CPUs, do_basic_setup().
        #expect(try time("Linux version") == 0)
        #expect(try time("smp: Bringing up") == 1_500_000_000)
        #expect(try time("calling  a_init") == 1_535_000_000)
        #expect(try time("initcall a_init") == 1_535_100_000)
        #expect(try time("VFS: Mounted root") == 1_555_100_000)
        #expect(try time("Freeing unused kernel image (initmem)") == 1_556_100_000)
    }
}
