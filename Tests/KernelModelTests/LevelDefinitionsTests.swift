import BootAnalysis
import Foundation
import KernelLink
import KernelModel
import LinkerScript
import TestSupport
import Testing

@Suite("Level definitions")
struct LevelDefinitionsTests {
    @Test func linux6HeaderReadsAsTheDefaultTable() throws {
        let header = LevelTable.linux6.headerText() + LevelTable.linux6.initcallLevelsText()
        let table = try LevelDefinitions.parse(header, file: "init.h")
        #expect(table == LevelTable.linux6)
        #expect(table.sources?.macros["device_initcall"]?.line == 14)
        #expect(table.sources?.initcallLevels?.count == 9)
    }

    @Test func theClassicRecipeWithIfOne() throws {
        let table = try Fixtures.levels("Examples/custom-level/init.h", "Examples/custom-level/main.c")
        #expect(table.id(forMacro: "prev_device_initcall")?.id == "6")
        #expect(table.id(forMacro: "device_initcall")?.id == "7")
        #expect(table.id(forMacro: "module_init")?.id == "7")
        #expect(table.id(forMacro: "__initcall")?.id == "7")
        #expect(table.id(forMacro: "late_initcall_sync")?.id == "8s")
        #expect(table.id(forMacro: "console_initcall")?.section == ".con_initcall.init")
        #expect(table.initcallLevels.count == 10)
        #expect(table.initcallLevelNames[6] == "prev_device")
        #expect(table.sources?.macros["prev_device_initcall"]?.description == "Examples/custom-level/init.h:23:9")
        #expect(table.sources?.initcallLevels?[8].description == "Examples/custom-level/main.c:16:2")
    }

    @Test func withoutMainCTheArraysAreLinux() throws {
        let table = try Fixtures.levels("Examples/custom-level/init.h")
        #expect(table.initcallLevels == LevelTable.linux6.initcallLevels)
        #expect(table.initcallLevelNames == LevelTable.linux6.initcallLevelNames)
        #expect(table.sources?.initcallLevels == nil)
    }

    @Test func arraysAloneKeepLinuxMacros() throws {
        let table = try LevelDefinitions.parse(
            "static const char *initcall_level_names[] = { \"a\", \"b\" };\n"
                + "static initcall_entry_t *initcall_levels[] __initdata = { __initcall0_start, __initcall1_start, __initcall_end };\n",
            file: "main.c")
        #expect(table.ids == LevelTable.linux6.ids)
        #expect(table.initcallLevelNames == ["a", "b"])
        #expect(table.earlySlice?.end == "__initcall0_start")
    }

    @Test func definesSelectBranches() throws {
        let text =
            "#ifdef NEW\n#define x_initcall(fn) __define_initcall(fn, 9)\n#else\n#define x_initcall(fn) __define_initcall(fn, 8)\n#endif\n"
        let off = try LevelDefinitions.parse(text, file: "init.h")
        let on = try LevelDefinitions.parse(
            text, file: "init.h", options: .init(defines: ["NEW"], kbuildDefines: false))
        #expect(off.id(forMacro: "x_initcall")?.id == "8")
        #expect(on.id(forMacro: "x_initcall")?.id == "9")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var text: String
        var message: String
        var location: String
        var testDescription: String { message }
    }

    @Test(arguments: [
        Bad(
            text: "static initcall_entry_t *initcall_levels[] = __initcall0_start;\n",
            message: "expected '{' after 'initcall_levels[] ='", location: "l.c:1:46"),
        Bad(
            text: "static initcall_entry_t *initcall_levels[] = { 1, };\n",
            message: "expected a boundary symbol in initcall_levels[], found '1'", location: "l.c:1:48"),
        Bad(
            text: "static const char *initcall_level_names[] = { pure };\n",
            message: "expected a level name in quotes in initcall_level_names[], found 'pure'", location: "l.c:1:47"),
        Bad(
            text: "static const char *initcall_level_names[] = { \"pure\",\n",
            message: "'initcall_level_names[]' is not closed with '}'", location: "l.c:1:20"),
        Bad(
            text: "#if 1\n#define a_initcall(fn) __define_initcall(fn, 1)\n", message: "unterminated #if",
            location: "l.c:1:2"),
    ])
    func errors(_ bad: Bad) throws {
        #expect {
            _ = try LevelDefinitions.parse(bad.text, file: "l.c")
        } throws: { error in
            guard let error = error as? LevelDefinitionError else { return false }
            return error.diagnostic.message == bad.message && error.diagnostic.location.description == bad.location
                && error.diagnostic.sourceLine != nil
        }
    }
}

