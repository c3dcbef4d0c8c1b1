import LinkerScript
import SourceInput
import TestSupport
import Testing

/// The expanded `vmlinux.lds` form the boot core reads (issue "Boot core").
@Suite("expanded linker scripts")
struct ExpandedFormTests {
    @Test func unknownStatementsAreSkippedWithAWarning() throws {
        let script = try LinkerScript.parse(
            """
            FROBNICATE(12) ;
            SECTIONS {
              .init.data : { __initcall_start = .; KEEP(*(.initcallearly.init)) __initcall_end = .; }
            }
            WIDGET { a; b; }
            """, file: "w.lds")
        #expect(
            script.warnings.map(\.message) == [
                "unknown statement 'FROBNICATE' skipped", "unknown statement 'WIDGET' skipped",
            ])
        #expect(script.warnings.map(\.location.line) == [1, 5])
        #expect(script.outputSections.map(\.name) == [".init.data"])
    }

    @Test func commentsAndLineMarkersAreTrivia() throws {
        let script = try LinkerScript.parse(
            """
            /* a comment */
            # 40 "arch/x86/kernel/vmlinux.lds.S"
            SECTIONS { .a : { *(.a) } }
            """, file: "m.lds")
        #expect(
            script.outputSections.first?.location
                == SourceLocation(file: "arch/x86/kernel/vmlinux.lds.S", line: 40, column: 12))
    }

    @Test(arguments: [
        ("SECTIONS { .a : { *(.a) ¦", "expected '}' to close output section '.a', found end of file"),
        ("SECTIONS {\n  .a : { __x = . ¦}\n}", "expected ';' after the assignment to '__x'"),
        ("SECTIONS { .a : { . = ALIGN(¦) ; } }", "expected an expression"),
        ("SECTIONS { .a : { . = ¦FOO(8); } }", "unknown function 'FOO'"),
        ("SECTIONS { .a : { *(.a ¦", "expected ')' to close the section list, found end of file"),
        ("SECTIONS { .a ¦{ } }", "expected ':' after the output section name '.a'"),
        ("¦/* never closed", "unterminated comment"),
        ("SECTIONS { .a : { KEEP(¦) } }", "expected an input section description inside KEEP"),
        ("ENTRY(start\n¦", "expected ')' to close ENTRY"),
        ("SECTIONS { .a : { x = ¦0x; } }", "invalid number '0x'"),
        ("SECTIONS { .a : { EXCLUDE_FILE()¦ *(.a) } }", "EXCLUDE_FILE() needs at least one file pattern"),
        ("SECTIONS { .a : { ¦(x) } }", "expected an input section description"),
        ("SECTIONS { .a : { *(SORT(SORT(¦SORT(.a)))) } }", "sort keywords nest at most two deep"),
    ])
    func syntaxErrorsCarryTheirPlace(_ marked: String, _ message: String) {
        // The marker is where the error is reported; locate it like the parser does.
        let line =
            marked.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("¦") }.map {
                $0 + 1
            } ?? 1
        let column =
            (marked.split(separator: "\n", omittingEmptySubsequences: false)[line - 1].firstIndex(of: "¦")?.utf16Offset(
                in: marked.split(separator: "\n", omittingEmptySubsequences: false)[line - 1]) ?? 0) + 1
        let text = marked.replacingOccurrences(of: "¦", with: "")
        do {
            _ = try LinkerScript.parse(text, file: "e.lds")
            Issue.record("expected: \(message)")
        } catch {
            #expect(error.diagnostic.message.hasPrefix(message), "\(error.diagnostic.message)")
            #expect(error.diagnostic.location.line == line)
            #expect(error.diagnostic.location.column == column, "\(error.diagnostic.rendered())")
        }
    }

    @Test func layoutMovesBackwardsInsideASectionIsAnError() throws {
        let script = try LinkerScript.parse("SECTIONS { .a 0x100 : { . = 0x200; . = 0x50; } }", file: "b.lds")
        #expect(throws: LinkerScriptError.self) { try LinkMap(script: script, inputs: []) }
    }

    @Test func divisionByZeroIsAnError() throws {
        let script = try LinkerScript.parse("x = 4 / (2 - 2);", file: "d.lds")
        do {
            _ = try LinkMap(script: script, inputs: [])
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostic.message == "division by zero")
        }
    }

    @Test func failedAssertIsAnErrorWithItsMessage() throws {
        let script = try LinkerScript.parse(
            ". = ASSERT(1 == 1, \"one is one\");\nASSERT(0, \"zero\")", file: "a.lds")
        #expect(throws: LinkerScriptError.self) { try LinkMap(script: script, inputs: []) }
        do throws(LinkerScriptError) {
            _ = try LinkMap(script: script, inputs: [])
        } catch {
            #expect(error.diagnostic.message == "ASSERT failed: zero")
            #expect(error.diagnostic.location.description == "a.lds:2:1")
        }
    }

    @Test func deeplyNestedExpressionsAreRefusedNotCrashed() {
        let text = "x = " + String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000) + ";"
        #expect(throws: LinkerScriptError.self) { try LinkerScript.parse(text, file: "deep.lds") }
    }

    @Test(arguments: [
        ("*", "anything", true), (".initcall6.init", ".initcall6.init", true),
        (".initcall6.init", ".initcall6s.init", false),
        (".initcall6.init*", ".initcall6.init..kmod_foo__12_34_foo_init", true), ("*crtend.o", "lib/crtend.o", true),
        (".text.[a-c]*", ".text.b1", true), (".text.[!a-c]*", ".text.b1", false), ("?.o", "a.o", true),
        ("[", "[", true), ("a\\*", "a*", true),
    ])
    func wildcardsMatchLikeFnmatch(_ pattern: String, _ name: String, _ expected: Bool) {
        #expect(Wildcard(pattern).matches(name) == expected)
    }

    @Test func pathologicalWildcardStaysFast() {
        let pattern = String(repeating: "*a", count: 200) + "b"
        let name = String(repeating: "a", count: 2_000)
        #expect(Wildcard(pattern).matches(name) == false)
    }
}
