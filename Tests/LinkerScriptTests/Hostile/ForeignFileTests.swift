import LinkerScript
import SourceInput
import Testing

/// A file that is not a linker script (`/etc/passwd` given as one) once came back as one
/// warning per line, the whole file echoed to standard error. The parser still skips the odd
/// statement it does not model, with a warning; past ten it stops, as ld stops at the first,
/// with one error at the first statement it skipped.
@Suite("Foreign files")
struct ForeignFileTests {
    static let passwd = (0..<500).map { "user\($0):x:\(1000 + $0):\(1000 + $0):User \($0):/home/user\($0):/bin/sh" }
        .joined(separator: "\n")

    @Test func aPasswdFileIsOneErrorNotAnEcho() throws {
        do throws(LinkerScriptError) {
            _ = try LinkerScript.parse(Self.passwd, file: "passwd")
            Issue.record("/etc/passwd parsed as a linker script")
        } catch {
            guard case .syntax(let diagnostic) = error else {
                Issue.record("expected a syntax error: \(error)")
                return
            }
            #expect(
                diagnostic.message
                    == "this does not look like a linker script: more than 10 statements are not ld commands, the first 'user0'"
            )
            #expect(diagnostic.location.description == "passwd:1:1")
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.notes.first?.hasSuffix("(passwd:11:1)") == true)
            #expect(diagnostic.rendered().split(separator: "\n").count <= 4)
        }
    }

    @Test func aFewUnknownStatementsAreStillSkippedWithAWarningEach() throws {
        let text = (0..<10).map { "FROB\($0)(1);" }.joined(separator: "\n") + "\nSECTIONS { .a : { *(.a) } }\n"
        let script = try LinkerScript.parse(text, file: "few.lds")
        #expect(script.warnings.count == 10)
        #expect(script.outputSections.map(\.name) == [".a"])
        #expect(throws: LinkerScriptError.self) { try LinkerScript.parse("FROB10(1);\n" + text, file: "many.lds") }
    }
}
