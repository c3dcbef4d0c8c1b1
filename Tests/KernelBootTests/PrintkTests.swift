import KernelBoot
import KernelLink
import KernelModel
import TestSupport
import Testing

/// printk records as the kernel stores them (kernel/printk/printk.c `vprintk_store()`): a record
/// ends at a newline; `KERN_CONT` continues the open one; before 4.9 a printk without a level
/// continues it too (4bcc595ccd80). `pr_debug()`/`dev_dbg()` print only under `DEBUG` or a
/// dynamic-debug query; `dev_printk()` prefixes the driver and device names.
@Suite("printk records")
struct PrintkTests {
    private func lines(
        version: String = "6.8.0-sim", cmdline: String = "", defines: [String] = [], dynamicDebug: Bool = false,
        _ body: @escaping @Sendable (any KernelContext) -> Void
    ) throws -> [LogRecord] {
        let result = try TestKernel.boot(cmdline, version: version) { k in
            k.config.dynamicDebug = dynamicDebug
            k.object("drivers/misc/foo.o", defines: defines) { tu in
                tu.device_initcall(
                    TestKernel.fn("foo_init") { k in
                        body(k)
                        return 0
                    })
            }
        }
        return Array(result.records(of: result.runs[0]))
    }

    @Test func kernContContinuesTheOpenRecord() throws {
        let records = try lines { k in
            k.pr_info("foo: found")
            k.pr_cont(" 1")
            k.pr_cont(" 2\n")
            k.pr_info("foo: next")
        }
        #expect(records.map(\.text) == ["foo: found 1 2", "foo: next"])
        #expect(records[0].level == .KERN_INFO)
    }

