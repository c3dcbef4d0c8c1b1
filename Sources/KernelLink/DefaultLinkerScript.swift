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
}
