import InitcallSim
import ModuleLoader
import TestSupport
import Testing

/// depmod's files, modprobe's lookups and config, and the shell's kmod messages.
@Suite struct ModprobeTests {
    static func shell(_ text: String, userland: ModuleShell.Userland = .kmod) throws -> ModuleShell {
        ModuleShell(loader: try ModuleFixtures.loader(text), userland: userland)
    }

    static let chain = """
        module a
          MODULE_LICENSE "GPL"
          EXPORT_SYMBOL a_sym
          module_exit a_exit
        module b
          MODULE_LICENSE "GPL"
          EXPORT_SYMBOL b_sym
          uses a_sym
          module_exit b_exit
        module c
          MODULE_LICENSE "GPL"
          MODULE_ALIAS "pci:v00001234d*"
          uses b_sym a_sym
          module_exit c_exit
        module pre
          MODULE_LICENSE "GPL"
          module_exit pre_exit

        """

    @Test func depmodFiles() throws {
        let description = try Fixtures.parse(Self.chain)
        let result = Depmod.run(description)
        #expect(
            result.modulesDep == """
                extra/a.ko:
                extra/b.ko: extra/a.ko
                extra/c.ko: extra/b.ko extra/a.ko
                extra/pre.ko:

                """)
        #expect(result.modulesSymbols.contains("alias symbol:b_sym b\n"))
        #expect(result.modulesAlias == "# Aliases extracted from modules themselves.\nalias pci:v00001234d* c\n")
    }

    @Test func depmodReportsCycles() throws {
        let shell = try Self.shell(
            """
            module x
              EXPORT_SYMBOL x_sym
              uses y_sym
            module y
              EXPORT_SYMBOL y_sym
              uses x_sym
            module z
              uses x_sym

            """)
        #expect(
            shell.execute("depmod") == """
                depmod: ERROR: Cycle detected: x -> y -> x
                depmod: ERROR: Found 2 modules in dependency cycles!

                """)
        #expect(
            shell.execute("cat /lib/modules/6.8.0-sim/modules.dep")
                == "cat: /lib/modules/6.8.0-sim/modules.dep: No such file or directory\n")
    }

    @Test func modprobeLoadsDependenciesFirstAndRemovesThem() throws {
        let shell = try Self.shell(Self.chain)
        #expect(
            shell.execute("modprobe c") == "modprobe: FATAL: Module c not found in directory /lib/modules/6.8.0-sim\n")
        #expect(shell.execute("depmod") == "")
        #expect(
            shell.execute("modprobe -v c") == """
                insmod /lib/modules/6.8.0-sim/extra/a.ko 
                insmod /lib/modules/6.8.0-sim/extra/b.ko 
                insmod /lib/modules/6.8.0-sim/extra/c.ko 

                """)
        #expect(shell.execute("modprobe c") == "")
        #expect(
            shell.execute("modprobe --first-time c")
                == "modprobe: ERROR: could not insert 'c': Module already in kernel\n")
        #expect(shell.execute("modprobe -r b") == "modprobe: FATAL: Module b is in use.\n")
        #expect(shell.execute("rmmod a") == "rmmod: ERROR: Module a is in use by: b c\n")
        #expect(
            shell.execute("rmmod -f a") == """
                rmmod: ERROR: could not remove 'a': Resource temporarily unavailable
                rmmod: ERROR: could not remove module a: Resource temporarily unavailable

                """)
        #expect(shell.execute("modprobe -r -v c") == "rmmod c\nrmmod b\nrmmod a\n")
        #expect(shell.loader.modules.isEmpty)
        #expect(shell.execute("modprobe -r c") == "")
        #expect(shell.execute("rmmod c") == "rmmod: ERROR: Module c is not currently loaded\n")
    }

    @Test func configAliasesBlacklistOptionsSoftdeps() throws {
        let shell = try Self.shell(
            Self.chain
                + "module opt\n  MODULE_LICENSE \"GPL\"\n  module_param level int 0644\n  module_init opt_init printk=\"level=%d\\n\",level\n"
        )
        _ = shell.execute("depmod")
        _ = shell.execute("echo 'alias mydev opt' > /etc/modprobe.d/a.conf")
        _ = shell.execute("echo 'options opt level=3' >> /etc/modprobe.d/a.conf")
        _ = shell.execute("echo 'softdep a pre: pre' >> /etc/modprobe.d/a.conf")
        _ = shell.execute("echo 'blacklist c' >> /etc/modprobe.d/a.conf")
        _ = shell.execute("echo 'bogus line' >> /etc/modprobe.d/a.conf")
        #expect(
            shell.execute("modprobe -D mydev level=4") == "insmod /lib/modules/6.8.0-sim/extra/opt.ko level=3 level=4\n"
        )
        #expect(shell.execute("modprobe mydev level=4") == "")
        #expect(shell.loader.lines.last == "level=4")
        // Blacklisted: skipped through an alias, loaded by its own name.
        #expect(shell.execute("modprobe pci:v00001234d5678") == "")
        #expect(shell.loader.findModule("c") == nil)
        #expect(
            shell.execute("modprobe -v a")
                == "insmod /lib/modules/6.8.0-sim/extra/pre.ko \ninsmod /lib/modules/6.8.0-sim/extra/a.ko \n")
        #expect(shell.execute("modprobe c") == "")
        #expect(shell.loader.findModule("c") != nil)
        #expect(shell.execute("modinfo -F alias c") == "pci:v00001234d*\n")
        #expect(shell.execute("modinfo -p opt") == "level: (int)\n")
        #expect(shell.execute("modinfo nothing") == "modinfo: ERROR: Module nothing not found.\n")
    }

    @Test func moduleSoftdepsThroughModulesSoftdep() throws {
        let shell = try Self.shell(Self.chain + "module soft\n  MODULE_SOFTDEP \"pre: pre post: a\"\n")
        _ = shell.execute("depmod")
        #expect(
            shell.execute("cat /lib/modules/6.8.0-sim/modules.softdep")
                == "# Soft dependencies extracted from modules themselves.\nsoftdep soft pre: pre post: a\n")
        #expect(
            shell.execute("modprobe -D soft") == """
                insmod /lib/modules/6.8.0-sim/extra/pre.ko 
                insmod /lib/modules/6.8.0-sim/extra/soft.ko 
                insmod /lib/modules/6.8.0-sim/extra/a.ko 

                """)
    }

    @Test func kernelCommandLineOptionsAndHolders() throws {
        let loader = try ModuleFixtures.loader(
            ModuleFixtures.par + ModuleFixtures.depUser, cmdline: "par.age=7 modprobe.blacklist=user quiet")
        let shell = ModuleShell(loader: loader)
        _ = shell.execute("depmod")
        #expect(shell.execute("modprobe -D par") == "insmod /lib/modules/6.8.0-sim/extra/par.ko age=7\n")
        #expect(shell.execute("modprobe par age=9") == "")
        #expect(loader.lines.last == "age:9")
        #expect(shell.execute("cat /proc/cmdline") == "par.age=7 modprobe.blacklist=user quiet\n")
        _ = shell.execute("modprobe user")
        #expect(
            shell.execute("ls -l /sys/module/dep/holders")
                == "total 0\nlrwxrwxrwx 1 root root     0 Jan  1 00:00 user -> ../../user\n")
    }

    @Test func busyboxMessages() throws {
        let shell = try Self.shell(Self.chain, userland: .busybox)
        #expect(
            shell.execute("insmod b.ko")
                == "insmod: can't insert 'b.ko': unknown symbol in module, or unknown parameter\n")
        #expect(shell.execute("insmod a.ko") == "")
        #expect(shell.execute("insmod b.ko") == "")
        #expect(shell.execute("rmmod a") == "rmmod: can't unload module 'a': Resource temporarily unavailable\n")
        #expect(
            shell.execute("lsmod").hasPrefix("Module                  Size  Used by    Tainted: G  \nb 16384 0 - Live"))
        #expect(shell.execute("frobnicate") == "sh: frobnicate: not found\n")
        #expect(shell.execute("modprobe c") == "modprobe: can't open 'modules.dep': No such file or directory\n")
        #expect(shell.execute("depmod") == "")
        #expect(
            shell.execute("modprobe -D c x=1")
                == "insmod /lib/modules/6.8.0-sim/extra/a.ko\ninsmod /lib/modules/6.8.0-sim/extra/b.ko\ninsmod /lib/modules/6.8.0-sim/extra/c.ko x=1\n"
        )
        #expect(shell.execute("modprobe c") == "")
        #expect(shell.execute("modprobe nosuch") == "modprobe: module nosuch not found in modules.dep\n")
        #expect(
            shell.execute("modprobe -r b") == "modprobe: can't unload module 'b': Resource temporarily unavailable\n")
        #expect(shell.execute("modprobe -r c") == "")
        #expect(shell.loader.modules.isEmpty)
    }

    @Test func shellFilesAndUsers() throws {
        let shell = try Self.shell(ModuleFixtures.par)
        #expect(shell.execute("cat /proc/modules") == "")
        #expect(shell.execute("insmod par.ko") == "")
        #expect(shell.execute("cat /sys/module/par/refcnt /sys/module/par/initstate") == "0\nlive\n")
        #expect(shell.execute("ls /sys/module/par/parameters") == "age  arr\n")
        #expect(shell.execute("cat /nowhere") == "cat: /nowhere: No such file or directory\n")
        #expect(shell.execute("su user") == "")
        #expect(shell.prompt == "$ ")
        #expect(shell.execute("cat /proc/modules") == "par 16384 0 - Live 0x0000000000000000 (O)\n")
        #expect(
            shell.execute("insmod par.ko") == "insmod: ERROR: could not insert module par.ko: Operation not permitted\n"
        )
        #expect(
            shell.execute("echo 1 > /proc/sys/kernel/modules_disabled")
                == "bash: /proc/sys/kernel/modules_disabled: Permission denied\n")
        #expect(shell.execute("exit") == "")
        #expect(shell.execute("whoami") == "root\n")
        #expect(shell.execute("insmod") == "insmod: ERROR: missing filename.\n")
        #expect(
            shell.execute("insmod gone.ko")
                == "insmod: ERROR: could not load module gone.ko: No such file or directory\n")
        #expect(shell.execute("frobnicate") == "bash: frobnicate: command not found\n")
    }
}

