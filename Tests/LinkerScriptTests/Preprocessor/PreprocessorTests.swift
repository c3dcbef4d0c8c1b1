import Foundation
import LinkerScript
import TestSupport
import Testing

/// In-memory files for include tests.
func memoryLoader(_ files: [String: String]) -> Preprocessor.FileLoader {
    { path in
        guard let text = files[path] else { throw Preprocessor.NoSuchFile(path: path) }
        return text
    }
}

extension Preprocessor {
    struct NoSuchFile: Error { var path: String }
}

/// The non-empty output lines, trimmed.
func expandedLines(_ text: String, options: Preprocessor.Options = .init(), files: [String: String] = [:]) throws
    -> [String]
{
    let result = try Preprocessor.preprocess(text, file: "t.lds.S", options: options, loader: memoryLoader(files))
    return result.source.text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
        !$0.isEmpty
    }
}

@Suite("Preprocessor: macros")
struct MacroTests {
    @Test func objectLikeAndFunctionLike() throws {
        let text = """
            #define ALIGNMENT 8
            #define SYM(name) name = .;
            . = ALIGN(ALIGNMENT);
            SYM(__start)
            """
        #expect(try expandedLines(text) == [". = ALIGN(8);", "__start = .;"])
    }

    @Test func pastingBuildsInitcallSectionNames() throws {
        let text = """
            #define INIT_CALLS_LEVEL(level) \\
                __initcall##level##_start = .; \\
                KEEP(*(.initcall##level##.init)) \\
                KEEP(*(.initcall##level##s.init))
            INIT_CALLS_LEVEL(6)
            INIT_CALLS_LEVEL(rootfs)
            """
        #expect(
            try expandedLines(text) == [
                "__initcall6_start = .; KEEP(*(.initcall6.init)) KEEP(*(.initcall6s.init))",
                "__initcallrootfs_start = .; KEEP(*(.initcallrootfs.init)) KEEP(*(.initcallrootfss.init))",
            ])
    }

    @Test func stringizing() throws {
        let text = """
            #define STR(x) #x
            #define XSTR(x) STR(x)
            #define LEVEL 6
            ASSERT(1, STR(a "b" c)) XSTR(LEVEL)
            """
        #expect(try expandedLines(text) == [#"ASSERT(1, "a \"b\" c") "6""#])
    }

    @Test func rescanningAndNestedArguments() throws {
        let text = """
            #define BOUNDED_SECTION_POST_LABEL(_sec_, _label_, _BEGIN_, _END_) \\
                _label_##_BEGIN_ = .; KEEP(*(_sec_)) _label_##_END_ = .;
            #define CON_INITCALL BOUNDED_SECTION_POST_LABEL(.con_initcall.init, __con_initcall, _start, _end)
            CON_INITCALL
            """
        #expect(
            try expandedLines(text) == ["__con_initcall_start = .; KEEP(*(.con_initcall.init)) __con_initcall_end = .;"]
        )
    }

    @Test func argumentsMaySpanLines() throws {
        let text = """
            #define PAIR(a, b) a = b;
            PAIR(x,
                 y)
            z = 1;
            """
        let result = try Preprocessor.preprocess(text, file: "t.lds.S")
        #expect(result.source.text.contains("x = y;"))
        let origins = try #require(result.source.origins)
        #expect(origins.map(\.line) == [2, 4])
    }

    @Test func variadicAndGnuComma() throws {
        let text = """
            #define LIST(first, rest...) first , ## rest
            #define V(...) [__VA_ARGS__]
            LIST(a) LIST(a, b, c) V(1, 2)
            """
        // GCC writes the pasted comma against the first variadic argument: `,b`.
        #expect(try expandedLines(text) == ["a a ,b, c [1, 2]"])
    }

    @Test func undefAndRedefinitionWarning() throws {
        let text = """
            #define A 1
            #define A 2
            #undef A
            A
            """
        let result = try Preprocessor.preprocess(text, file: "t.lds.S")
        #expect(result.source.text.trimmingCharacters(in: .whitespacesAndNewlines) == "A")
        #expect(result.warnings.map(\.message) == ["'A' redefined"])
        #expect(result.warnings.first?.location.line == 2)
    }

    @Test func builtins() throws {
        let text = """
            a = __LINE__; b = __COUNTER__; c = __COUNTER__;
            """
        #expect(try expandedLines(text) == ["a = 1; b = 0; c = 1;"])
    }

    @Test func commentsAndContinuations() throws {
        let text = """
            /* a comment
               over lines */ x = 1; // trailing
            #define LONG a \\
              b
            LONG
            """
        #expect(try expandedLines(text) == ["x = 1;", "a b"])
    }

    @Test func commandLineDefines() throws {
        let options = Preprocessor.Options(defines: ["CONFIG_X", "LEVEL=7", "F(x)=x+1"], undefines: ["LINKER_SCRIPT"])
        let text = """
            #ifdef CONFIG_X
            a = LEVEL; b = F(2);
            #endif
            #ifndef LINKER_SCRIPT
            c = __ASSEMBLY__;
            #endif
            """
        #expect(try expandedLines(text, options: options) == ["a = 7; b = 2+1;", "c = 1;"])
    }

    @Test func unexpandedLinesKeepTheirColumns() throws {
        let result = try Preprocessor.preprocess("#define X 1\n\t  foo = X;\n", file: "t.lds.S")
        #expect(result.source.text == "   foo = 1;")
        let origin = try #require(result.source.origins?.first)
        #expect(origin.line == 2)
        #expect(origin.expandedText == "   foo = 1;")
    }

    @Test func macroTableListsDefinitionsInOrder() throws {
        let result = try Preprocessor.preprocess(
            "#define B 2\n#define A(x) x\n", file: "t.h", options: .init(kbuildDefines: false))
        #expect(result.macros.definitions.map(\.name) == ["B", "A"])
        #expect(result.macros["A"]?.parameters == ["x"])
        #expect(result.macros["A"]?.location.description == "t.h:2:9")
    }

    @Test func expandHelper() throws {
        let result = try Preprocessor.preprocess(
            "#define device_initcall(fn) __define_initcall(fn, 6)\n", file: "init.h",
            options: .init(kbuildDefines: false))
        #expect(
            try Preprocessor.expand("device_initcall(f)", macros: result.macros)
                == ["__define_initcall", "(", "f", ",", "6", ")"])
    }
}

