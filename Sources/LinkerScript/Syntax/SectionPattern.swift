/// One section name pattern inside the parentheses, with its own `EXCLUDE_FILE` and sorting.
public struct SectionPattern: Sendable, Hashable {
    public var pattern: String
    public var excludedFiles: [String]
    public var sort: SortKind?

    public init(pattern: String, excludedFiles: [String] = [], sort: SortKind? = nil) {
        self.pattern = pattern
        self.excludedFiles = excludedFiles
        self.sort = sort
    }

    public var text: String { SortKind.text(of: pattern, sortedBy: sort, excluding: excludedFiles) }
}