@Suite struct BuiltinModuleTests {
    @Test func toolsKnowBuiltInModules() throws {
        let loader = try ModuleFixtures.loader(
            "module par build=y\n  module_param age int 0644 default=3\n  module_init par_init\n", cmdline: "par.age=5")
        let shell = ModuleShell(loader: loader)
        _ = shell.execute("depmod")
        #expect(shell.execute("modprobe par") == "")
        #expect(shell.execute("modprobe -D par") == "builtin par\n")
        #expect(shell.execute("modprobe -r par") == "modprobe: FATAL: Module par is builtin.\n")
        #expect(shell.execute("rmmod par") == "rmmod: ERROR: Module par is builtin.\n")
        #expect(shell.execute("cat /sys/module/par/parameters/age") == "5\n")
        #expect(shell.execute("echo 6 > /sys/module/par/parameters/age") == "")
        #expect(shell.execute("cat /sys/module/par/parameters/age") == "6\n")
    }

    @Test func oldKernelsWarnFromSysInitModule() throws {
        let loader = try ModuleFixtures.loader(
            "module odd\n  MODULE_LICENSE \"GPL\"\n  module_init odd_init returns=1\n", version: "3.5.0")
        #expect(loader.insmod("odd") == 0)
        #expect(loader.lines.contains("sys_init_module: loading module anyway..."))
        #expect(loader.lines.contains(" sys_init_module+0x9f/0x1e0"))
        let five = try ModuleFixtures.loader(
            "module odd\n  MODULE_LICENSE \"GPL\"\n  module_init odd_init returns=1\n", version: "5.10.0")
        #expect(five.insmod("odd") == 0)
        #expect(five.lines.contains(" __do_sys_finit_module+0xbb/0x130"))
        #expect(five.lines.contains(" do_init_module+0x60/0x240"))
    }
}

@Suite struct ShellPanicTests {
    @Test func aPanickingInitStopsTheMachine() throws {
        let loader = try ModuleFixtures.loader(
            "module boom\n  MODULE_LICENSE \"GPL\"\n  module_init boom_init panic=\"boom: cannot go on\"\n")
        let shell = ModuleShell(loader: loader)
        let transcript = shell.runScript("insmod boom.ko\nlsmod\n")
        #expect(shell.halted)
        #expect(transcript.hasPrefix("# insmod boom.ko\n["))
        #expect(transcript.contains("] Kernel panic - not syncing: boom: cannot go on\n"))
        #expect(!transcript.contains("# lsmod"))
        #expect(shell.execute("lsmod -x") == "lsmod: ERROR: too many arguments provided.\n")
        #expect(shell.execute("insmod -") == "insmod: ERROR: this tool does not support loading from stdin!\n")
    }
}