@Suite("Preprocessor: conditionals")
struct ConditionalTests {
    @Test(arguments: [
        ("1", true), ("0", false), ("2 > 1 && 3", true), ("defined(A)", true), ("defined B", false),
        ("!defined(B) || 0", true), ("A == 5", true), ("UNKNOWN", false), ("(1 ? 0 : 1)", false),
        ("1 << 3 == 8", true), ("-1 < 0", true), ("0x10 == 16 && 010 == 8", true), ("7 % 4 == 3", true),
        ("~0 == -1", true), ("(A + 1) * 2 == 12", true), ("1 != 1", false), ("'a' == 97", true),
        ("3 >= 3 && 2 <= 1", false), ("5 >> 1 | 8 ^ 1", true), ("4 / 2 - 2", false), ("10UL == 10", true),
    ])
    func expressions(_ expression: String, _ expected: Bool) throws {
        let text = "#define A 5\n#if \(expression)\nyes\n#else\nno\n#endif\n"
        #expect(try expandedLines(text) == [expected ? "yes" : "no"])
    }

    @Test func elifChainsAndNesting() throws {
        let text = """
            #define LEVELS 9
            #if LEVELS == 8
            eight
            #elif LEVELS == 9
            #if 1
            nine
            #else
            never
            #endif
            #elif LEVELS == 9
            again
            #else
            other
            #endif
            """
        #expect(try expandedLines(text) == ["nine"])
    }

