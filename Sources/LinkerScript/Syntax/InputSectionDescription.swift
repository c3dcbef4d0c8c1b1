import SourceInput

/// An input section description: which files, which of their sections.
public struct InputSectionDescription: Sendable, Hashable {
    /// `KEEP(…)`: never garbage-collected. Placement is the same with or without it.
    public var keep: Bool
    /// The files whose sections it takes.
    public var file: FilePattern
    /// The section patterns in the parentheses; empty means "every section of the file"
    /// (`foo.o` on its own).
    public var sections: [SectionPattern]
    /// Where it is written (a macro's invocation, for descriptions it expands to).
    public var location: SourceLocation

    /// A description of the `sections` of the files `file` matches, kept from garbage collection
    /// when `keep` is true.
    public init(keep: Bool, file: FilePattern, sections: [SectionPattern], location: SourceLocation) {
        self.keep = keep
        self.file = file
        self.sections = sections
        self.location = location
    }

    /// The description written back in ld syntax, e.g. `KEEP(*(.initcall6.init))`.
    public var text: String {
        var inner = file.text
        if !sections.isEmpty {
            inner += "(" + sections.map(\.text).joined(separator: " ") + ")"
        }
        return keep ? "KEEP(\(inner))" : inner
    }
}
