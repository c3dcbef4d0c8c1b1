import SourceInput

/// A statement inside an output section description.
public enum OutputSectionItem: Sendable, Hashable {
    /// `KEEP(*(.initcall6.init))`, `*(.text .text.*)`, `foo.o(.data)`, …
    case input(InputSectionDescription)
    /// A symbol or location-counter assignment inside the section (`__initcall6_start = .;`).
    case assignment(Assignment)
    /// `BYTE(expr)`, `SHORT`, `LONG`, `QUAD`, `SQUAD`: `size` is the byte count.
    case data(size: Int, Expression, SourceLocation)
    /// `FILL(expr)`
    case fill(Expression, SourceLocation)
    /// `ASSERT(expr, "message")` inside the section.
    case assertion(Assertion)
    /// `INCLUDE file` inside the section: recorded, not read.
    case include(String, SourceLocation)
    /// `CONSTRUCTORS`, `CREATE_OBJECT_SYMBOLS`, `SORT(CONSTRUCTORS)`, …
    case ignored(keyword: String, SourceLocation)
}
