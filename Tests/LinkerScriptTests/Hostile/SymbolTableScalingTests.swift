import LinkerScript
import Testing

/// A hundred thousand symbol assignments: the layout once copied the whole symbol table into
/// the evaluator for every one of them (quadratic: 275 s). Each assignment reads the one
/// before, so a value from a stale copy would show.
@Suite("Symbol table scaling")
struct SymbolTableScalingTests {
    @Test func aHundredThousandAssignmentsEachSeeTheOneBefore() throws {
        let count = 100_000
        var text = "SECTIONS {\n  s0 = 0;\n"
        for i in 1..<count { text += "  s\(i) = s\(i - 1) + 1;\n" }
        text += "  .a : { last = s\(count - 1); }\n}\n"
        let map = try LinkMap(script: try LinkerScript.parse(text, file: "many.lds"), inputs: [])
        #expect(map.symbols.count == count + 1)
        #expect(map.address(of: "s\(count - 1)") == UInt64(count - 1))
        #expect(map.address(of: "last") == UInt64(count - 1))
        #expect(map.symbols.first?.name == "s0" && map.symbols.last?.name == "last")
    }
}
