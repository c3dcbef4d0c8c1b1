import KernelBoot
import KernelLink
import KernelModel
import LinkerScript
import ModuleLoader
import SourceInput

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer entry point over every parser users feed initcall-sim. `INITCALL_FUZZ` picks the
/// parser (the binary is one, the corpora are one per parser):
///
/// - `lds`: the input preprocessed as a `vmlinux.lds.S` (with itself available as an include,
///   to exercise include bounds), parsed and laid out; then parsed as an expanded script;
/// - `boot`: a `.boot` description, linked and booted; its CRLF copy must give the same log;
/// - `order`: a link-order file, applied to a small description;
/// - `levels`: an init.h/main.c-like levels file;
/// - `cmdline`: a kernel command line, booted through every parameter pass;
/// - `import`: a kernel log (also read as its own System.map) imported; the description it
///   writes must read back, and its CRLF copy must import the same.
///
/// Errors are expected; crashes, hangs, sanitizer reports and broken invariants (`abort()`)
/// are what the fuzzer looks for. Build and run with `.ci/fuzz` (README, "Fuzzing the
/// parsers"). In a normal build nothing calls it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    switch FuzzTarget.selected {
    case .lds: FuzzTarget.linkerScript(text)
    case .boot: FuzzTarget.bootFile(text)
    case .order: FuzzTarget.linkOrder(text)
    case .levels: FuzzTarget.levels(text)
    case .cmdline: FuzzTarget.commandLine(text)
    case .dmesg: FuzzTarget.importLog(text)
    }
    return 0
}

enum FuzzTarget: String, CaseIterable {
    case lds, boot, order, levels, cmdline
    case dmesg = "import"

    /// `INITCALL_FUZZ`, read once; `lds` when unset.
    static let selected: FuzzTarget = {
        guard let name = getenv("INITCALL_FUZZ").map({ String(cString: $0) }) else { return .lds }
        guard let target = FuzzTarget(rawValue: name) else {
            print("INITCALL_FUZZ must be one of: \(allCases.map(\.rawValue).joined(separator: ", "))")
            exit(2)
        }
        return target
    }()

    static func linkerScript(_ text: String) {
        let options = Preprocessor.Options(expansionBudget: 100_000, inputBudget: 200_000)
        let inputs = [
            InputSection(file: "a.o", name: ".initcall6.init", size: 8, alignment: 8),
            InputSection(file: "b.o", name: ".initcall6.init..kmod_b__1_2_b", size: 8, alignment: 8),
            InputSection(file: "b.o", name: ".con_initcall.init", size: 8, alignment: 8),
        ]
        if let script = try? LinkerScript.parse(text, file: "fuzz.lds.S", options: options, loader: { _ in text }) {
            _ = try? LinkMap(script: script, inputs: inputs)
        }
        if let script = try? LinkerScript.parse(text, file: "fuzz.lds") {
            _ = try? LinkMap(script: script, inputs: inputs)
        }
    }

    /// Parses, links and boots; a CRLF copy must read the same (the one line reader).
    static func bootFile(_ text: String) {
        let log = boot(text)
        let crlf = text.replacingLineEnds(with: "\r\n")
        if boot(crlf) != log { abort() }
    }

    private static func boot(_ text: String) -> String? {
        guard let description = try? BootFile.parse(text, file: "fuzz.boot", loader: { _ in throw FuzzNoFile() }),
            let image = try? Linker.link(description)
        else { return nil }
        // With the `load`s user space runs after init (the module loader on the live kernel).
        return image.bootLoadingModules().records.map(\.text).joined(separator: "\n")
    }

    static func linkOrder(_ text: String) {
        var description = KernelDescription()
        for path in ["a.o", "b.o", "drivers/c.o"] {
            description.object(path) { tu in tu.module_init(InitFunction("\(path.count)_init") { _ in 0 }) }
        }
        let order = LinkOrder(text: text, file: "fuzz.order")
        _ = order.duplicates
        _ = try? Linker.link(description, linkOrder: order)
        _ = try? Linker.link(description, linkOrder: order, allowPartial: true)
    }

    static func levels(_ text: String) {
        let options = Preprocessor.Options(expansionBudget: 100_000, inputBudget: 200_000, kbuildDefines: false)
        guard let table = try? LevelDefinitions.parse(text, file: "fuzz.h", options: options) else { return }
        _ = table.headerText()
        _ = table.initcallLevelsText()
    }

    /// `initcall-sim import`: never traps, line ends do not matter, and what it writes is a
    /// `.boot` description the reader takes.
    static func importLog(_ text: String) {
        let description = importedDescription(text)
        if importedDescription(text.replacingLineEnds(with: "\r\n")) != description { abort() }
        guard (try? BootFile.parse(description, file: "fuzz.boot", loader: { _ in throw FuzzNoFile() })) != nil else {
            abort()
        }
    }

    private static func importedDescription(_ text: String) -> String {
        DmesgImport.read(text, systemMap: SystemMap(text)).bootFile(source: "fuzz.dmesg")
    }

    static func commandLine(_ text: String) {
        _ = image.boot(commandLine: text, traceCommandLine: true).parameters
    }

    /// Two drivers, one of them declaring a parameter of every type and shape, a level-tagged
    /// one, and boot option handlers.
    private static let image: KernelImage = {
        var description = KernelDescription()
        // A disk, so that root=, rootwait, rootfstype= and ro/rw reach the mount code.
        description.disks = [Disk.virtioRoot()]
        description.object("drivers/a.o") { tu in
            for type in ParamType.allCases { tu.module_param(type.rawValue, type, 0o644) }
            tu.module_param_array("arr", .int, 0o444, max: 4, default: [1, 2])
            tu.module_param_array("carr", .charp, 0o644, max: 3, nump: false)
            tu.module_param_string("str", size: 8, 0o644, default: "abc")
            tu.core_param("a_core", .bint, 0o644)
            tu.param_cb(levelNamed: "subsys", "mode", ops: .int, 0o644)
            tu.early_param("aearly", "a_early") { str, k in
                k.pr_info("aearly \(str ?? "(null)") \(k.paramInt("int") ?? 0)")
                return 0
            }
            tu.__setup("asetup=", "a_setup") { _, _ in 1 }
            tu.core_initcall(InitFunction("a_init") { k in k.param("arr") == nil ? -22 : 0 })
        }
        description.object("drivers/b.o") { tu in tu.module_init(InitFunction("b_init") { _ in -19 }) }
        guard let image = try? Linker.link(description) else { abort() }
        return image
    }()
}

private struct FuzzNoFile: Error {}

extension String {
    /// The text with every line end written as `lineEnd`.
    func replacingLineEnds(with lineEnd: String) -> String {
        SourceText.lines(self).joined(separator: lineEnd)
    }
}
