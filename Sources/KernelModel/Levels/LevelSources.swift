import SourceInput

/// Where the parts of a level table were written (a levels file such as an edited `init.h`).
public struct LevelSources: Sendable, Hashable {
    /// The `#define` of each registration macro.
    public var macros: [String: SourceLocation]
    /// Each entry of `initcall_levels[]`, when the file gives the array.
    public var initcallLevels: [SourceLocation]?
    /// Each entry of `initcall_level_names[]`, when the file gives the array.
    public var initcallLevelNames: [SourceLocation]?
    /// The files read, in order.
    public var files: [String]
    /// What the preprocessor warned about while reading them (a backslash separated from its
    /// newline by a space, …), in file order.
    public var warnings: [Diagnostic] = []

    /// Where a table's parts were written; each part is unknown unless given.
    public init(
        macros: [String: SourceLocation] = [:], initcallLevels: [SourceLocation]? = nil,
        initcallLevelNames: [SourceLocation]? = nil, files: [String] = []
    ) {
        self.macros = macros
        self.initcallLevels = initcallLevels
        self.initcallLevelNames = initcallLevelNames
        self.files = files
    }
}