    @Test func skippedGroupsIgnoreOtherDirectives() throws {
        let text = """
            #if 0
            #error not reached
            #include "missing.h"
            #bogus
            #endif
            ok
            """
        #expect(try expandedLines(text) == ["ok"])
    }
}

@Suite("Preprocessor: includes")
struct IncludeTests {
    @Test func quotedIsRelativeToTheIncluder() throws {
        let files = [
            "arch/x86/vmlinux.lds.S": "#include \"sub/defs.h\"\nVALUE\n",
            "arch/x86/sub/defs.h": "#include \"more.h\"\n",
            "arch/x86/sub/more.h": "#define VALUE v = 1;\n",
        ]
        let result = try Preprocessor.preprocess(file: "arch/x86/vmlinux.lds.S", loader: memoryLoader(files))
        #expect(result.source.text.contains("v = 1;"))
        #expect(
            result.files == ["<command-line>", "arch/x86/vmlinux.lds.S", "arch/x86/sub/defs.h", "arch/x86/sub/more.h"])
    }

    @Test func angledSearchesIncludeDirectories() throws {
        let files = [
            "arch/vmlinux.lds.S": "#include <asm-generic/vmlinux.lds.h>\nX\n",
            "include/asm-generic/vmlinux.lds.h": "#define X x = 2;\n",
        ]
        let options = Preprocessor.Options(includeDirectories: ["include"])
        let result = try Preprocessor.preprocess(
            file: "arch/vmlinux.lds.S", options: options, loader: memoryLoader(files))
        #expect(result.source.text.contains("x = 2;"))
    }

    @Test func includeGuardsStopLoops() throws {
        let files = ["a.h": "#ifndef A_H\n#define A_H\n#include \"a.h\"\nonce\n#endif\n"]
        let result = try Preprocessor.preprocess("#include \"a.h\"\n", file: "main.S", loader: memoryLoader(files))
        #expect(result.source.text.components(separatedBy: "once").count == 2)
    }

    @Test func originsPointIntoIncludedFiles() throws {
        let files = ["defs.h": "\n\nbad line here\n"]
        let result = try Preprocessor.preprocess(
            "#include \"defs.h\"\nx = 1;\n", file: "main.S", loader: memoryLoader(files))
        let origins = try #require(result.source.origins)
        #expect(origins.map { "\($0.file):\($0.line)" } == ["defs.h:1", "defs.h:2", "defs.h:3", "main.S:2"])
    }
}

/// Translation phase 2 as GCC does it, for headers as people paste them.
@Suite("Preprocessor: line splicing")
struct LineSplicingTests {
    @Test func backslashSpaceNewlineJoinsWithGCCsWarning() throws {
        let text = "#define LIST \\\n  *(.a) \\ \n  *(.b) \\\t \r\n  *(.c)\nSECTIONS { .x : { LIST } }\n"
        let result = try Preprocessor.preprocess(text, file: "v.lds.h", options: .init(), loader: memoryLoader([:]))
        #expect(result.source.text.contains("*(.a) *(.b) *(.c)"))
        #expect(
            result.warnings.map(\.description) == [
                "v.lds.h:2:9: warning: backslash and newline separated by space",
                "v.lds.h:3:9: warning: backslash and newline separated by space",
            ])
        #expect(result.warnings.first?.sourceLine == "  *(.a) \\ ")
    }

    @Test func backslashSpaceAtTheEndOfTheFileIsNoSplice() throws {
        let result = try Preprocessor.preprocess("A \\ ", file: "v.h", options: .init(), loader: memoryLoader([:]))
        #expect(result.warnings.isEmpty)
        // The lone backslash stays a token of its own.
        #expect(result.source.text.contains("\\"))
    }

    @Test func plainSplicesDoNotWarn() throws {
        let result = try Preprocessor.preprocess(
            "#define L a \\\n b\nL\n", file: "v.h", options: .init(), loader: memoryLoader([:]))
        #expect(result.warnings.isEmpty)
        #expect(result.source.text.contains("a b"))
    }
}
