/// One section name pattern inside the parentheses, with its own `EXCLUDE_FILE` and sorting.
public struct SectionPattern: Sendable, Hashable {
    /// The section name pattern (`.initcall6.init`, `.text.*`).
    public var pattern: String
    /// `EXCLUDE_FILE(…)` inside the parentheses: files whose sections this pattern skips.
    public var excludedFiles: [String]
    /// `SORT…(…)` around the pattern: how the sections it matches are ordered (nil: link order).
    public var sort: SortKind?

    /// A section pattern, optionally with excluded files and a sort.
    public init(pattern: String, excludedFiles: [String] = [], sort: SortKind? = nil) {
        self.pattern = pattern
        self.excludedFiles = excludedFiles
        self.sort = sort
    }

    /// The pattern written back in ld syntax (`SORT_BY_NAME(.initcall*.init)`).
    public var text: String { SortKind.text(of: pattern, sortedBy: sort, excluding: excludedFiles) }
}
