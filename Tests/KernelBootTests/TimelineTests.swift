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

    /// `printk=+DUR:` prints a line at its moment of the call's `time=` busy-wait, in the order
    /// written; the lines without one come after all of it and after `sleep=`, as before.
    /// With `flush=`, the body starts after the `calling` line's console time.
    @Test func timedLinesArePrintedDuringTheBusyWait() throws {
        let description = try Fixtures.parse(
            """
            cmdline "initcall_debug"
            timeline console_init=1s kernel_init=0 smp_init=0 do_basic_setup=0 printk=1us
            initramfs /init
            object drivers/net/a.o
              device_initcall a_init time=100us sleep=50us flush=5us printk=+0ns:"first" printk=+10us:"second" printk=+10us:"third" printk="after" printk=+99us:"late"
            """)
        let result = try Linker.link(description).boot()
        func time(_ prefix: String) throws -> UInt64 {
            try #require(result.records.first { $0.text.hasPrefix(prefix) }).timestamp
        }
        let calling = try time("calling  a_init")
        // The body starts after the calling line's printk (1 µs) and flush= (5 µs).
        let start = calling + 6_000
        #expect(try time("first") == start)
        #expect(try time("second") == start + 10_000 + 1_000)
        #expect(try time("third") == start + 10_000 + 2_000)
        // The rest of time= (90 µs), then sleep= (50 µs); then the untimed lines, even one
        // with a time (it has passed).
        #expect(try time("after") == start + 100_000 + 50_000 + 3_000)
        #expect(try time("late") == start + 100_000 + 50_000 + 4_000)
        // The printed duration is unchanged by where the lines fall: 100 + 50 + five printks.
        #expect(try time("initcall a_init") == start + 155_000)
        #expect(
            result.records.contains { $0.text.hasPrefix("initcall a_init") && $0.text.hasSuffix("after 155 usecs") })
    }
}
