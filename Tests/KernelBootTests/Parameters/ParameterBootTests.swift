import Foundation
import KernelLink
import KernelModel
import Reports
import TestSupport
import Testing

@testable import KernelBoot

/// A description that declares a parameter of every type and every macro, for the boot tests,
/// the golden messages and the command-line mutation test.
enum EveryType {
    static let boot = #"""
        initramfs /init
        object drivers/misc/every.o
          modname every
          module_param b byte 0644 default=1
          module_param s short 0644 default=-2
          module_param us ushort 0644
          module_param i int 0644 default=25
          module_param ui uint 0644
          module_param l long 0644
          module_param ul ulong 0644
          module_param ull ullong 0644
          module_param h hexint 0644 default=0x10
          module_param cp charp 0644
          module_param flag bool 0644
          module_param inv invbool 0644
          module_param bi bint 0644
          module_param_named renamed var_renamed int 0644
          module_param_array arr int 0444 max=4 default=1,2
          module_param_array barr bool 0644 max=3 count=NULL
          module_param_array carr charp 0644 max=3
          module_param_string str 0644 size=8 default="abc"
          module_param_cb cb uint 0644
          module_param hidden int 0
          core_param every_core int 0644
          core_param_cb early_cb int 0644
          subsys_param_cb mode int 0644 default=1
          late_param_cb tail charp 0644
          MODULE_PARM_DESC i "an int"
          early_param "evearly" ev_early printk=KERN_INFO:"evearly %s\n",str
          __setup "evsetup=" ev_setup printk=KERN_INFO:"evsetup %s\n",str
          core_initcall every_core_init printk=KERN_INFO:"core: cb=%d mode=%d\n",early_cb,mode
          subsys_initcall every_subsys_init printk=KERN_INFO:"subsys: mode=%d\n",mode
          late_initcall every_late_init printk=KERN_INFO:"late: i=%d arr[1]=%d arr_count=%u str=%s tail=%s\n",i,arr[1],arr_count,str,tail
        """#

    static func description(_ cmdline: String = "") throws -> KernelDescription {
        var description = try BootFile.parse(boot, file: "every.boot")
        description.commandLine = cmdline
        return description
    }

    static func image() throws -> KernelImage { try Linker.link(description()) }
}

@Suite("parameters at boot")
struct ParameterBootTests {
    let golden = Golden("KernelBootTests")

    func boot(_ cmdline: String) throws -> BootResult {
        try Linker.link(EveryType.description(cmdline)).boot()
    }

    func value(_ result: BootResult, _ name: String) -> String? {
        result.parameters.first { $0.fullName == name }?.value
    }

    @Test func moduleParametersAreSetInTheBootingKernelPass() throws {
        let result = try boot("every.i=78 every.arr=12,13,14 every.str=hello every.cp=fw.bin every.h=255 every.flag")
        #expect(value(result, "every.i") == "78")
        #expect(value(result, "every.arr") == "12,13,14")
        #expect(value(result, "every.str") == "hello")
        #expect(value(result, "every.cp") == "fw.bin")
        #expect(value(result, "every.h") == "0x0000ff")
        #expect(value(result, "every.flag") == "Y")
        #expect(TestKernel.lines(result).contains("late: i=78 arr[1]=13 arr_count=3 str=hello tail=(null)"))
        #expect(result.options.argvInit == ["init"])
        #expect(result.options.envpInit == ["HOME=/", "TERM=linux"])
    }

    @Test func dashesAndUnderscoresAreAlikeOnBothSides() throws {
        var kernel = KernelDescription()
        kernel.object("drivers/misc/foo-bar.o") { tu in
            tu.module_param("some_param", .int, 0o644)
            tu.module_param("other-param", .int, 0o644)
        }
        kernel.commandLine = "foo-bar.some-param=5 foo_bar.other_param=6"
        let result = try Linker.link(kernel).boot()
        #expect(result.parameters.first { $0.fullName == "foo_bar.some_param" }?.value == "5")
        #expect(result.parameters.first { $0.fullName == "foo_bar.other-param" }?.value == "6")
        #expect(result.options.envpInit == ["HOME=/", "TERM=linux"])
    }

    @Test func levelTaggedParametersWaitForTheirLevel() throws {
        let result = try boot("every.mode=7 every.early_cb=3")
        let lines = TestKernel.lines(result)
        // The core initcall runs after the core pass (early_cb set) but before the subsys pass.
        #expect(lines.contains("core: cb=3 mode=1"))
        #expect(lines.contains("subsys: mode=7"))
        #expect(result.options.envpInit == ["HOME=/", "TERM=linux"], "level-tagged names are not passed to init")
        #expect(result.parameters.first { $0.fullName == "every.mode" }?.pass == "subsys")
    }

    @Test func badValuesAreReportedAndTheBootGoesOn() throws {
        let result = try boot("every.i=x every.mode=abc every.b=256 every.ui=7")
        let lines = TestKernel.lines(result)
        #expect(lines.contains("Booting kernel: `x' invalid for parameter `every.i'"))
        #expect(lines.contains("Booting kernel: `256' invalid for parameter `every.b'"))
        #expect(lines.contains("subsys: `abc' invalid for parameter `every.mode'"))
        #expect(value(result, "every.i") == "25")
        #expect(value(result, "every.ui") == "7")
        #expect(result.reachedInit)
    }

    @Test func theLastOccurrenceWins() throws {
        let result = try boot("every.i=1 every.i=2 every.mode=3 every.mode=4")
        #expect(value(result, "every.i") == "2")
        #expect(value(result, "every.mode") == "4")
    }

    @Test func unknownDottedNamesAreDroppedAndPlainOnesGoToInit() throws {
        let result = try boot("every.nosuch=1 nosuch.x=2 plain=3 word")
        #expect(result.options.envpInit == ["HOME=/", "TERM=linux", "plain=3"])
        #expect(result.options.argvInit == ["init", "word"])
    }

    @Test func nothingAfterDoubleDashIsAParameter() throws {
        let result = try boot("every.i=5 -- every.i=6 every.mode=9")
        #expect(value(result, "every.i") == "5")
        #expect(value(result, "every.mode") == "1")
        #expect(result.options.argvInit == ["init", "every.i=6", "every.mode=9"])
    }

    @Test func aBareNameReachesOnlyOpsThatTakeOne() throws {
        let result = try boot("every.flag every.bi every.inv every.i every.arr")
        let lines = TestKernel.lines(result)
        #expect(value(result, "every.flag") == "Y")
        #expect(value(result, "every.bi") == "1")
        #expect(lines.contains("Booting kernel: `' invalid for parameter `every.inv'"))
        #expect(lines.contains("Booting kernel: `' invalid for parameter `every.i'"))
        #expect(lines.contains("Booting kernel: `' invalid for parameter `every.arr'"))
    }

    @Test func anArrayErrorShowsTheValueAsParamArrayLeftIt() throws {
        let result = try boot("every.arr=1,x,3 every.arr=1,2,3,4,5")
        let lines = TestKernel.lines(result)
        #expect(lines.contains("Booting kernel: `1' invalid for parameter `every.arr'"))
        #expect(lines.contains("every.arr: can only take 4 arguments"))
        #expect(value(result, "every.arr") == "1,2,3,4", "elements before the error stay set")
    }

    @Test func coreParamsHaveNoPrefixAndLiveUnderKernel() throws {
        let result = try boot("every_core=9 every.every_core=10")
        let state = try #require(result.parameters.first { $0.fullName == "every_core" })
        #expect(state.value == "9")
        #expect(state.module == "kernel")
        #expect(state.sysfsPath == "/sys/module/kernel/parameters/every_core")
        #expect(result.parameters.first { $0.fullName == "every.hidden" }?.sysfsPath == nil, "perm 0: no file")
        #expect(
            result.parameters.first { $0.fullName == "printk.time" }?.sysfsPath == "/sys/module/printk/parameters/time")
    }

    @Test func earlyParamAndSetupHandlersRunAndKeepTheirArgument() throws {
        var kernel = try EveryType.description("evearly=x1 evsetup=on evsetupmore")
        kernel.object("drivers/misc/reader.o") { tu in
            tu.late_initcall(
                InitFunction("reader_init") { k in
                    k.pr_info(
                        "early=\(k.setupArgument("evearly") ?? "nil") setup=\(k.setupArgument("evsetup=") ?? "nil")")
                    return 0
                })
        }
        let result = try Linker.link(kernel).boot()
        let lines = TestKernel.lines(result)
        #expect(lines.contains("evearly x1"))
        #expect(lines.contains("evsetup on"))
        #expect(lines.contains("early=x1 setup=on"))
        // __setup("evsetup=") is a prefix match: "evsetupmore" does not start with "evsetup=".
        #expect(result.options.argvInit == ["init", "evsetupmore"])
        let bare = try boot("evearly")
        #expect(TestKernel.lines(bare).contains("evearly (null)"))
    }

    @Test func aCustomLevelHasItsOwnParameterPass() throws {
        let text = """
            linker-script "../../LinkerScripts/vmlinux-custom-9-levels.lds.S" -I../../LinkerScripts/include
            levels "init.h" "main.c"
            cmdline "clk.rate=48000 clk.bogus=1"
            object drivers/clk/clk.o
              prev_device_param_cb rate uint 0644 default=24000
              fs_initcall clk_fs printk=KERN_INFO:"fs: %u\\n",rate
              prev_device_initcall clk_init printk=KERN_INFO:"prev_device: %u\\n",rate
            """
        let description = try BootFile.parse(text, file: Fixtures.example("custom-level/param.boot"))
        let image = try Linker.link(description)
        let result = image.boot(commandLine: "clk.rate=48000 clk.rate=x", traceCommandLine: true)
        let lines = TestKernel.lines(result)
        #expect(lines.contains("fs: 24000"))
        #expect(lines.contains("prev_device: 48000"), "the second token failed and left 48000")
        #expect(lines.contains("prev_device: `x' invalid for parameter `clk.rate'"))
        #expect(result.parameters.first { $0.fullName == "clk.rate" }?.pass == "prev_device")
        let sets = result.commandLineTrace.filter { $0.action == .set }
        #expect(sets.map(\.pass) == ["prev_device"])
        #expect(sets.first?.level == 6)
    }

    @Test func swiftDeclarationsAndBodiesReadingThem() throws {
        var kernel = KernelDescription()
        kernel.commandLine = "par.age=78 par.arr=4,5 other.flag=n"
        kernel.object("drivers/misc/par.o") { tu in
            tu.module_param("age", .int, 0o644, default: 25)
            tu.module_param_array("arr", .int, 0o444, max: 10, default: [6, 7, 8])
            tu.module_param_string("name", size: 16, 0o644, default: "par")
            tu.MODULE_PARM_DESC("age", "how old")
            tu.module_init(
                InitFunction("par_init") { k in
                    let arr = k.param("arr")?.elements?.prefix(3).compactMap(\.intValue) ?? []
                    k.pr_info(
                        "age=\(k.paramInt("age") ?? -1) arr=\(arr) count=\(k.paramInt("arr_count") ?? -1) name=\(k.paramString("name") ?? "?") other=\(k.paramBool("other.flag") ?? false)"
                    )
                    return 0
                })
        }
        kernel.object("drivers/misc/other.o") { tu in tu.module_param("flag", .bool, 0o644, default: true) }
        let result = try Linker.link(kernel).boot()
        #expect(TestKernel.lines(result).contains("age=78 arr=[4, 5, 8] count=2 name=par other=false"))
        #expect(result.parameters.first { $0.fullName == "par.age" }?.description == "how old")
    }

    @Test func everyMessageMatchesGolden() throws {
        let longCharp = String(repeating: "c", count: 1025)
        let line =
            "every.i=x every.i=99999999999 every.b=256 every.us=-1 every.h=0xg every.cp=\(longCharp) every.str=toolongvalue every.arr=1,2,3,4,5 every.arr=1,x every.i every.inv every.flag every.bi every.barr=y,maybe every.mode=abc every.tail=late_tail every.early_cb=oops every.nosuch=1 every-core=5 evearly evearly=v evsetup=on every.renamed=7 every.carr=a,,b every.l=-0x8000000000000000 every.ull=18446744073709551616"
        let result = try Linker.link(EveryType.description(line)).boot(traceCommandLine: true)
        try golden.check(DmesgRenderer.render(result), against: "every-type-messages.dmesg")
        try golden.check(ParametersRenderer.render(result.parameters), against: "every-type-parameters.txt")
        try golden.check(CommandLineRenderer.render(result), against: "every-type-cmdline.txt")
        try golden.check(CommandLineRenderer.document(result).rendered(), against: "every-type-cmdline.json")
    }
}
