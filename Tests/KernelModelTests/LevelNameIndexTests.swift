import Testing

@testable import KernelModel

/// The macro index every registration line asks: the same answers as a dictionary that keeps
/// the first value of a name, for names looked up as strings or as bytes.
@Suite("Level table macro index")
struct LevelNameIndexTests {
    @Test func agreesWithADictionaryThatKeepsTheFirstValue() {
        var index = NameIndex()
        var reference: [String: Int] = [:]
        // Thousands of names (the table grows many times), repeats, multi-byte and long names.
        let names = (0..<3000).map { n in
            n % 7 == 0
                ? "mäcro_\(n % 500)_initcall" : "level\(n % 1200)_initcall_\(String(repeating: "x", count: n % 19))"
        }
        for (value, name) in names.enumerated() {
            index.insertIfAbsent(name, value: value)
            if reference[name] == nil { reference[name] = value }
        }
        for name in Set(names).sorted() {
            #expect(index.value(for: name) == reference[name])
            let entry = Array(name.utf8).withUnsafeBufferPointer { index.entry(for: $0) }
            #expect(entry?.name == name)
            #expect(entry?.value == reference[name])
        }
        for absent in ["", "level_initcall", "level1200_initcall_", "mäcro_500_initcall"] {
            #expect(index.value(for: absent) == nil)
        }
    }

    @Test func theShippedTableAnswersEveryMacroByBytes() {
        let table = LevelTable.linux6
        for (position, id) in table.ids.enumerated() {
            for macro in id.macros {
                let found = Array(macro.utf8).withUnsafeBufferPointer { table.macro(matching: $0) }
                #expect(found?.name == macro)
                #expect(found.map { table.ids[$0.index].id } == table.id(forMacro: macro)?.id)
                #expect(found?.index ?? -1 <= position)
            }
        }
    }
}

/// The byte prefilters that spare registration lines a hash: they must let every statement
/// they guard through, and stop every registration macro of every era.
@Suite("Statement prefilters")
struct StatementPrefilterTests {
    static let releases = ["2.6.12", "2.6.27", "3.3", "4.16", "6.8"]

    @Test func everyModuleKeywordPassesAndNoMacroDoes() {
        for keyword in BootFileParser.moduleKeywords {
            #expect(Array(keyword.utf8).withUnsafeBufferPointer(BootFileParser.mayBeModuleKeyword), "\(keyword)")
        }
        for release in Self.releases {
            for macro in LevelTable.linux(for: KernelVersion(release)).macroNames {
                #expect(!Array(macro.utf8).withUnsafeBufferPointer(BootFileParser.mayBeModuleKeyword), "\(macro)")
            }
        }
    }

    @Test func parameterStatementsPassAndLevelMacrosDoNot() {
        for keyword in [
            "module_param", "module_param_named", "early_param", "__setup", "MODULE_PARM_DESC", "core_param",
        ] {
            #expect(BootFileParser.mayBeParameterStatement(keyword), "\(keyword)")
        }
        #expect(!BootFileParser.mayBeParameterStatement("module_init"))
        for release in Self.releases {
            for macro in LevelTable.linux(for: KernelVersion(release)).macroNames
            where macro.hasSuffix("_initcall") || macro.hasSuffix("_initcall_sync") {
                #expect(!BootFileParser.mayBeParameterStatement(macro), "\(macro)")
            }
        }
    }
}
