import LinkerScript
import Testing

/// `SORT_BY_NAME(SORT_BY_ALIGNMENT(…))` and its mirror: written back with balanced
/// parentheses, and laid out as the ld manual says ("Input Section Wildcards"): by the outer
/// key, the inner one breaking ties.
@Suite("Nested sorts")
struct NestedSortTests {
    static func layout(_ pattern: String) throws -> (text: String, order: [String]) {
        let script = try LinkerScript.parse("SECTIONS { .init.data : { KEEP(*(\(pattern))) } }", file: "n.lds")
        guard case .input(let description) = try #require(script.outputSections.first).items[0] else {
            Issue.record("no input description")
            return ("", [])
        }
        let inputs = [
            InputSection(file: "b.o", name: ".x.b", size: 16, alignment: 16),
            InputSection(file: "a.o", name: ".x.a", size: 4, alignment: 4),
            InputSection(file: "c.o", name: ".x.c", size: 16, alignment: 16),
            InputSection(file: "d.o", name: ".x.a", size: 32, alignment: 32),
        ]
        let map = try LinkMap(script: script, inputs: inputs)
        return (description.text, map.placements.map { "\(inputs[$0.input].file)\(inputs[$0.input].name)" })
    }

    @Test func nameThenAlignment() throws {
        let (text, order) = try Self.layout("SORT_BY_NAME(SORT_BY_ALIGNMENT(.x.*))")
        #expect(text == "KEEP(*(SORT_BY_NAME(SORT_BY_ALIGNMENT(.x.*))))")
        // Equal names (.x.a) are ordered by descending alignment.
        #expect(order == ["d.o.x.a", "a.o.x.a", "b.o.x.b", "c.o.x.c"])
    }

    @Test func alignmentThenName() throws {
        let (text, order) = try Self.layout("SORT_BY_ALIGNMENT(SORT_BY_NAME(.x.*))")
        #expect(text == "KEEP(*(SORT_BY_ALIGNMENT(SORT_BY_NAME(.x.*))))")
        #expect(order == ["d.o.x.a", "b.o.x.b", "c.o.x.c", "a.o.x.a"])
    }

    @Test func aKeywordInsideItselfIsTheKeywordAlone() throws {
        let (text, order) = try Self.layout("SORT_BY_NAME(SORT_BY_NAME(.x.*))")
        #expect(text == "KEEP(*(SORT_BY_NAME(.x.*)))")
        #expect(order == ["a.o.x.a", "d.o.x.a", "b.o.x.b", "c.o.x.c"])
    }

    @Test func otherNestingsAreErrors() {
        #expect {
            _ = try LinkerScript.parse(
                "SECTIONS { .d : { *(SORT_BY_NAME(SORT_BY_INIT_PRIORITY(.x.*))) } }", file: "n.lds")
        } throws: { error in
            guard case .syntax(let d) = error as? LinkerScriptError else { return false }
            return d.message.contains("is not a valid nested sort") && d.location.column == 34
        }
    }
}
