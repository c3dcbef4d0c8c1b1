import InitcallSim
import TestSupport
import Testing

/// The `module NAME [build=y|m]` block: a driver built as a module or into the kernel.
@Suite struct ModuleBlockTests {
    static let par = """
        kernel "6.8.0-sim"
        initramfs /init
        module par build=BUILD
          MODULE_LICENSE "Dual BSD/GPL"
          MODULE_AUTHOR "letcos"
          MODULE_DESCRIPTION "STUDY_MODULE"
          MODULE_VERSION "v1.0"
          MODULE_ALIAS "par-study"
          module_param age int 0644 default=25
          module_param_array arr int 0444 max=10 default=1,2,3
          MODULE_PARM_DESC age "how old"
          EXPORT_SYMBOL_GPL par_get
          uses printk
          subsys_initcall par_init printk=KERN_INFO:"age=%d\\n",age
          module_exit par_exit

        """

    func parse(_ text: String) throws -> KernelDescription { try Fixtures.parse(text, file: "par.boot") }

    @Test func theIssueFormParses() throws {
        let description = try parse(
            """
            module par                                 # par.ko, in /lib/modules/<release>/
              MODULE_LICENSE "Dual BSD/GPL"
              MODULE_AUTHOR "letcos"
              MODULE_DESCRIPTION "STUDY_MODULE"
              MODULE_VERSION "v1.0"
              module_param age int 0644 default=25
              module_param_array arr int 0444 max=10 default=1,2,3,4,5,6,7,8,9,10
              module_init par_init printk="arg=%d\\n",age
              module_exit par_exit
            module dep
              MODULE_LICENSE "GPL"
              EXPORT_SYMBOL_GPL dep_get
            module user
              MODULE_LICENSE "GPL"
              uses dep_get                             # an undefined symbol the loader must resolve
              module_init user_init
              module_exit user_exit
            """)
        #expect(description.modules.map(\.name) == ["par", "dep", "user"])
        #expect(description.depends(of: description.modules[2]) == ["dep"])
    }

    @Test func aModuleStaysOutOfTheImage() throws {
        let description = try parse(Self.par.replacingOccurrences(of: "BUILD", with: "m"))
        #expect(description.objects.isEmpty)
        let par = try #require(description.modules.first)
        #expect(par.build == .module)
        #expect(par.initMacro == "module_init")
        #expect(par.initFunction?.name == "par_init")
        #expect(par.exitFunction?.name == "par_exit")
        #expect(par.object.params.map(\.name) == ["age", "arr"])
        #expect(par.exports == [.init(name: "par_get", gplOnly: true)])
        #expect(par.uses == ["printk"])
        #expect(par.isGPLCompatible)
    }

    @Test func builtInRunsAtItsLevelWithPrefixedParameters() throws {
        var description = try parse(Self.par.replacingOccurrences(of: "BUILD", with: "y"))
        description.commandLine = "par.age=78"
        let object = try #require(description.objects.first)
        #expect(object.modname == "par")
        #expect(object.entries.map(\.macro) == ["subsys_initcall", "module_exit"])
        let result = try Linker.link(description).boot()
        #expect(result.records.map(\.text).contains("age=78"))
    }

    @Test func modinfoAsTheBuildWritesIt() throws {
        let description = try parse(Self.par.replacingOccurrences(of: "BUILD", with: "m"))
        let par = try #require(description.modules.first)
        let info = description.modinfo(of: par)
        #expect(
            info.strings == [
                "parmtype=arr:array of int", "parm=age:how old", "parmtype=age:int", "alias=par-study",
                "version=v1.0", "description=STUDY_MODULE", "author=letcos", "license=Dual BSD/GPL",
                "srcversion=\(par.srcversion)", "depends=", "retpoline=Y", "name=par",
                "vermagic=6.8.0-sim SMP mod_unload ",
            ])
        #expect(par.srcversion.count == 23)
    }

    @Test func dependsNamesTheExportingModules() throws {
        let description = try parse(
            """
            module dep
              EXPORT_SYMBOL dep_get
            module user
              uses dep_get printk
            """)
        let user = try #require(description.modules.last)
        #expect(description.modinfo(of: user).value("depends") == "dep")
    }

    func diagnostic(_ text: String) -> String { Fixtures.diagnostic(text, file: "par.boot") }

    @Test func pureInitcallInAModuleIsAnError() {
        let text = diagnostic("module bad\n  pure_initcall bad_init\n")
        #expect(text.hasPrefix("par.boot:2:3: error: 'pure_initcall' in a module"))
        #expect(diagnostic("module ok build=y\n  pure_initcall ok_init\n") == "(no diagnostic)")
        #expect(
            diagnostic("module bad\n  __define_initcall bad_init 6\n").hasPrefix(
                "par.boot:2:3: error: '__define_initcall' in a module"))
        #expect(diagnostic("module bad\n  console_initcall bad_init\n") == "(no diagnostic)")
    }

    @Test func mistakesAreReportedAtTheirPlace() {
        #expect(
            diagnostic("MODULE_LICENSE \"GPL\"\n").hasPrefix("par.boot:1:1: error: 'MODULE_LICENSE' outside a module"))
        #expect(diagnostic("module m build=x\n").hasPrefix("par.boot:1:10: error: unknown option 'build=x'"))
        #expect(
            diagnostic("module m\n  module_init a\n  device_initcall b\n").hasPrefix(
                "par.boot:3:3: error: redefinition of 'init_module'"))
        #expect(diagnostic("module m\nmodule m\n").hasPrefix("par.boot:2:8: error: module 'm' is already defined"))
        #expect(diagnostic("module m\n  sizes core=abc\n").hasPrefix("par.boot:2:9: error: expected core=BYTES"))
    }

    @Test func swiftAPIBuildsEitherWay() throws {
        var module = ModuleDescription(name: "drv", build: .builtin)
        module.initFunction = InitFunction("drv_init") { k in
            k.printk(.KERN_INFO, "drv up\n")
            return 0
        }
        var description = KernelDescription()
        description.initramfs = ["/init"]
        description.add(module)
        #expect(description.objects.first?.entries.first?.macro == "module_init")
        let result = try Linker.link(description).boot()
        #expect(result.records.map(\.text).contains("drv up"))
        module.build = .module
        var loadable = KernelDescription()
        loadable.add(module)
        #expect(loadable.objects.isEmpty)
        #expect(loadable.modules.count == 1)
    }
}