@Suite("Level table editing")
struct LevelTableEditingTests {
    @Test func insertingALevelOffersItsMacrosAndTables() throws {
        let table = try LevelTable.linux6.insertingLevel("prev_device", after: "fs")
        #expect(
            table.initcallLevelNames == [
                "pure", "core", "postcore", "arch", "subsys", "fs", "prev_device", "device", "late",
            ])
        #expect(table.initcallLevels[6] == "__initcallprev_device_start")
        #expect(table.id(forMacro: "prev_device_initcall")?.section == ".initcallprev_device.init")
        #expect(table.id(forMacro: "prev_device_initcall_sync")?.id == "prev_devices")
        let ids = table.ids.map(\.id)
        let rootfss = try #require(ids.firstIndex(of: "rootfss"))
        #expect(ids[rootfss + 1] == "prev_device")
        #expect(ids[rootfss + 3] == "6")
    }

    @Test func insertedLevelRunsEndToEnd() throws {
        let levels = try LevelTable.linux6.insertingLevel("prev_device", after: "fs")
        let script = try LinkerScript.parse(
            "SECTIONS { .init.data : {\n" + levels.initCallsText()
                + "__con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;\n} }",
            file: "gen.lds")
        #expect(LayoutChecks.run(script: script, levels: levels).isEmpty)
        var kernel = KernelDescription()
        kernel.levels = levels
        kernel.linkerScript = script
        kernel.object("sound/codec.o") { tu in tu.module_init(InitFunction("codec_init") { _ in 0 }) }
        kernel.object("drivers/clk.o") { tu in tu.prev_device_initcall(InitFunction("clk_init") { _ in 0 }) }
        let image = try Linker.link(kernel)
        let order = image.runOrder.map { (image.name(of: $0.slice), image.table[$0.entry].function) }
        #expect(order.map(\.1) == ["clk_init", "codec_init"])
        #expect(order.map(\.0) == ["prev_device", "device"])
    }

    @Test func removingAndRenaming() throws {
        let removed = try LevelTable.linux6.removingLevel("pure")
        #expect(removed.initcallLevels.first == "__initcall1_start")
        #expect(removed.earlySlice?.end == "__initcall1_start")
        #expect(removed.id(forMacro: "pure_initcall") == nil)
        #expect(removed.id(named: "0s") == nil)
        let renamed = try LevelTable.linux6.renamingLevel("device", to: "driver")
        #expect(renamed.initcallLevelNames[6] == "driver")
        #expect(renamed.id(forMacro: "driver_initcall")?.id == "6")
        #expect(renamed.id(forMacro: "driver_initcall_sync")?.id == "6s")
        #expect(renamed.id(forMacro: "module_init")?.id == "6")
    }

    @Test func editErrors() {
        #expect(throws: LevelTableError.unknownLevel("nope", known: LevelTable.linux6.initcallLevelNames)) {
            _ = try LevelTable.linux6.insertingLevel("x", after: "nope")
        }
        #expect(throws: LevelTableError.duplicateLevel("fs")) {
            _ = try LevelTable.linux6.insertingLevel("fs", after: "core")
        }
        #expect(throws: LevelTableError.duplicateID("6")) {
            _ = try LevelTable.linux6.insertingLevel("x", after: "core", id: "6")
        }
        #expect(throws: LevelTableError.invalidName("a-b")) {
            _ = try LevelTable.linux6.insertingLevel("a-b", after: "core")
        }
        #expect(throws: LevelTableError.duplicateLevel("late")) {
            _ = try LevelTable.linux6.renamingLevel("device", to: "late")
        }
        #expect(throws: LevelTableError.invalidName("")) { _ = try LevelTable.linux6.renamingLevel("device", to: "") }
        #expect(throws: LevelTableError.unknownLevel("x", known: LevelTable.linux6.initcallLevelNames)) {
            _ = try LevelTable.linux6.removingLevel("x")
        }
        #expect(LevelTableError.duplicateID("6").description.contains(".initcall6.init"))
    }

    @Test func initCallsTextMatchesTheShippedLayout() throws {
        let text = LevelTable.linux6.initCallsText(indent: "")
        #expect(text.hasPrefix("__initcall_start = .;\nKEEP(*(.initcallearly.init))\n__initcall0_start = .;\n"))
        #expect(text.hasSuffix("KEEP(*(.initcall7s.init))\n__initcall_end = .;\n"))
        #expect(
            text.contains(
                "__initcallrootfs_start = .;\nKEEP(*(.initcallrootfs.init))\nKEEP(*(.initcallrootfss.init))\n"))
        let macro = LevelTable.linux6.initCallsMacroText()
        #expect(macro.contains("INIT_CALLS_LEVEL(rootfs)"))
        let expanded = try Preprocessor.preprocess(
            "#define INIT_CALLS_LEVEL(level) __initcall##level##_start = .; KEEP(*(.initcall##level##.init)) KEEP(*(.initcall##level##s.init))\n"
                + macro + "INIT_CALLS\n", file: "m.h")
        #expect(
            expanded.source.text.split(separator: " ").joined(separator: " ").trimmingCharacters(
                in: .whitespacesAndNewlines)
                == text.split(separator: "\n").joined(separator: " "))
    }
}
