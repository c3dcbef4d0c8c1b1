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
    /// The 6.x era is ``linux6`` itself (ShippedEraFilesTests checks that the shipped 6.x files
    /// read as exactly that table), so a boot of a current kernel reads no level file; an older
    /// era's files are read the first time that era is asked for, and only that era's.
    public static func linux(for version: KernelVersion) -> LevelTable {
        switch eraDirectory(for: version) {
        case "linux-2.6.16": linux2_6_16Era
        case "linux-2.6.27": linux2_6_27Era
        case "linux-3.3": linux3_3Era
        case "linux-4.16": linux4_16Era
        default: .linux6
        }
    }

    private static let linux2_6_16Era = shippedTable(ofEra: "linux-2.6.16")
    private static let linux2_6_27Era = shippedTable(ofEra: "linux-2.6.27")
    private static let linux3_3Era = shippedTable(ofEra: "linux-3.3")
    private static let linux4_16Era = shippedTable(ofEra: "linux-4.16")

    /// Era `directory`'s table, read from the embedded files. The files are tested to read
    /// (ShippedEraFilesTests); should one ever fail, its era falls back to the 6.x table rather
    /// than stopping a boot.
    private static func shippedTable(ofEra directory: String) -> LevelTable {
        let loader: @Sendable (String) throws -> String = { path in
            guard let text = shippedFiles[path] else { throw MissingShippedFile() }
            return text
        }
        guard var table = try? LevelDefinitions.load(shippedFiles(ofEra: directory), loader: loader) else {
            return .linux6
        }
        // A table that came with the simulator is not the user's: findings name no file.
        table.sources = nil
        return table
    }

    /// The paths of the shipped files of era `directory` (`LinkerScripts/levels/linux-3.3/init.h`, …).
    public static func shippedFiles(ofEra directory: String) -> [String] {
        ["LinkerScripts/levels/\(directory)/init.h", "LinkerScripts/levels/\(directory)/main.c"]
    }
}

private struct MissingShippedFile: Error {}
