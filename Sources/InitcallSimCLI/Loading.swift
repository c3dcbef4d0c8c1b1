import Foundation
import KernelLink
import KernelModel
import LinkerScript
import SourceInput

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

    /// Reads a linker script, through the preprocessor when it is in macro form (`.lds.S`,
    /// `.lds.h`, or text with `#define`/`#include`/`#if` lines).
    static func script(_ path: String, options: Preprocessor.Options = Preprocessor.Options()) throws(CLIError)
        -> LinkerScript
    {
        let text = try read(path, what: "linker script")
        do throws(LinkerScriptError) {
            return try LinkerScript.parse(text, file: path, options: options, loader: BootFile.readFile)
        } catch {
            throw .from(error)
        }
    }

    /// `-D`, `-U` and `-I` of a command, for the preprocessor.
    static func preprocessorOptions(_ arguments: ParsedArguments) -> Preprocessor.Options {
        Preprocessor.Options(
            defines: arguments.all("-D"), undefines: arguments.all("-U"), includeDirectories: arguments.all("-I"))
    }

    static let preprocessorOptionSpecs: [OptionSpec] = [
        .value("-D", repeatable: true, short: "D"), .value("-U", repeatable: true, short: "U"),
        .value("-I", repeatable: true, short: "I"),
    ]

    /// `--levels FILE…`: a level table read from init.h-like files; nil when none is given.
    static func levels(_ arguments: ParsedArguments) throws(CLIError) -> LevelTable? {
        let files = arguments.all("--levels")
        guard !files.isEmpty else { return nil }
        var options = preprocessorOptions(arguments)
        options.kbuildDefines = false
        options.allowedRoots = nil
        do throws(LevelDefinitionError) {
            // The files edit the table of the release --kernel names (default: the current one).
            let base = kernel(arguments).map(LevelTable.linux(for:)) ?? .linux6
            return try LevelDefinitions.load(files, options: options, base: base, loader: BootFile.readFile)
        } catch {
            throw .diagnostic(error.diagnostic)
        }
    }

    /// `--kernel R`: the release a command without a `.boot` file models (default: the current
    /// kernel), which picks its era's level table and shipped linker script.
    static func kernel(_ arguments: ParsedArguments) -> KernelVersion? {
        arguments.value("--kernel").map(KernelVersion.init)
    }

    static let kernelOptionSpec = OptionSpec.value("--kernel")

    static func linkOrder(_ path: String?) throws(CLIError) -> LinkOrder? {
        guard let path else { return nil }
        return LinkOrder(text: try read(path, what: "link order"), file: path)
    }

    static func read(_ path: String, what: String) throws(CLIError) -> String {
        do throws(InputFileError) {
            return try InputFile.read(path)
        } catch {
            let message = "cannot read \(what) '\(path)': \(error.explanation)"
            // Only invalid UTF-8 has a place inside the file; the rest is about the file itself.
            guard case .invalidUTF8 = error.reason else { throw .input(message) }
            throw .diagnostic(Diagnostic(.error, at: error.location, message))
        }
    }

    static func link(_ description: KernelDescription, linkOrder: LinkOrder?, allowPartial: Bool) throws(CLIError)
        -> KernelImage
    {
        do throws(LinkError) {
            return try Linker.link(description, linkOrder: linkOrder, allowPartial: allowPartial)
        } catch {
            // This error has no one line to point at: name the link-order file instead.
            if case .objectMissingFromLinkOrder = error, let source = linkOrder?.source {
                throw .input("\(source): \(error.message(spelling: .commandLine))")
            }
            throw .from(error)
        }
    }

    /// What reading the description's inputs warned about (GCC's and ld's warnings about its
    /// linker script and level files), rendered for stderr. Every command that reads a
    /// description prints them, so no warning depends on which command saw the file.
    static func warnings(_ description: KernelDescription) -> String {
        warnings(description.inputWarnings)
    }

    static func warnings(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { $0.rendered() + "\n" }.joined()
    }

    /// The notes a link-order file deserves (repeated paths), one a line, for stderr.
    static func notes(_ linkOrder: LinkOrder?) -> String {
        (linkOrder?.duplicates ?? []).map { $0.note + "\n" }.joined()
    }

    /// The single positional a command expects.
    static func onePositional(_ arguments: ParsedArguments, _ what: String) throws(CLIError) -> String {
        guard arguments.positionals.count == 1 else {
            throw .usage(
                arguments.positionals.isEmpty
                    ? "missing \(what)" : "expected one \(what), got \(arguments.positionals.count)")
        }
        return arguments.positionals[0]
    }

    static func format(_ arguments: ParsedArguments, allowed: [String], default value: String) throws(CLIError)
        -> String
    {
        let format = arguments.value("--format") ?? value
        guard allowed.contains(format) else {
            throw .usage("unknown format '\(format)'; expected one of: \(allowed.joined(separator: ", "))")
        }
        return format
    }
}
