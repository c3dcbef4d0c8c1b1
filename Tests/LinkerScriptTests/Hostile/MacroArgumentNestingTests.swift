import LinkerScript
import SourceInput
import Testing

/// `I(I(I(…)))` fifty thousand deep (150 KB of input): every level once copied the rest of
/// the input before the 200-deep limit fired — 1.7 GB at 20,000 levels, an allocation abort
/// at 50,000. The limit is now enforced while the arguments are read, before anything is
/// copied; arguments that are never expanded (dropped, stringized) are not held to it.
@Suite("Macro argument nesting")
struct MacroArgumentNestingTests {
    static func nested(_ name: String, _ depth: Int, _ inner: String = "1") -> String {
        String(repeating: "\(name)(", count: depth) + inner + String(repeating: ")", count: depth)
    }

    static func preprocessError(_ text: String) -> Diagnostic? {
        do throws(LinkerScriptError) {
            _ = try Preprocessor.preprocess(text, file: "t.lds.S")
            return nil
        } catch {
            return error.diagnostic
        }
    }

    @Test func fiftyThousandNestedArgumentsFailFastWithTheNestingError() throws {
        let text = "#define I(x) x\nx = " + Self.nested("I", 50_000) + ";\n"
        let diagnostic = try #require(Self.preprocessError(text))
        #expect(diagnostic.message == "macro arguments nested more than 200 deep while expanding 'I'")
        #expect(diagnostic.notes == ["innermost macro: 'I'"])
        // The first token of the argument that would expand at depth 201: the argument of
        // the 201st `I`, which is the 202nd.
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 5 + 2 * 201)
    }

    @Test func theLimitIsExact() throws {
        let accepted = "#define I(x) x\nx = " + Self.nested("I", 200) + ";\n"
        #expect(try Preprocessor.preprocess(accepted, file: "t.lds.S").source.text.contains("x = 1;"))
        let refused = "#define I(x) x\nx = " + Self.nested("I", 201) + ";\n"
        #expect(Self.preprocessError(refused)?.message.hasPrefix("macro arguments nested more than 200 deep") == true)
    }

    @Test func nestingThroughPastedArgumentsCountsAtTheRescanDepth() throws {
        // `P` pastes its argument (with nothing): the invocations inside expand on rescan, at
        // P's own depth, 150; fifty more levels reach 200 exactly, fifty-one one too many.
        func text(_ inner: Int) -> String {
            "#define I(x) x\n#define P(x, e) x ## e\ny = "
                + Self.nested("I", 150, "P(" + Self.nested("I", inner) + ", )")
                + ";\n"
        }
        #expect(try Preprocessor.preprocess(text(50), file: "t.lds.S").source.text.contains("y = 1;"))
        #expect(Self.preprocessError(text(51))?.message.hasPrefix("macro arguments nested more than 200 deep") == true)
    }

    @Test func argumentsThatNeverExpandAreNotHeldToTheLimit() throws {
        let text = """
            #define I(x) x
            #define DROP(x)
            #define STR(x) #x
            a = 1 DROP(\(Self.nested("I", 300)));
            b = STR(\(Self.nested("I", 300)));
            """
        let output = try Preprocessor.preprocess(text, file: "t.lds.S").source.text
        #expect(output.filter { $0 != " " }.contains("a=1;"))
        #expect(output.contains("b = \"I(I(I("))
    }

    @Test func nestingThroughAnAliasIsSeenToo() throws {
        // `J` is object-like; what it names is function-like.
        let text = "#define I(x) x\n#define J I\nx = " + Self.nested("J", 50_000) + ";\n"
        let diagnostic = try #require(Self.preprocessError(text))
        #expect(diagnostic.message == "macro arguments nested more than 200 deep while expanding 'J'")
    }

    @Test func nestingTheReadingCannotSeeEndsWithinTheTokenBudget() throws {
        // `K()` expands to a function-like name only when expanded: the work of copying
        // arguments at each level counts against the budget and stops it.
        let text =
            "#define I(x) x\n#define K() I\nx = " + String(repeating: "K()(", count: 50_000) + "1"
            + String(repeating: ")", count: 50_000) + ";\n"
        let diagnostic = try #require(Self.preprocessError(text))
        #expect(
            diagnostic.message.hasPrefix("macro arguments nested more than 200 deep")
                || diagnostic.message.contains("produces more than 1000000 tokens"), "\(diagnostic.message)")
    }
}
