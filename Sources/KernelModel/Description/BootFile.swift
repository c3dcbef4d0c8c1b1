import Foundation
import SourceInput

/// Reads `.boot` descriptions.
///
///     kernel "6.8.0-sim"
///     linker-script "../LinkerScripts/vmlinux-6.x-x86_64.lds"   # relative to this file
///     cmdline "initcall_debug loglevel=8"
///     object drivers/base/core.o
///       core_initcall driver_core_init time=120us provides=driver-core
///
/// Statements at the top: `kernel`, `arch`, `cpus`, `hardware`, `cmdline`, `linker-script`,
/// `levels`, `rootfs`, `initramfs`, `object`.
///
/// `linker-script PATH [-DNAME[=VALUE]]… [-UNAME]… [-IDIR]…` reads an expanded `vmlinux.lds`
/// or, through the C preprocessor, the macro form (`vmlinux.lds.S`: by extension `.S`/`.h` or
/// by its `#define`/`#include`/`#if` lines). `levels PATH… [-D…]` reads the level table from
/// init.h-like files (see ``LevelDefinitions``); it must come before the first object, whose
/// registrations use its macros. Paths are relative to the `.boot` file. Under an object, one registration a line: any macro of the
/// level table, `__define_initcall FN ID`, `module_exit FN`, each followed by attributes.
public enum BootFile {
    /// Reads a referenced file (a linker script) given its resolved path.
    public typealias FileLoader = @Sendable (String) throws -> String

    /// Parses `.boot` text. `file` names it in diagnostics and anchors relative paths.
    public static func parse(
        _ text: String, file: String, loader: @escaping FileLoader = BootFile.readFile
    ) throws(BootDescriptionError) -> KernelDescription {
        var parser = BootFileParser(file: file, loader: loader)
        return try parser.parse(text)
    }

    /// Reads and parses a `.boot` file.
    public static func load(_ path: String) throws(BootDescriptionError) -> KernelDescription {
        let text: String
        do throws(InputFileError) {
            text = try InputFile.read(path)
        } catch {
            throw .file(Diagnostic(.error, at: error.location, "cannot read '\(path)': \(error.explanation)"))
        }
        return try parse(text, file: path)
    }

    /// Reads the UTF-8 file at `path` from the file system (``InputFile/read(_:)``): the
    /// ``FileLoader`` ``parse(_:file:loader:)`` uses unless given another.
    @Sendable public static func readFile(_ path: String) throws -> String {
        try InputFile.read(path)
    }

    /// `base/relative` for a path relative to the directory of `file`; absolute paths as is.
    static func resolve(_ path: String, relativeTo file: String) -> String {
        if path.hasPrefix("/") { return path }
        let directory = (file as NSString).deletingLastPathComponent
        return directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
    }
}
