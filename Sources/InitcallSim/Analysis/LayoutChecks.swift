import LinkerScript

/// Checks of a linker script against a level table, before any kernel is built (issue:
/// "Linker scripts as the kernel writes them, and custom initcall levels end to end").
public enum LayoutChecks {
    /// Every finding for `script` with `levels`. Not yet implemented: returns none.
    public static func run(script: LinkerScript, levels: LevelTable) -> [Finding] {
        []
    }
}
