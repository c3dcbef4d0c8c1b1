import LinkerScript
import TestSupport
import Testing

@Suite("The 6.x macro form")
struct MacroFormTests {
    @Test func expandsToTheShippedExpandedScript() throws {
        let macroForm = try Fixtures.script("vmlinux-6.x-x86_64.lds.S")
        let expanded = try Fixtures.script("vmlinux-6.x-x86_64.lds")
        #expect(macroForm.warnings.isEmpty)
        let a = macroForm.canonicalStatements
        let b = expanded.canonicalStatements
        #expect(a.count == b.count)
        for (x, y) in zip(a, b) { #expect(x == y) }
    }

    @Test func locationsPointIntoTheFilesAsWritten() throws {
        let script = try Fixtures.script("vmlinux-6.x-x86_64.lds.S")
        let initData = try #require(script.outputSections.first { $0.name == ".init.data" })
        // The output section comes from INIT_DATA_SECTION(16) in the arch script.
        #expect(initData.location.file == "LinkerScripts/vmlinux-6.x-x86_64.lds.S")
        #expect(initData.location.line == 99)
    }

    @Test func withoutTheIncludeDirectoryTheHeaderIsNotFound() throws {
        #expect {
            _ = try LinkerScript.load("LinkerScripts/vmlinux-6.x-x86_64.lds.S", loader: Fixtures.loader)
        } throws: { error in
            guard case .preprocessor(let d) = error as? LinkerScriptError else { return false }
            return d.message == "'asm-generic/vmlinux.lds.h' file not found" && d.location.line == 29
        }
    }
}
