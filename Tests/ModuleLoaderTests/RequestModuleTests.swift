import InitcallSim
import ModuleLoader
import TestSupport
import Testing

/// `request_module()` from a running init, and the symbol rules it meets.
@Suite struct RequestModuleTests {
    static let text = """
        module core
          MODULE_LICENSE "GPL"
          EXPORT_SYMBOL core_get
          module_exit core_exit
        module helper
          MODULE_LICENSE "GPL"
          MODULE_ALIAS "char-major-10-99"
          uses core_get
          module_init helper_init printk=KERN_INFO:"helper up\\n"
          module_exit helper_exit
        module front
          MODULE_LICENSE "GPL"
          module_init front_init request_module=char-major-10-99 printk=KERN_INFO:"front up\\n"
          module_exit front_exit
        module selfish
          MODULE_LICENSE "GPL"
          EXPORT_SYMBOL selfish_get
          module_init selfish_init request_module=needy
        module needy
          MODULE_LICENSE "GPL"
          uses selfish_get
          module_init needy_init

        """

    @Test func initLoadsWhatItAsksForWithItsDependencies() throws {
        let loader = try ModuleFixtures.loader(Self.text)
        #expect(loader.insmod("front") == 0)
        #expect(loader.modules.map(\.name) == ["helper", "core", "front"])
        #expect(loader.lines.suffix(2) == ["helper up", "front up"])
        #expect(loader.requestModule("nothing") == 256)
        #expect(loader.requestModule(String(repeating: "x", count: 56)) == -Errno.ENAMETOOLONG)
        #expect(loader.requestModule("core") == 0)
    }

    @Test func aSymbolOfAModuleStillComingIsEBUSY() throws {
        let loader = try ModuleFixtures.loader(Self.text)
        #expect(loader.insmod("selfish") == 0)
        #expect(
            loader.lines.suffix(2) == [
                "needy: gave up waiting for init of module selfish.", "needy: Unknown symbol selfish_get (err -16)",
            ])
        #expect(loader.findModule("needy") == nil)
    }

    @Test func duringTheBootThereIsNoModprobe() throws {
        let description = try Fixtures.parse(
            "kernel \"6.8.0-sim\"\ninitramfs /init\nobject a.o\n  device_initcall a_init request_module=foo\n")
        let result = try Linker.link(description).boot()
        #expect(result.reachedInit)
    }

    @Test func proprietaryOwnersTaintTheirUsers() throws {
        let loader = try ModuleFixtures.loader(
            """
            module blob
              MODULE_LICENSE "Proprietary"
              EXPORT_SYMBOL blob_get
            module shim
              MODULE_LICENSE "GPL"
              uses blob_get
            module strict
              MODULE_LICENSE "GPL"
              uses printk __platform_driver_register blob_get

            """)
        #expect(loader.insmod("blob") == 0)
        #expect(loader.insmod("shim") == 0)
        #expect(
            loader.lines.last == "shim: module uses symbols blob_get from proprietary module blob, inheriting taint.")
        #expect(loader.procModules().hasPrefix("shim 16384 0 - Live 0xffffffffc0005000 (PO)"))
        #expect(loader.insmod("strict") == -Errno.ENOENT)
        #expect(
            loader.lines.suffix(2) == [
                "strict: module using GPL-only symbols uses symbols blob_get from proprietary module blob.",
                "strict: Unknown symbol blob_get (err -2)",
            ])
    }

    @Test func before64TheDuplicateIsTaintedFirst() throws {
        let text = "module blob\n  MODULE_LICENSE \"Proprietary\"\n"
        let old = try ModuleFixtures.loader(text, version: "6.1.0")
        let fresh = try ModuleFixtures.loader(text)
        for loader in [old, fresh] {
            #expect(loader.insmod("blob") == 0)
            #expect(loader.rmmod("blob") == 0)
        }
        // Taints are sticky either way; a second distinct module shows the order through its own
        // mask only, so compare the messages of a refused duplicate on a fresh kernel instead.
        let refusedOld = try ModuleFixtures.loader(text, version: "6.1.0")
        refusedOld.insmod("blob")
        let count = refusedOld.lines.count
        #expect(refusedOld.insmod("blob") == -Errno.EEXIST)
        #expect(refusedOld.lines.count == count)
    }
}
