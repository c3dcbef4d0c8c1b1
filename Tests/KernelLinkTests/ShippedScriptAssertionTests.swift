import InitcallSim
import LinkerScript
import TestSupport
import Testing

/// A failing ASSERT now fails the layout, as it fails ld. The shipped scripts' ASSERTs must
/// pass with what the simulation gives them — the probe's 8-byte entries and a kernel's
/// initcall tables — and must still be live, not silently skipped.
///
/// vmlinux-6.x-x86_64.lds(.S) has three: `SIZEOF(.got) == 0` and `_end - LOAD_OFFSET <=
/// KERNEL_IMAGE_SIZE` are checked (the simulated inputs hold initcall entries only, so both
/// pass); `phys_startup_64 == startup_64 - LOAD_OFFSET` names symbols of object code, which
/// the simulation does not have, so it cannot be checked and is not.
@Suite("ASSERTs of the shipped scripts")
struct ShippedScriptAssertionTests {
    /// `count` initcalls over every level, ten per object.
    static func kernel(initcalls count: Int) -> KernelDescription {
        let macros = LevelTable.linux6.macroNames
        var kernel = KernelDescription()
        for object in 0..<(count + 9) / 10 {
            kernel.object("drivers/o\(object).o") { tu in
                for i in 0..<min(10, count - object * 10) {
                    tu.register(TestKernel.fn("f\(object)_\(i)"), macro: macros[(object * 10 + i) % macros.count])
                }
            }
        }
        return kernel
    }

    @Test(arguments: ["vmlinux-6.x-x86_64.lds", "vmlinux-6.x-x86_64.lds.S", "vmlinux-lto-clang.lds.S"])
    func assertsPassWithTheProbeAndWithAKernel(_ name: String) throws {
        let script = try Fixtures.script(name)
        _ = try InitcallLayout(script: script)
        var kernel = Self.kernel(initcalls: 20_000)
        kernel.linkerScript = script
        let image = try Linker.link(kernel)
        #expect(image.table.count == 20_000)
    }

    @Test func theImageSizeAssertIsLive() throws {
        let text = try Fixtures.scriptText("vmlinux-6.x-x86_64.lds")
        let shrunk = text.replacingOccurrences(of: "<= (1024 * 1024 * 1024)", with: "<= 0x100")
        #expect(shrunk != text)
        var kernel = Self.kernel(initcalls: 10)
        kernel.linkerScript = try LinkerScript.parse(shrunk, file: "shrunk.lds")
        #expect {
            _ = try Linker.link(kernel)
        } throws: { error in
            guard case .script(.layout(let diagnostic)) = error as? LinkError else { return false }
            return diagnostic.message == "ASSERT failed: kernel image bigger than KERNEL_IMAGE_SIZE"
                && diagnostic.location.description == "shrunk.lds:119:5"
        }
    }

    @Test func theGotAssertIsLive() throws {
        let script = try Fixtures.script("vmlinux-6.x-x86_64.lds")
        let inputs = [InputSection(file: "a.o", name: ".got", size: 8, alignment: 8)]
        #expect {
            _ = try LinkMap(script: script, inputs: inputs)
        } throws: { error in
            (error as? LinkerScriptError)?.diagnostic.message == "ASSERT failed: Unexpected GOT entries detected!"
        }
    }
}
