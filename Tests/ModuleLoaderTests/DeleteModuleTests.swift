import InitcallSim
import ModuleLoader
import TestSupport
import Testing

/// `delete_module()`: every branch in order, refcounts, and the lookups.
@Suite struct DeleteModuleTests {
    @Test func unloadsAndRemembersTheLastOne() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        loader.insmod("par")
        #expect(loader.rmmod("par") == 0)
        #expect(loader.lines.last == "bye")
        #expect(loader.modules.isEmpty)
        #expect(loader.notifications.map(\.action) == [.coming, .live, .going])
        #expect(loader.lastUnloaded?.name == "par")
        #expect(loader.kernel.modulesLinkedIn == " [last unloaded: par(O)]")
    }

    @Test func notLoadedIsENOENT() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        #expect(loader.rmmod("par") == -Errno.ENOENT)
    }

    @Test func permissionAndModulesDisabled() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        loader.insmod("par")
        let before = loader.snapshot
        #expect(loader.deleteModule("par", caller: Caller(uid: 1000)).ret == -Errno.EPERM)
        _ = loader.setModulesDisabled(true)
        #expect(loader.rmmod("par") == -Errno.EPERM)
        #expect(loader.snapshot == before)
    }

    @Test func usedModuleIsEWOULDBLOCK() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.depUser)
        loader.insmod("dep")
        loader.insmod("user")
        let before = loader.snapshot
        #expect(loader.rmmod("dep") == -Errno.EWOULDBLOCK)
        #expect(loader.rmmod("dep", force: true) == -Errno.EWOULDBLOCK)
        #expect(loader.snapshot == before)
        #expect(loader.rmmod("user") == 0)
        #expect(loader.rmmod("dep") == 0)
    }

    @Test func permanentModuleIsEBUSYUnlessForced() throws {
        let text = "module perm\n  MODULE_LICENSE \"GPL\"\n  module_init perm_init\n"
        let loader = try ModuleFixtures.loader(text)
        loader.insmod("perm")
        #expect(loader.procModules().hasPrefix("perm 16384 0 [permanent], Live"))
        let before = loader.snapshot
        #expect(loader.rmmod("perm") == -Errno.EBUSY)
        #expect(loader.rmmod("perm", force: true) == -Errno.EBUSY)
        #expect(loader.snapshot == before)
        let forcing = try ModuleFixtures.loader("config CONFIG_MODULE_FORCE_UNLOAD=y\n" + text)
        forcing.insmod("perm")
        #expect(forcing.rmmod("perm", force: true) == 0)
        #expect(forcing.kernel.taintMask & (1 << 3) != 0)
        #expect(forcing.lines.last == "Disabling lock debugging due to kernel taint")
    }

    @Test func heldReferenceIsEWOULDBLOCKUnlessForced() throws {
        let loader = try ModuleFixtures.loader("config CONFIG_MODULE_FORCE_UNLOAD=y\n" + ModuleFixtures.par)
        loader.insmod("par")
        #expect(loader.tryModuleGet("par"))
        #expect(loader.moduleRefcount("par") == 1)
        let before = loader.snapshot
        #expect(loader.rmmod("par") == -Errno.EWOULDBLOCK)
        #expect(loader.snapshot == before)
        loader.modulePut("par")
        #expect(loader.moduleRefcount("par") == 0)
        #expect(loader.tryModuleGet("par"))
        #expect(loader.rmmod("par", force: true) == 0)
        #expect(loader.kernel.taintMask & (1 << 3) != 0)
        #expect(!loader.tryModuleGet("par"))
    }

    @Test func neitherInitNorExitCanBeUnloaded() throws {
        let loader = try ModuleFixtures.loader("module empty\n  MODULE_LICENSE \"GPL\"\n")
        loader.insmod("empty")
        #expect(loader.rmmod("empty") == 0)
    }

    @Test func symbolGetAndPut() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.depUser)
        loader.insmod("dep")
        #expect(loader.symbolGet("dep_get") == nil)
        #expect(loader.lines.last == "failing symbol_get of non-GPLONLY symbol dep_get.")
        let address = try #require(loader.symbolGet("dep_gpl"))
        #expect(loader.moduleRefcount("dep") == 1)
        let size = String(InitFunction.defaultSize(for: "dep_gpl"), radix: 16)
        #expect(loader.sprintSymbol(address) == "dep_gpl+0x0/0x\(size) [dep]")
        #expect(loader.moduleAddress(address)?.name == "dep")
        #expect(loader.moduleTextAddress(address &+ 4)?.name == "dep")
        #expect(loader.sprintSymbol(address &+ 4) == "dep_gpl+0x4/0x\(size) [dep]")
        #expect(loader.sprintSymbol(0x1234) == "0x1234")
        loader.symbolPut("dep_gpl")
        #expect(loader.moduleRefcount("dep") == 0)
        #expect(loader.findSymbolOwner("dep_get") == "dep")
        #expect(loader.findSymbolOwner("printk") == "kernel")
        #expect(loader.findSymbolOwner("nothing") == nil)
    }
}

@Suite struct ModuleStateTests {
    @Test func notLiveIsEBUSYAndGoingRefusesReferences() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        loader.insmod("par")
        let par = try #require(loader.findModule("par"))
        par.state = .coming
        #expect(loader.procModules().hasSuffix("Loading 0xffffffffc0000000 (O+)\n"))
        #expect(loader.rmmod("par") == -Errno.EBUSY)
        #expect(loader.tryModuleGet("par"))
        loader.modulePut("par")
        par.state = .going
        #expect(loader.moduleFlags(par) == "(O-)")
        #expect(!loader.tryModuleGet("par"))
        #expect(loader.rmmod("par") == -Errno.EBUSY)
        #expect(loader.insmod("par") == -Errno.EBUSY)
    }
}
