import KernelLink
import LinkerScript
import TestSupport
import Testing

/// The ld statements a real arch vmlinux.lds uses around the init sections.
@Suite("Linker-script language")
struct LanguageTests {
    static let script = """
        OUTPUT_FORMAT("elf64-x86-64", "elf64-x86-64", "elf64-x86-64")
        OUTPUT_ARCH(i386:x86-64)
        ENTRY(startup_64)
        SECTIONS
        {
          . = 0x1000;
          .text 0x2000 : AT(0x100) ALIGN(16) { *(.text .text.*) FILL(0x90909090) *(.fixup) } =0xcc
          .init.data : {
            PROVIDE(__provided = .);
            PROVIDE_HIDDEN(__hidden = . + 8);
            HIDDEN(__plain_hidden = 1);
            KEEP(*(SORT(.initcall*.init)))
            KEEP(*(SORT_BY_NAME(.sorted.*)))
            KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*)))
            KEEP(*(SORT_BY_NAME(SORT_BY_ALIGNMENT(.both.*))))
            *(EXCLUDE_FILE(*crtend.o *otherfile.o) .ctors)
            EXCLUDE_FILE(skip.o) *(.data)
            SORT(*)(.by_file)
            *(.a? .b[0-9] .c[!x] "quoted.name")
            ASSERT(. > 0, "inside")
          }
          /DISCARD/ : { *(.exitcall.exit) }
        }
        ASSERT(__provided != 0, "top level")
        TARGET(elf64-x86-64)
        UNKNOWN_THING(1, 2);
        """

    @Test func parsesEveryStatement() throws {
        let s = try LinkerScript.parse(Self.script, file: "l.lds")
        #expect(s.statements.count == 6)
        #expect(s.warnings.map(\.message) == ["unknown statement 'UNKNOWN_THING' skipped"])
        #expect(s.warnings.first?.location.description == "l.lds:26:1")
        let text = try #require(s.outputSections.first)
        #expect(text.address == .number(0x2000))
        #expect(text.loadAddress == .number(0x100))
        #expect(text.align == .number(16))
        #expect(text.fill == .number(0xcc))
        #expect(
            text.items.contains {
                if case .fill(.number(0x9090_9090), _) = $0 { return true }
                return false
            })
        let initData = s.outputSections[1]
        let inputs = initData.items.compactMap { item -> InputSectionDescription? in
            if case .input(let d) = item { return d }
            return nil
        }
        #expect(
            inputs.map(\.text) == [
                "KEEP(*(SORT_BY_NAME(.initcall*.init)))", "KEEP(*(SORT_BY_NAME(.sorted.*)))",
                "KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*)))", "KEEP(*(SORT_BY_NAME(SORT_BY_ALIGNMENT(.both.*))))",
                "*(EXCLUDE_FILE(*crtend.o *otherfile.o) .ctors)", "EXCLUDE_FILE(skip.o) *(.data)",
                "SORT_BY_NAME(*)(.by_file)",
                "*(.a? .b[0-9] .c[!x] quoted.name)",
            ])
        let kinds = initData.items.compactMap { item -> Assignment.Kind? in
            if case .assignment(let a) = item { return a.kind }
            return nil
        }
        #expect(kinds == [.provide, .provideHidden, .hidden])
        #expect(s.outputSections.last?.isDiscard == true)
    }

    @Test func placementFollowsLd() throws {
        let s = try LinkerScript.parse(Self.script, file: "l.lds")
        let inputs = [
            InputSection(file: "crtend.o", name: ".ctors", size: 1),
            InputSection(file: "a.o", name: ".ctors", size: 1),
            InputSection(file: "skip.o", name: ".data", size: 1),
            InputSection(file: "b.o", name: ".data", size: 1),
            InputSection(file: "z.o", name: ".by_file", size: 1),
            InputSection(file: "y.o", name: ".by_file", size: 1),
            InputSection(file: "a.o", name: ".init_array.00200", size: 1),
            InputSection(file: "b.o", name: ".init_array.00100", size: 1),
            InputSection(file: "a.o", name: ".aX", size: 1),
            InputSection(file: "a.o", name: ".b7", size: 1),
            InputSection(file: "a.o", name: ".cx", size: 1),
            InputSection(file: "a.o", name: "quoted.name", size: 1),
            InputSection(file: "a.o", name: ".exitcall.exit", size: 1),
            InputSection(file: "b.o", name: ".initcall6.init", size: 1),
            InputSection(file: "a.o", name: ".initcall1.init", size: 1),
        ]
        let map = try LinkMap(script: s, inputs: inputs)
        #expect(map.placements.map(\.input) == [14, 13, 7, 6, 1, 3, 5, 4, 8, 9, 11])
        #expect(map.orphans == [0, 2, 10])
        #expect(map.discarded.map(\.input) == [12])
        #expect(map.address(of: "__hidden").map { $0 - (map.address(of: "__provided") ?? 0) } == 8)
        #expect(map.warnings.isEmpty)
    }

    @Test func syntaxErrorsHaveCaret() {
        #expect {
            _ = try LinkerScript.parse("SECTIONS {\n  .a : { *(.a) \n  __x = . \n}\n", file: "e.lds")
        } throws: { error in
            guard case .syntax(let d) = error as? LinkerScriptError else { return false }
            return d.rendered() == """
                e.lds:4:1: error: expected ';' after the assignment to '__x'
                  }
                  ^
                note: an assignment ends with ';', as in '__x = .;'
                """
        }
    }

    @Test(arguments: [
        ("x = MAX(1);", "MAX() takes 2 arguments, not 1"),
        ("x = ALIGN(1, 2, 3);", "ALIGN() takes 1 or 2 arguments, not 3"),
        ("x = LOG2CEIL(1, 2);", "LOG2CEIL() takes 1 argument, not 2"),
    ])
    func functionsTakeTheArgumentsLdsGrammarGivesThem(_ text: String, _ message: String) {
        #expect {
            _ = try LinkerScript.parse(text, file: "f.lds")
        } throws: { error in
            guard case .syntax(let d) = error as? LinkerScriptError else { return false }
            return d.message == message && d.location.column == 5
        }
    }
}
