/// The file part of an input section description: `*`, `*crtend.o`, `EXCLUDE_FILE(a.o) *`,
/// `SORT(*)`.
public struct FilePattern: Sendable, Hashable {
    public var pattern: String
    /// `EXCLUDE_FILE(…)` before the file pattern: files matching one of these are skipped.
    public var excluded: [String]
    /// `SORT(…)` around the file pattern sorts the matched files by name.
    public var sort: SortKind?

    public init(pattern: String, excluded: [String] = [], sort: SortKind? = nil) {
        self.pattern = pattern
        self.excluded = excluded
        self.sort = sort
    }

    public var text: String { SortKind.text(of: pattern, sortedBy: sort, excluding: excluded) }
}
