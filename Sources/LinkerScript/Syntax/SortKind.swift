/// ld's sorting keywords for input sections or files, nested ones included.
public enum SortKind: String, Sendable, Hashable {
    /// `SORT` / `SORT_BY_NAME`
    case byName
    /// `SORT_BY_ALIGNMENT`: descending alignment.
    case byAlignment
    /// `SORT_BY_INIT_PRIORITY`
    case byInitPriority
    /// `SORT_NONE`: explicitly unsorted.
    case none
    /// `SORT_BY_NAME(SORT_BY_ALIGNMENT(…))`: by name, then by alignment when two names are
    /// equal (ld manual, "Input Section Wildcards").
    case byNameThenAlignment
    /// `SORT_BY_ALIGNMENT(SORT_BY_NAME(…))`: by alignment, then by name when two alignments
    /// are equal.
    case byAlignmentThenName

    /// The keywords as written, outermost first: `["SORT_BY_NAME", "SORT_BY_ALIGNMENT"]`.
    public var keywords: [String] {
        switch self {
        case .byName: return ["SORT_BY_NAME"]
        case .byAlignment: return ["SORT_BY_ALIGNMENT"]
        case .byInitPriority: return ["SORT_BY_INIT_PRIORITY"]
        case .none: return ["SORT_NONE"]
        case .byNameThenAlignment: return ["SORT_BY_NAME", "SORT_BY_ALIGNMENT"]
        case .byAlignmentThenName: return ["SORT_BY_ALIGNMENT", "SORT_BY_NAME"]
        }
    }

    /// `pattern` wrapped in the keywords, parentheses balanced: `SORT_BY_NAME(SORT_BY_ALIGNMENT(x))`.
    public func wrapping(_ pattern: String) -> String {
        keywords.reversed().reduce(pattern) { inner, keyword in "\(keyword)(\(inner))" }
    }

    /// The text of a file or section pattern: sorted, then with its `EXCLUDE_FILE` list. The
    /// one writer both kinds of pattern share.
    static func text(of pattern: String, sortedBy sort: SortKind?, excluding excluded: [String]) -> String {
        let base = sort.map { $0.wrapping(pattern) } ?? pattern
        if excluded.isEmpty { return base }
        return "EXCLUDE_FILE(\(excluded.joined(separator: " "))) \(base)"
    }
}
