import LinkerScript
import SourceInput
import Testing

/// Long runs of operators: `1+1+…+1` with twelve thousand terms (or a few bytes of macros that
/// expand to it) once overflowed the stack — in the parser, the evaluator, the synthesized
/// `Hashable` of the expression tree and its release. Chains ld accepts are accepted and
/// evaluated; nesting (parentheses, prefix operators, `?:`) is bounded with a diagnostic.
@Suite("Operator chains")
struct OperatorChainTests {
    static func sum(_ terms: Int) -> String { Array(repeating: "1", count: terms).joined(separator: "+") }

    @Test func twelveThousandTermChainEvaluatesOnASmallStack() throws {
        let text = "x = \(Self.sum(12_000));\nSECTIONS { .a : { . = . + \(Self.sum(12_000)); } }\n"
        let result = onSmallStack { () -> [UInt64?]? in
            guard let script = try? LinkerScript.parse(text, file: "chain.lds"),
                let copy = try? LinkerScript.parse(text, file: "chain.lds"),
                let map = try? LinkMap(script: script, inputs: [])
            else { return nil }
            // Equality and hashing walk the tree too.
            var hasher = Hasher()
            script.hash(into: &hasher)
            _ = hasher.finalize()
            guard script == copy else { return nil }
            return [map.address(of: "x"), map.outputSections.first.map(\.size)]
        }
        #expect(result == .some([12_000, 12_000]))
    }

    @Test func macrosThatExpandToALongChainEvaluate() throws {
        let text = """
            #define A 1+1+1+1+1+1+1+1+1+1+1
            #define B A+A+A+A+A+A+A+A+A+A+A
            #define C B+B+B+B+B+B+B+B+B+B+B
            #define W C+C+C+C+C+C+C+C+C+C+C
            SECTIONS { . = W+W; x = .; }
            """
        let map = onSmallStack { () -> UInt64?? in
            guard
                let script = try? LinkerScript.parse(
                    text, file: "w.lds.S", options: .init(), loader: Preprocessor.noFiles),
                let map = try? LinkMap(script: script, inputs: [])
            else { return nil }
            return .some(map.address(of: "x"))
        }
        #expect(map == .some(.some(2 * 11 * 11 * 11 * 11)))
    }

    @Test(arguments: [
        ("1+2*3-4/2", 5), ("10-4-3", 3), ("2*3+4*5", 26), ("1<<2+1", 8), ("1+2==3&&4>3||0", 1), ("100/10/5", 2),
        ("7%4*3", 9), ("1|2^3&1", 3), ("-2+5", 3), ("!0+~0+2", 2), ("0&&1/0", 0), ("1||1/0", 1),
        ("1?2:3+4", 2), ("0?2:3+4", 7), ("(1+2)*(3+4)", 21),
    ])
    func precedenceAndAssociativityFollowC(_ expression: String, _ expected: UInt64) throws {
        let script = try LinkerScript.parse("x = \(expression);", file: "p.lds")
        #expect(try LinkMap(script: script, inputs: []).address(of: "x") == expected)
    }

    @Test func aChainIsOneNodePerPrecedenceLevel() throws {
        let script = try LinkerScript.parse("x = 1 - 2 + 3 * 4 * 5;", file: "n.lds")
        guard case .assignment(let assignment) = script.statements.first,
            case .chain(.number(1), let operations) = assignment.value
        else {
            Issue.record("expected one additive chain: \(script.statements)")
            return
        }
        #expect(operations.map(\.op) == ["-", "+"])
        guard case .chain(.number(3), let product) = operations[1].operand else {
            Issue.record("expected one multiplicative chain")
            return
        }
        #expect(product.map(\.op) == ["*", "*"])
        #expect(operations.map(\.location.column) == [9, 13])
    }

    /// The deepest trees the parser accepts, of every kind of nesting.
    static let deepest: [(text: String, value: UInt64)] = {
        let limit = Expression.maxNesting
        // Every precedence level inside every parenthesis: eleven levels of tree each.
        let levels = "1||1&&1|1^1&1==1<1<<1+1*"
        let k = limit / 11
        return [
            (
                "x = " + String(repeating: levels + "(", count: k) + "1" + String(repeating: ")", count: k) + ";",
                1
            ),
            (
                "x = " + String(repeating: "(", count: limit - 1) + "7" + String(repeating: ")", count: limit - 1)
                    + ";", 7
            ),
            ("x = " + String(repeating: "-", count: limit - 2) + "3;", 3),
            ("x = " + String(repeating: "0 ? 1 : ", count: limit - 1) + "5;", 5),
            (
                "x = " + String(repeating: "MAX(1, ", count: limit - 1) + "9" + String(repeating: ")", count: limit - 1)
                    + ";", 9
            ),
        ]
    }()

    @Test(arguments: 0..<5)
    func deepestAcceptedTreesRunOnASmallStack(_ index: Int) throws {
        let (text, expected) = Self.deepest[index]
        let value = onSmallStack { () -> UInt64?? in
            guard let script = try? LinkerScript.parse(text, file: "n.lds"),
                let copy = try? LinkerScript.parse(text, file: "n.lds"),
                let map = try? LinkMap(script: script, inputs: [])
            else { return nil }
            var hasher = Hasher()
            script.hash(into: &hasher)
            _ = hasher.finalize()
            guard script == copy else { return nil }
            return .some(map.address(of: "x"))
        }
        #expect(value == .some(.some(expected)))
    }

    @Test(arguments: [
        ("x = " + String(repeating: "-", count: 300) + "1;", "unary"),
        ("x = " + String(repeating: "1 ? 1 : ", count: 300) + "1;", "conditional"),
        (
            "x = " + String(repeating: "(", count: 50_000) + "1" + String(repeating: ")", count: 50_000) + ";",
            "parentheses"
        ),
        ("x = " + String(repeating: "ALIGN(", count: 300) + "1" + String(repeating: ")", count: 300) + ";", "calls"),
        (
            "x = " + String(repeating: "1 + 2 * (", count: 150) + "1" + String(repeating: ")", count: 150) + ";",
            "levels"
        ),
    ])
    func nestingPastTheLimitIsAClearError(_ text: String, _ kind: String) {
        let result = onSmallStack { () -> LinkerScriptError? in
            do throws(LinkerScriptError) {
                _ = try LinkerScript.parse(text, file: "deep.lds")
                return nil
            } catch {
                return error
            }
        }
        guard case .some(.some(.syntax(let diagnostic))) = result else {
            Issue.record("\(kind): expected a syntax error, got \(String(describing: result))")
            return
        }
        #expect(diagnostic.message == "expression nested too deeply", "\(kind)")
        #expect(diagnostic.location.line == 1)
        #expect(diagnostic.notes.first?.contains("at most \(Expression.maxNesting)") == true)
    }

    @Test func nestingWithinTheLimitIsAccepted() throws {
        let text =
            "x = " + String(repeating: "-", count: 150) + "1 + (" + String(repeating: "0 ? 5 : ", count: 40) + "2);"
        let script = try LinkerScript.parse(text, file: "ok.lds")
        #expect(try LinkMap(script: script, inputs: []).address(of: "x") == 3)
    }
}
