import SourceInput

/// A statement inside `SECTIONS { … }`.
public enum SectionsStatement: Sendable, Hashable {
    case output(OutputSection)
    case assignment(Assignment)
    case assertion(Assertion)
    case entry(String, SourceLocation)
    case include(String, SourceLocation)
    case ignored(keyword: String, SourceLocation)
}
