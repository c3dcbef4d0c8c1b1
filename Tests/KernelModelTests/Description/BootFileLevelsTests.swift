import KernelModel
import LinkerScript
import TestSupport
import Testing

@Suite("BootFile: levels and macro-form linker scripts")
struct BootFileLevelsTests {
    static let files: [String: String] = [
        "k/init.h":
            "#define prev_device_initcall(fn) __define_initcall(fn, 6)\n#ifdef NEW\n#define new_initcall(fn) __define_initcall(fn, 9)\n#endif\n",
        "k/bad.h": "#if 1\n",
        "k/old.h":
            "#define prev_device_initcall(fn) __define_initcall(\"6\",fn,6) \n#define device_initcall(fn) __define_initcall(\"7\",fn,7)\n",
        "k/v.lds.S": "#include <defs.h>\nSECTIONS { .init.data : { BODY } }\n",
        "inc/defs.h": "#define BODY __initcall_start = .; KEEP(*(.initcall6.init)) LEVEL_END\n",
    ]

    static func parse(_ text: String) throws(BootDescriptionError) -> KernelDescription {
        try BootFile.parse(
            text, file: "k/x.boot",
            loader: { path in
                guard let text = files[path] else { throw Preprocessor.NoSuchFileForTest() }
                return text
            })
    }

    @Test func levelsStatementDefinesMacros() throws {
        let d = try Self.parse(
            "levels \"init.h\" -DNEW\nobject a.o\n  prev_device_initcall a_init\n  new_initcall b_init\n")
        #expect(d.levels.id(forMacro: "new_initcall")?.id == "9")
        #expect(d.objects[0].entries.map(\.section) == [".initcall6.init", ".initcall9.init"])
        #expect(d.levels.sources?.files == ["k/init.h"])
    }

    /// Level files edit the table of the release `kernel` names: 2.6.27's single loop stays.
    @Test func levelFilesEditTheReleasesTable() throws {
        let d = try Self.parse("kernel \"2.6.27\"\nlevels \"old.h\"\nobject a.o\n  prev_device_initcall a_init\n")
        #expect(d.levels.loop == .single)
        #expect(d.levels.initcallLevels == ["__initcall_start", "__initcall_end"])
        #expect(d.levels.earlySlice == nil)
        #expect(d.levels.id(forMacro: "prev_device_initcall")?.section == ".initcall6.init")
        #expect(d.levels.id(forMacro: "device_initcall")?.section == ".initcall7.init")
        // No INIT_CALLS_LEVEL() sync siblings in a single-loop table.
        #expect(d.levels.id(named: "7s") == nil)
        #expect(throws: BootDescriptionError.self) {
            _ = try Self.parse("kernel \"2.6.27\"\nlevels \"old.h\"\nkernel \"6.8\"\n")
        }
        do {
            _ = try Self.parse("levels \"old.h\"\nkernel \"2.6.27\"\n")
            Issue.record("'kernel' after 'levels' of another era must be an error")
        } catch {
            #expect(error.diagnostic.message == "'kernel' after 'levels'")
            #expect(error.diagnostic.location.description == "k/x.boot:2:1")
        }
    }

    @Test func macroFormLinkerScriptWithOptions() throws {
        let d = try Self.parse("linker-script \"v.lds.S\" -I../inc -DLEVEL_END=__initcall_end=.;\n")
        let script = try #require(d.linkerScript)
        #expect(script.outputSections.first?.items.count == 3)
        #expect(script.file == "k/v.lds.S")
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var text: String
        var message: String
        var column: Int
        var testDescription: String { message }
    }

    @Test(arguments: [
        Bad(text: "object a.o\nlevels \"init.h\"\n", message: "'levels' after an object", column: 1),
        Bad(text: "levels\n", message: "'levels' expects init.h-like files, relative to this file", column: 8),
        Bad(text: "levels \"init.h\" -Xfoo\n", message: "unknown option '-Xfoo' for 'levels'", column: 17),
        Bad(text: "levels \"nope.h\"\n", message: "cannot read levels file 'k/nope.h'", column: 8),
        Bad(text: "linker-script \"v.lds.S\" \"w.lds\"\n", message: "'linker-script' takes one path", column: 25),
    ])
    func errors(_ bad: Bad) {
        #expect {
            _ = try Self.parse(bad.text)
        } throws: { error in
            guard let error = error as? BootDescriptionError else { return false }
            return error.diagnostic.message.hasPrefix(bad.message) && error.diagnostic.location.column == bad.column
        }
    }

    @Test func levelsFileErrorsNameTheFile() {
        #expect {
            _ = try Self.parse("levels \"bad.h\"\n")
        } throws: { error in
            guard case .levels(let e) = error as? BootDescriptionError else { return false }
            return e.diagnostic.description == "k/bad.h:1:2: error: unterminated #if"
        }
        #expect {
            _ = try Self.parse("linker-script \"v.lds.S\"\n")
        } throws: { error in
            guard case .linkerScript(let e) = error as? BootDescriptionError else { return false }
            return e.diagnostic.message == "'defs.h' file not found"
        }
    }
}

extension Preprocessor {
    struct NoSuchFileForTest: Error, CustomStringConvertible {
        var description: String { "no such file" }
    }
}
