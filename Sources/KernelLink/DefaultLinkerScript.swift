import KernelModel
import LinkerScript

/// The linker script used when a description names none: the expanded x86-64 Linux 6.x
/// `vmlinux.lds` shipped as `LinkerScripts/vmlinux-6.x-x86_64.lds`. The text is embedded so
/// that the library works without the repository; a test checks it equals the file byte for
/// byte.
public enum DefaultLinkerScript {
    /// The name diagnostics and reports give the embedded script.
    public static let fileName = "vmlinux-6.x-x86_64.lds"

    /// The parsed script. Parsing the embedded text cannot fail (a test checks it); should it
    /// ever, the error surfaces as a link error rather than a crash.
    public static func parsed() throws(LinkError) -> LinkerScript {
        switch cached {
        case .success(let script): return script
        case .failure(let error): throw .script(error)
        }
    }

    private static let cached: Result<LinkerScript, LinkerScriptError> = {
        Result { () throws(LinkerScriptError) -> LinkerScript in
            try LinkerScript.parse(text, file: fileName)
        }
    }()

    /// The shipped script of the era `version` belongs to: the 2.6 `INITCALLS` list in an
    /// `.initcall.init` section up to 2.6.27 (`vmlinux-2.6.2x-initcalls.lds.S`), the list with
    /// `__early_initcall_end` from 2.6.28 to 3.3 (`vmlinux-2.6.28-3.3.lds`), the 6.x layout from
    /// 3.4 (`INIT_CALLS_LEVEL()` since then; `KEEP()` since about 4.10 changes no placement).
    public static func parsed(for version: KernelVersion) throws(LinkError) -> LinkerScript {
        let file = fileName(for: version)
        guard file != fileName else { return try parsed() }
        switch eraScripts[file] {
        case .success(let script)?: return script
        case .failure(let error)?: throw .script(error)
        case nil: return try parsed()
        }
    }

    /// The name of the shipped script of `version`'s era (`vmlinux-2.6.28-3.3.lds`).
    public static func fileName(for version: KernelVersion) -> String {
        if !version.hasEarlyInitcalls { return "vmlinux-2.6.2x-initcalls.lds.S" }
        if version.initcallLoop == .single { return "vmlinux-2.6.28-3.3.lds" }
        return fileName
    }

    private static let eraScripts: [String: Result<LinkerScript, LinkerScriptError>] = {
        var scripts: [String: Result<LinkerScript, LinkerScriptError>] = [:]
        for (path, text) in shippedFiles {
            let name = String(path.dropFirst("LinkerScripts/".count))
            scripts[name] = Result { () throws(LinkerScriptError) -> LinkerScript in
                // The macro form needs the preprocessor; it includes nothing.
                try LinkerScript.parse(text, file: name, options: Preprocessor.Options(), loader: Preprocessor.noFiles)
            }
        }
        return scripts
    }()
}
