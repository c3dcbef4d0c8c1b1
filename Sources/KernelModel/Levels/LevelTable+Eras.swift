/// The level tables of each era of Linux, read from the shipped files under
/// `LinkerScripts/levels/` — the `include/linux/init.h` macros and the `init/main.c` walks of
/// that era, as the kernel wrote them (embedded, see `LevelTable+ShippedFiles.swift`).
extension LevelTable {
    /// The era directories under `LinkerScripts/levels/`, oldest first, with what changed.
    public static let eras: [(directory: String, releases: String)] = [
        ("linux-2.6.16", "2.6.16 and earlier: levels 1–7, __define_initcall(level, fn), one loop"),
        ("linux-2.6.27", "2.6.17–2.6.27: sync levels, pure and rootfs, __define_initcall(level, fn, id), one loop"),
        ("linux-3.3", "2.6.28–3.3: early_initcall() and __early_initcall_end, one loop"),
        ("linux-4.16", "3.4–4.16: initcall_levels[], a parameter pass per level, level 0 named \"early\""),
        ("linux-6.x", "4.17 and later: level 0 named \"pure\", console_initcall() through ___define_initcall()"),
    ]

    /// The directory of the era `version` belongs to.
    public static func eraDirectory(for version: KernelVersion) -> String {
        if !version.hasSyncLevels { return "linux-2.6.16" }
        if !version.hasEarlyInitcalls { return "linux-2.6.27" }
        if version.initcallLoop == .single { return "linux-3.3" }
        return version.levelZeroName == "early" ? "linux-4.16" : "linux-6.x"
    }

    /// The level table of the Linux release `version`: its era's macros, sections and walks.
    public static func linux(for version: KernelVersion) -> LevelTable {
        eraTables[eraDirectory(for: version)] ?? .linux6
    }

    /// Every era's table, read once from the embedded files. The files are tested to read
    /// (ShippedFilesTests); should one ever fail, its era falls back to the 6.x table rather
    /// than stopping a boot.
    private static let eraTables: [String: LevelTable] = {
        var tables: [String: LevelTable] = [:]
        for (directory, _) in eras {
            let files = ["LinkerScripts/levels/\(directory)/init.h", "LinkerScripts/levels/\(directory)/main.c"]
            let loader: @Sendable (String) throws -> String = { path in
                guard let text = shippedFiles[path] else { throw MissingShippedFile() }
                return text
            }
            guard var table = try? LevelDefinitions.load(files, loader: loader) else { continue }
            // A table that came with the simulator is not the user's: findings name no file.
            table.sources = nil
            tables[directory] = table
        }
        return tables
    }()

    /// The paths of the shipped files of era `directory` (`LinkerScripts/levels/linux-3.3/init.h`, …).
    public static func shippedFiles(ofEra directory: String) -> [String] {
        ["LinkerScripts/levels/\(directory)/init.h", "LinkerScripts/levels/\(directory)/main.c"]
    }
}

private struct MissingShippedFile: Error {}
