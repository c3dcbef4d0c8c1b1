/// How an error message names the options that would get past it: as the library's Swift
/// arguments (`allowPartial: true`), or as the command line's flags (`--allow-partial`).
/// Library errors speak Swift by default; the command-line tool asks for its flags.
public enum OptionSpelling: Sendable, Hashable {
    /// As a library caller writes them: Swift arguments (`allowPartial: true`).
    case swift
    /// As `initcall-sim` takes them: flags (`--allow-partial`).
    case commandLine

    /// `allowPartial: true` / `--allow-partial`.
    public var allowPartial: String { self == .swift ? "allowPartial: true" : "--allow-partial" }
    /// `exhaustive: true` / `--exhaustive`.
    public var exhaustive: String { self == .swift ? "exhaustive: true" : "--exhaustive" }
    /// `runs:` / `--runs`.
    public var runs: String { self == .swift ? "runs:" : "--runs" }
    /// `level:` / `--level`.
    public var level: String { self == .swift ? "level:" : "--level" }
}
