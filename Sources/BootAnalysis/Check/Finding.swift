import SourceInput

/// One result of `initcall-sim check`, in the style both kinds of check share (linker-script
/// and level-table checks, dependency-hazard checks): plain words, the culprit named, why it
/// matters, and the fix a reviewer would suggest.
public struct Finding: Sendable, Hashable, Comparable {
    /// How bad a finding is. Either kind makes `initcall-sim check` exit 1.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// The kernel misbehaves as written: the link fails, calls never run, or a requirement
        /// is missing in this link order or in every one.
        case error
        /// It works, but by accident or not as written: a dependency kept by link order alone,
        /// two providers of one resource, a level run under another's name, a shadowed pattern.
        case warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// Whether it is an error or a warning.
    public var severity: Severity
    /// A stable identifier of the kind of finding (`orphan-section`, `fragile-link-order`).
    public var code: String
    /// Where in an input file the problem is, when it has a place.
    public var location: SourceLocation?
    /// One sentence naming what is wrong and who is involved.
    public var summary: String
    /// Why it matters, in a line or two.
    public var explanation: [String]
    /// The smallest change that fixes it.
    public var fix: String?
    /// The names involved (functions, objects, symbols), for sorting and for JSON.
    public var subjects: [String]

    /// A finding of kind `code` at `location`: the `summary` sentence, the `explanation` lines, the
    /// `fix`, and the `subjects` it names.
    public init(
        _ severity: Severity, code: String, location: SourceLocation? = nil, summary: String,
        explanation: [String] = [], fix: String? = nil, subjects: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.location = location
        self.summary = summary
        self.explanation = explanation
        self.fix = fix
        self.subjects = subjects
    }

    /// Findings sort by place, then kind, then the names involved: stable across runs.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        let l = (lhs.location?.file ?? "", lhs.location?.line ?? 0, lhs.location?.column ?? 0)
        let r = (rhs.location?.file ?? "", rhs.location?.line ?? 0, rhs.location?.column ?? 0)
        if l != r { return l < r }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        return lhs.subjects.lexicographicallyPrecedes(rhs.subjects)
    }
}
