import KernelBoot
import KernelLink
import KernelModel
import TestSupport
import Testing

/// `async_synchronize_full()`'s `initcall_debug` lines: printed with printk(KERN_DEBUG) from
/// 2.6.29 until kernel/async.c switched to `pr_debug()` in 3.18 (27fb10edcacb), once from
/// `prepare_namespace()`'s `wait_for_device_probe()` and once before init memory is freed, as
/// a 3.12 log shows them.
@Suite struct AsyncSynchronizeTests {
    static func lines(_ release: String, cmdline: String = "initcall_debug root=/dev/sda1", initramfs: Bool = false)
        throws -> [String]
    {
        let text = """
            kernel "\(release)"
            cmdline "\(cmdline)"
            \(initramfs ? "initramfs /init" : "")
            filesystems ext3
            disk sda size=10G
            partition sda1 size=9G fs=ext3 holds=/sbin/init
            object a.o
              device_initcall foo_init time=10us
            """
        let records = try Linker.link(try BootFile.parse(text, file: "async.boot")).boot().records
        return records.map(\.text).filter { $0.hasPrefix("async_") || $0.hasPrefix("VFS: Mounted root") }
    }

    static let pair = ["async_waiting @ 1", "async_continuing @ 1 after 0 usec"]

    @Test(arguments: ["2.6.29", "3.12.0", "3.17.8"])
    func printedFrom2629ToThe3_17s(_ release: String) throws {
        #expect(
            try Self.lines(release) == Self.pair + ["VFS: Mounted root (ext3 filesystem) readonly on device 8:1."]
                + Self.pair)
        // An initramfs's /init: no prepare_namespace(), one wait before init memory goes.
        #expect(try Self.lines(release, initramfs: true) == Self.pair)
        #expect(try Self.lines(release, cmdline: "root=/dev/sda1").filter { $0.hasPrefix("async_") } == [])
    }

    @Test(arguments: ["2.6.28", "3.18.0", "6.1.0"])
    func notPrintedBeforeAsyncOrOncePrDebug(_ release: String) throws {
        #expect(try Self.lines(release).filter { $0.hasPrefix("async_") } == [])
    }
}
