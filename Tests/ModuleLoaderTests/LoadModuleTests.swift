import InitcallSim
import ModuleLoader
import TestSupport
import Testing

/// `init_module`/`load_module`/`do_init_module`: every step, state, notifier and errno.
@Suite struct LoadModuleTests {
    @Test func loadsThroughComingToLive() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        #expect(loader.insmod("par") == 0)
        #expect(loader.notifications.map(\.action) == [.coming, .live])
        let par = try #require(loader.findModule("par"))
        #expect(par.state == .live)
        #expect(par.refcount == 0)
        #expect(par.initSize == 0)
        #expect(loader.lines.suffix(2) == ["par: loading out-of-tree module taints kernel.", "age:25"])
        #expect(loader.procModules() == "par 16384 0 - Live 0xffffffffc0000000 (O)\n")
        #expect(loader.kernel.modulesLinkedIn == " par(O)")
    }

    @Test func parametersFromTheArguments() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        #expect(loader.insmod("par", "age=78 arr=12,13 bogus=1") == 0)
        #expect(loader.lines.contains("par: unknown parameter 'bogus' ignored"))
        #expect(loader.lines.last == "age:78")
        let par = try #require(loader.findModule("par"))
        #expect(par.params.get(1) == "12,13\n")
    }

    @Test func badParameterUnwindsAfterComing() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        let before = loader.snapshot
        #expect(loader.insmod("par", "age=abc") == -Errno.EINVAL)
        #expect(loader.lines.last == "par: `abc' invalid for parameter `age'")
        #expect(loader.notifications.map(\.action) == [.coming, .going])
        #expect(loader.modules.isEmpty)
        // The O taint stays, as the kernel's does (module_augment_kernel_taints() ran).
        #expect(loader.snapshot.modules == before.modules)
        #expect(loader.insmod("par", "arr=1,2,3,4,5") == -Errno.EINVAL)
        #expect(loader.lines.suffix(2) == ["arr: can only take 4 arguments", "par: `1' invalid for parameter `arr'"])
    }

    @Test func callerWithoutCapSysModuleOrModulesDisabled() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        let before = loader.snapshot
        #expect(loader.initModule(loader.image("par"), args: "", caller: Caller(uid: 1000)).ret == -Errno.EPERM)
        #expect(loader.insmod("par", flags: 8) == -Errno.EINVAL)
        #expect(loader.setModulesDisabled(true) == 0)
        #expect(loader.setModulesDisabled(false) == -Errno.EINVAL)
        #expect(loader.insmod("par") == -Errno.EPERM)
        #expect(loader.snapshot == before)
    }

    @Test func nomoduleOnTheCommandLine() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par, cmdline: "nomodule")
        #expect(loader.insmod("par") == -Errno.EPERM)
    }

    @Test func alreadyLoadedIsEEXIST() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par)
        loader.insmod("par")
        let before = loader.snapshot
        #expect(loader.insmod("par") == -Errno.EEXIST)
        #expect(loader.snapshot == before)
    }

    @Test func blacklistedModule() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par, cmdline: "module_blacklist=foo,par")
        let before = loader.snapshot
        #expect(loader.insmod("par") == -Errno.EPERM)
        #expect(loader.lines.last == "Module par is blacklisted")
        #expect(loader.snapshot == before)
    }

    @Test func versionMagic() throws {
        let loader = try ModuleFixtures.loader(
            "module old\n  MODULE_LICENSE \"GPL\"\n  vermagic \"6.1.0 SMP mod_unload \"\nmodule none\n  vermagic \"\"\n"
        )
        let before = loader.snapshot
        #expect(loader.insmod("old") == -Errno.ENOEXEC)
        #expect(loader.lines.last == "old: version magic '6.1.0 SMP mod_unload ' should be '6.8.0-sim SMP mod_unload '")
        #expect(loader.insmod("none") == -Errno.ENOEXEC)
        #expect(loader.snapshot == before)
    }

    @Test func forcedLoadTaintsF() throws {
        let loader = try ModuleFixtures.loader(
            "config CONFIG_MODULE_FORCE_LOAD=y\nmodule old\n  MODULE_LICENSE \"GPL\"\n  vermagic \"6.1.0 \"\n")
        #expect(loader.insmod("old", flags: ModuleInitFlags.ignoreVermagic) == 0)
        #expect(
            loader.lines.suffix(3) == [
                "old: bad vermagic: kernel tainted.", "Disabling lock debugging due to kernel taint",
                "old: loading out-of-tree module taints kernel.",
            ])
        #expect(loader.procModules().hasSuffix("(FO)\n"))
    }

    @Test func signatureEnforcement() throws {
        let modules = "config CONFIG_MODULE_SIG=y\n" + ModuleFixtures.par + "module signed_one\n  signed\n"
        let enforced = try ModuleFixtures.loader(modules, cmdline: "module.sig_enforce=1")
        let before = enforced.snapshot
        #expect(enforced.insmod("par") == -Errno.EKEYREJECTED)
        #expect(enforced.lines.last == "Loading of unsigned module is rejected")
        #expect(enforced.snapshot == before)
        #expect(enforced.insmod("signed_one") == 0)
        let lax = try ModuleFixtures.loader(modules)
        #expect(lax.insmod("par") == 0)
        #expect(
            lax.lines.contains(
                "par: module verification failed: signature and/or required key missing - tainting kernel"))
        #expect(lax.procModules().hasSuffix("(OE)\n"))
    }

    @Test func proprietaryLicenseTaints() throws {
        let loader = try ModuleFixtures.loader("module blob\n  MODULE_LICENSE \"Proprietary\"\nmodule blob2\n")
        #expect(loader.insmod("blob") == 0)
        #expect(
            loader.lines.suffix(3) == [
                "blob: loading out-of-tree module taints kernel.", "blob: module license 'Proprietary' taints kernel.",
                "Disabling lock debugging due to kernel taint",
            ])
        let count = loader.lines.count
        #expect(loader.insmod("blob2") == 0)
        #expect(loader.lines.count == count)
        #expect(loader.kernel.modulesLinkedIn == " blob2(PO) blob(PO)")
    }

    @Test func gplOnlySymbolRefusedToProprietaryModule() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.depUser)
        #expect(loader.insmod("dep") == 0)
        let before = loader.snapshot
        #expect(loader.insmod("prop") == -Errno.ENOENT)
        #expect(loader.lines.last == "prop: Unknown symbol dep_gpl (err -2)")
        #expect(loader.snapshot.modules == before.modules)
        #expect(loader.snapshot.procModules == before.procModules)
    }

    @Test func unknownSymbolErrByEra() throws {
        let text = "module lost\n  MODULE_LICENSE \"GPL\"\n  uses nowhere also_nowhere\n"
        let modern = try ModuleFixtures.loader(text)
        #expect(modern.insmod("lost") == -Errno.ENOENT)
        #expect(
            modern.lines.suffix(2) == [
                "lost: Unknown symbol nowhere (err -2)", "lost: Unknown symbol also_nowhere (err -2)",
            ])
        let old = try ModuleFixtures.loader(text, version: "5.10.0")
        #expect(old.insmod("lost") == -Errno.ENOENT)
        #expect(old.lines.last == "lost: Unknown symbol also_nowhere (err 0)")
    }

    @Test func moduleUseLinks() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.depUser)
        #expect(loader.insmod("dep") == 0)
        #expect(loader.insmod("user") == 0)
        let dep = try #require(loader.findModule("dep"))
        #expect(dep.sourceList == ["user"])
        #expect(dep.refcount == 1)
        #expect(loader.findModule("user")?.targetList == ["dep"])
        #expect(
            loader.procModules()
                == "user 16384 0 - Live 0xffffffffc0005000 (O)\ndep 16384 1 user, Live 0xffffffffc0000000 (O)\n")
    }

    @Test func duplicateExportIsENOEXEC() throws {
        let loader = try ModuleFixtures.loader(
            ModuleFixtures.depUser + "module copy\n  MODULE_LICENSE \"GPL\"\n  EXPORT_SYMBOL dep_get\n")
        loader.insmod("dep")
        let before = loader.snapshot
        #expect(loader.insmod("copy") == -Errno.ENOEXEC)
        #expect(loader.lines.last == "copy: exports duplicate symbol dep_get (owned by dep)")
        #expect(loader.snapshot.modules == before.modules)
    }

    @Test func failingInitLeavesNothing() throws {
        let loader = try ModuleFixtures.loader(
            ModuleFixtures.depUser
                + "module broken\n  MODULE_LICENSE \"GPL\"\n  uses dep_get\n  module_init broken_init returns=-ENODEV\n"
        )
        loader.insmod("dep")
        let before = loader.snapshot
        #expect(loader.insmod("broken") == -Errno.ENODEV)
        #expect(loader.notifications.suffix(2).map(\.action) == [.coming, .going])
        #expect(loader.snapshot.modules == before.modules)
        #expect(loader.findModule("dep")?.refcount == 0)
    }

    @Test func suspiciousPositiveReturn() throws {
        let loader = try ModuleFixtures.loader(
            "module odd\n  MODULE_LICENSE \"GPL\"\n  module_init odd_init returns=1\n")
        #expect(loader.insmod("odd") == 0)
        #expect(
            loader.lines.contains(
                "do_init_module: 'odd'->init suspiciously returned 1, it should follow 0/-E convention"))
        #expect(loader.lines.contains("do_init_module: loading module anyway..."))
        #expect(loader.findModule("odd")?.state == .live)
    }

    @Test func initGoesThroughDoOneInitcall() throws {
        let loader = try ModuleFixtures.loader(ModuleFixtures.par, cmdline: "initcall_debug")
        #expect(loader.insmod("par") == 0)
        #expect(loader.lines.contains { $0.hasPrefix("calling  par_init+0x0/0x") && $0.hasSuffix(" [par] @ 1") })
        #expect(
            loader.lines.contains {
                $0.hasPrefix("initcall par_init+0x0/0x") && $0.contains(" [par] returned 0 after ")
            })
        let blacklisted = try ModuleFixtures.loader(ModuleFixtures.par, cmdline: "initcall_blacklist=par_init")
        #expect(blacklisted.insmod("par") == -Errno.EPERM)
        #expect(blacklisted.lines.last == "initcall par_init blacklisted")
        #expect(blacklisted.modules.isEmpty)
    }

    @Test func preemptImbalanceWarnsWithModulesLinkedIn() throws {
        let loader = try ModuleFixtures.loader(
            ModuleFixtures.par + "module leaky\n  MODULE_LICENSE \"GPL\"\n  module_init leaky_init preempt=+1\n")
        loader.insmod("par")
        #expect(loader.insmod("leaky") == 0)
        #expect(
            loader.lines.contains {
                $0.hasPrefix("initcall leaky_init+0x0/0x")
                    && $0.hasSuffix(" [leaky] returned with preemption imbalance ")
            })
        #expect(loader.lines.contains("Modules linked in: leaky(O+) par(O)"))
    }

    @Test func builtinOfTheSameNameOwnsTheSysfsDirectory() throws {
        let loader = try ModuleFixtures.loader(
            "module par build=y\n  module_param age int 0644\nobject drivers/x.o\n  modname x\n")
        // A loadable par with the same name (built separately).
        let image = ModuleDescription(name: "par")
        var module = image
        module.info = [("license", "GPL")]
        #expect(loader.initModule(module, args: "").ret == -Errno.EINVAL)
        #expect(loader.lines.last == "par: module is already loaded")
    }
}

