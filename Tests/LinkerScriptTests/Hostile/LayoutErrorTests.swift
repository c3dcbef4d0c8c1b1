import LinkerScript
import SourceInput
import Testing

/// Layout errors ld gives and the simulation once did not, or gave without a place: `.`
/// moved below a section's start by wrapping arithmetic, a section running past the top of
/// the address space, division by zero (with a caret at the divisor), a failing ASSERT.
@Suite("Layout errors")
struct LayoutErrorTests {
    static func layoutError(_ text: String, inputs: [InputSection] = []) -> LinkerScriptError? {
        do throws(LinkerScriptError) {
            _ = try LinkMap(script: try LinkerScript.parse(text, file: "e.lds"), inputs: inputs)
            return nil
        } catch {
            return error
        }
    }

    /// The caret line of a rendered diagnostic: where the `^` is, 1-based.
    static func caretColumn(_ diagnostic: Diagnostic) -> Int? {
        let lines = diagnostic.rendered().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3, let caret = lines[2].firstIndex(of: "^") else { return nil }
        return lines[2].distance(from: lines[2].startIndex, to: caret) - 1
    }

    @Test func locationCounterWrappedBelowTheSectionStartIsMovingBackwards() throws {
        let error = try #require(Self.layoutError("SECTIONS {\n  .a : { . = . - 1; }\n}\n"))
        guard case .layout(let diagnostic) = error else {
            Issue.record("expected a layout error: \(error)")
            return
        }
        #expect(diagnostic.message == "cannot move location counter backwards (from 0x0 to 0xffffffffffffffff)")
        #expect(diagnostic.location.description == "e.lds:2:10")
        #expect(diagnostic.sourceLine == "  .a : { . = . - 1; }")
        #expect(
            diagnostic.notes.first
                == "the value is 0x1 below 0x0: 64-bit arithmetic wrapped it around to 0xffffffffffffffff")
    }

    @Test func locationCounterBelowTheSectionStartWithoutWrapping() throws {
        let error = try #require(Self.layoutError("SECTIONS { .a 0x100 : { . = . - 1; } }"))
        #expect(error.diagnostic.message == "cannot move location counter backwards (from 0x100 to 0xff)")
    }

    @Test func constantsInsideASectionAreStillOffsets() throws {
        let map = try LinkMap(
            script: try LinkerScript.parse(
                "SECTIONS { .a 0x100 : { . = 0x10; x = .; . += 8; y = .; } }", file: "o.lds"),
            inputs: [])
        #expect(map.address(of: "x") == 0x110)
        #expect(map.address(of: "y") == 0x118)
    }

    @Test func aSectionRunningPastTheTopOfTheAddressSpaceIsAnError() throws {
        // Outside sections ld lets '.' go anywhere, even down; the section then wraps.
        let error = try #require(Self.layoutError("SECTIONS {\n . = . - 1;\n .b : { BYTE(1) BYTE(2) }\n}\n"))
        #expect(error.diagnostic.message == "section '.b' VMA wraps around address space")
        #expect(error.diagnostic.location.description == "e.lds:3:2")
        let inputs = [InputSection(file: "a.o", name: ".x", size: 16, alignment: 8)]
        let placed = try #require(
            Self.layoutError("SECTIONS { . = 0xfffffffffffffff8; .b : { *(.x) } }", inputs: inputs))
        #expect(placed.diagnostic.message == "section '.b' VMA wraps around address space")
    }

    @Test(arguments: [
        ("x = 4 / (2 - 2);", 9, "/"), ("x = 4 % (1 - 1);", 9, "%"), ("x = 1 + 4 / 0 * 3;", 13, "/"),
        ("x = 4; x /= 2 - 2;", 13, "/="),
    ])
    func divisionByZeroPointsAtTheDivisor(_ text: String, _ column: Int, _ op: String) throws {
        let error = try #require(Self.layoutError(text))
        guard case .evaluation(let diagnostic) = error else {
            Issue.record("expected an evaluation error: \(error)")
            return
        }
        #expect(diagnostic.message == "division by zero")
        #expect(diagnostic.location.column == column)
        #expect(diagnostic.sourceLine == text)
        #expect(Self.caretColumn(diagnostic) == column)
        #expect(diagnostic.notes == ["the right side of '\(op)' evaluates to 0"])
    }

    @Test func divisionByZeroInAnIncludedLinePointsIntoThatFile() throws {
        struct Missing: Error {}
        let script = try LinkerScript.parse(
            "#include \"sizes.h\"\nx = 64 / SLOTS;\n", file: "m.lds.S", options: .init(),
            loader: { name in
                guard name == "sizes.h" else { throw Missing() }
                return "#define SLOTS 0\n"
            })
        do throws(LinkerScriptError) {
            _ = try LinkMap(script: script, inputs: [])
            Issue.record("expected division by zero")
        } catch {
            #expect(error.diagnostic.location.description == "m.lds.S:2:10")
            #expect(error.diagnostic.sourceLine == "x = 64 / SLOTS;")
        }
    }

    @Test(arguments: [
        ("ASSERT(1 == 2, \"one is not two\")", "one is not two", 1),
        ("SECTIONS { . = ASSERT(0, \"zero\"); }", "zero", 16),
        ("SECTIONS { .a : { ASSERT(. > 0, \"empty\") } }", "empty", 19),
        ("x = 1 + ASSERT(0, \"nested\");", "nested", 9),
    ])
    func aFailingAssertFailsTheLayoutWithItsMessage(_ text: String, _ message: String, _ column: Int) throws {
        let error = try #require(Self.layoutError(text))
        guard case .layout(let diagnostic) = error else {
            Issue.record("expected a layout error: \(error)")
            return
        }
        #expect(diagnostic.message == "ASSERT failed: \(message)")
        #expect(diagnostic.location.column == column)
        #expect(diagnostic.sourceLine == text)
    }

    @Test func anAssertOnSymbolsFromObjectCodeIsNotChecked() throws {
        // `startup_64` comes from object code, which the simulation does not have.
        let map = try LinkMap(
            script: try LinkerScript.parse("ASSERT(startup_64 == 0, \"unknowable\")\nx = 1;", file: "a.lds"),
            inputs: [])
        #expect(map.address(of: "x") == 1)
        #expect(map.warnings.isEmpty)
    }
}