    @Test func from49APrintkWithoutALevelStartsANewRecord() throws {
        let body: @Sendable (any KernelContext) -> Void = { k in
            k.printk("No filesystem could mount root, tried: ")
            k.printk(" ext4")
            k.printk("\n")
        }
        #expect(
            try lines(version: "6.8.0", body).map(\.text) == ["No filesystem could mount root, tried: ", " ext4", ""])
        #expect(try lines(version: "4.8.0", body).map(\.text) == ["No filesystem could mount root, tried:  ext4"])
        // A level marker always starts a record, before 4.9 too.
        let levelled = try lines(version: "4.8.0") { k in
            k.printk(.KERN_INFO, "a")
            k.printk(.KERN_INFO, "b")
        }
        #expect(levelled.map(\.text) == ["a", "b"])
    }

    @Test func newlinesEndRecordsAndAloneMakeAnEmptyOne() throws {
        let records = try lines { k in
            k.printk("\n")
            k.pr_err("x\n\ny")
            k.printk(KERN_CONT + "z\n")
        }
        #expect(records.map(\.text) == ["", "x", "", "yz"])
        #expect(records.map(\.level) == [.KERN_WARNING, .KERN_ERR, .KERN_ERR, .KERN_ERR])
    }

    @Test func kernContWithNothingOpenIsARecordAtTheDefaultLevel() throws {
        let records = try lines { k in
            k.pr_info("done\n")
            k.pr_cont("orphan")
        }
        #expect(records.map(\.text) == ["done", "orphan"])
        #expect(records[1].level == .KERN_DEFAULT)
    }

    @Test func theKernelsOwnLinesCloseAnOpenRecord() throws {
        let result = try TestKernel.boot("initcall_debug") { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("a_init") { k in
                        k.pr_info("a: half")
                        return 0
                    })
                tu.device_initcall(
                    TestKernel.fn("b_init") { k in
                        k.pr_cont(" more")
                        return 0
                    })
            }
        }
        let lines = TestKernel.lines(result)
        let half = try #require(lines.firstIndex(of: "a: half"))
        #expect(lines[half + 1].hasPrefix("initcall a_init+0x0/0x40 returned 0 after "))
        #expect(lines.contains(" more"))
    }

    @Test func prDebugPrintsOnlyWhereDEBUGIsDefined() throws {
        let silent = try lines { k in k.pr_debug("foo: probing") }
        #expect(silent.isEmpty)
        let debug = try lines(defines: ["DEBUG"]) { k in k.pr_debug("foo: probing") }
        #expect(debug.map(\.text) == ["foo: probing"])
        #expect(debug.map(\.level) == [.KERN_DEBUG])
    }

    @Test func dynamicDebugTurnsCallSitesOnByQuery() throws {
        let build: (inout KernelDescription) -> Void = { k in
            k.config.dynamicDebug = true
            k.object("drivers/misc/foo.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("foo_init") { k in
                        k.pr_debug("foo: debug")
                        return 0
                    })
            }
            k.object("drivers/misc/bar.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("bar_init") { k in
                        k.dev_dbg(KernelDevice("bar0", driver: "bar"), "bar: debug")
                        return 0
                    })
            }
        }
        let byFunction = try TestKernel.boot("dyndbg=\"func foo_init +p\"", build)
        #expect(TestKernel.lines(byFunction).contains("foo: debug"))
        #expect(!TestKernel.lines(byFunction).contains { $0.hasSuffix("bar: debug") })
        // dyndbg= is the kernel's (a no-op __setup): init does not get it.
        #expect(!byFunction.options.envpInit.contains { $0.hasPrefix("dyndbg") })
        let byModule = try TestKernel.boot("bar.dyndbg=+p", build)
        #expect(TestKernel.lines(byModule).contains("bar bar0: bar: debug"))
        #expect(!TestKernel.lines(byModule).contains("foo: debug"))
        let byFile = try TestKernel.boot("dyndbg=\"file drivers/misc/* +p; func bar_init -p\"", build)
        #expect(TestKernel.lines(byFile).contains("foo: debug"))
        #expect(!TestKernel.lines(byFile).contains { $0.hasSuffix("bar: debug") })
        // Without CONFIG_DYNAMIC_DEBUG the queries change nothing.
        let compiledOut = try TestKernel.boot("dyndbg=+p") { k in
            build(&k)
            k.config.dynamicDebug = false
        }
        #expect(!TestKernel.lines(compiledOut).contains("foo: debug"))
    }

    @Test func devPrintkPrefixesTheDriverAndDeviceName() throws {
        let records = try lines { k in
            k.dev_info(KernelDevice("spi0.0", driver: "enc28j60"), "Ethernet driver 1.02 loaded")
            k.dev_err(KernelDevice("virtio1", bus: "virtio"), "no queue")
            k.dev_warn(KernelDevice("card0", class: "drm"), "no connector")
            k.dev_notice(nil, "lost")
        }
        #expect(
            records.map(\.text) == [
                "enc28j60 spi0.0: Ethernet driver 1.02 loaded", "virtio virtio1: no queue", "drm card0: no connector",
                "(NULL device *): lost",
            ])
        #expect(records.map(\.level) == [.KERN_INFO, .KERN_ERR, .KERN_WARNING, .KERN_NOTICE])
    }

    @Test func bootFilesSayDEBUGWithDashD() throws {
        let description = try Fixtures.parse(
            """
            cmdline "root=/dev/vda1"
            disk vda size=1G driver=virtio_blk
            partition vda1 size=1023M fs=ext4 holds=/sbin/init
            object drivers/misc/quiet.o
              device_initcall quiet_init pr_debug="quiet: debug"
            object drivers/misc/loud.o -DDEBUG
              device_initcall loud_init pr_debug="loud: debug" printk=KERN_INFO:"loud: info"
            """)
        #expect(description.objects[1].definesDEBUG)
        let lines = TestKernel.lines(try Linker.link(description).boot())
        #expect(!lines.contains("quiet: debug"))
        let debug = try #require(lines.firstIndex(of: "loud: debug"))
        #expect(lines[debug + 1] == "loud: info")
    }
}
