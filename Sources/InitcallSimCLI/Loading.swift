import Foundation
import InitcallSim
import LinkerScript

/// Reading inputs for commands: `.boot` files with the common overrides.
enum Loading {
    /// Reads a `.boot` file, applying `--linker-script` and `--cmdline` if given.
    static func description(
        _ path: String, linkerScript: String? = nil, commandLine: String? = nil
    ) throws(CLIError) -> KernelDescription {
        var description: KernelDescription
        do throws(BootDescriptionError) {
            description = try BootFile.load(path)
        } catch {
            throw .from(error)
        }
        if let linkerScript { description.linkerScript = try script(linkerScript) }
        if let commandLine { description.commandLine = commandLine }
        return description
    }

    static func script(_ path: String) throws(CLIError) -> LinkerScript {
        let text = try read(path, what: "linker script")
        do throws(LinkerScriptError) {
            return try LinkerScript.parse(text, file: path)
        } catch {
            throw .from(error)
        }
    }

    static func linkOrder(_ path: String?) throws(CLIError) -> LinkOrder? {
        guard let path else { return nil }
        return LinkOrder(text: try read(path, what: "link order"), file: path)
    }

    static func read(_ path: String, what: String) throws(CLIError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .input("cannot read \(what) '\(path)': \(reasonText(error))")
        }
    }

    static func reasonText(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let text = String(validatingCString: strerror(Int32(underlying.code)))
        {
            return text
        }
        return nsError.localizedDescription
    }

    static func link(_ description: KernelDescription, linkOrder: LinkOrder?, allowPartial: Bool) throws(CLIError)
        -> KernelImage
    {
        do throws(LinkError) {
            return try Linker.link(description, linkOrder: linkOrder, allowPartial: allowPartial)
        } catch {
            // This error has no one line to point at: name the link-order file instead.
            if case .objectMissingFromLinkOrder = error, let source = linkOrder?.source {
                throw .input("\(source): \(error.description)")
            }
            throw .from(error)
        }
    }

    /// The notes a link-order file deserves (repeated paths), one a line, for stderr.
    static func notes(_ linkOrder: LinkOrder?) -> String {
        (linkOrder?.duplicates ?? []).map { $0.note + "\n" }.joined()
    }

    /// The single positional a command expects.
    static func onePositional(_ arguments: ParsedArguments, _ what: String) throws(CLIError) -> String {
        guard arguments.positionals.count == 1 else {
            throw .usage(arguments.positionals.isEmpty ? "missing \(what)" : "expected one \(what), got \(arguments.positionals.count)")
        }
        return arguments.positionals[0]
    }

    static func format(_ arguments: ParsedArguments, allowed: [String], default value: String) throws(CLIError) -> String {
        let format = arguments.value("--format") ?? value
        guard allowed.contains(format) else {
            throw .usage("unknown format '\(format)'; expected one of: \(allowed.joined(separator: ", "))")
        }
        return format
    }
}
