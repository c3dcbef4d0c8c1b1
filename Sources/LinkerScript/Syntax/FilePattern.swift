/// The file part of an input section description: `*`, `*crtend.o`, `EXCLUDE_FILE(a.o) *`,
/// `SORT(*)`.
public struct FilePattern: Sendable, Hashable {
    /// The file name pattern (`*`, `*crtend.o`).
    public var pattern: String
    /// `EXCLUDE_FILE(…)` before the file pattern: files matching one of these are skipped.
    public var excluded: [String]
    /// `SORT(…)` around the file pattern sorts the matched files by name.
    public var sort: SortKind?

    /// A file pattern, optionally with files excluded and the matched files sorted.
    public init(pattern: String, excluded: [String] = [], sort: SortKind? = nil) {
        self.pattern = pattern
        self.excluded = excluded
        self.sort = sort
    }

    /// The pattern written back in ld syntax (`EXCLUDE_FILE(a.o) SORT_BY_NAME(*)`).
    public var text: String { SortKind.text(of: pattern, sortedBy: sort, excluding: excluded) }
}