@Suite struct SwiftModuleTests {
    @Test func aModuleWrittenInSwiftLoadsWithItsParameters() throws {
        let par = ModuleDescription(name: "par") { tu in
            tu.module_param("age", .int, 0o644, default: .signed(25))
            tu.subsys_initcall(
                InitFunction("par_init") { k in
                    k.printk(.KERN_INFO, "age=\(k.param("age")?.bits ?? 0)\n")
                    return 0
                })
            tu.module_exit(InitFunction("par_exit") { _ in 0 })
        }
        #expect(par.initMacro == "module_init")
        var description = KernelDescription()
        description.initramfs = ["/init"]
        description.add(par)
        let loader = ModuleLoader(kernel: try Linker.link(description).bootLive())
        #expect(loader.insmod("par", "age=41") == 0)
        #expect(loader.lines.last == "age=41")
        #expect(loader.rmmod("par") == 0)
    }
}

@Suite struct ModuleSymbolPrintkTests {
    @Test func percentPSNamesModuleText() throws {
        let loader = try ModuleFixtures.loader(
            """
            module dep
              MODULE_LICENSE "GPL"
              EXPORT_SYMBOL dep_get
            module ps
              MODULE_LICENSE "GPL"
              uses dep_get
              module_init ps_init printk=KERN_INFO:"%pS %ps\\n",ps_init,dep_get
              module_exit ps_exit

            """)
        loader.insmod("dep")
        #expect(loader.insmod("ps") == 0)
        let initSize = String(InitFunction.defaultSize(for: "ps_init"), radix: 16)
        #expect(loader.lines.last == "ps_init+0x0/0x\(initSize) [ps] dep_get [dep]")
        // After init the init text is freed: kallsyms no longer names it.
        #expect(loader.sprintSymbol(named: "ps_init") == nil)
        #expect(loader.sprintSymbol(named: "ps_exit")?.hasSuffix(" [ps]") == true)
    }
}
