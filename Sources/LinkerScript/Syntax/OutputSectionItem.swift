import SourceInput

/// A statement inside an output section description.
public enum OutputSectionItem: Sendable, Hashable {
    /// `KEEP(*(.initcall6.init))`, `*(.text .text.*)`, `foo.o(.data)`, …
    case input(InputSectionDescription)
    case assignment(Assignment)
    /// `BYTE(expr)`, `SHORT`, `LONG`, `QUAD`, `SQUAD`: `size` is the byte count.
    case data(size: Int, Expression, SourceLocation)
    /// `FILL(expr)`
    case fill(Expression, SourceLocation)
    case assertion(Assertion)
    case include(String, SourceLocation)
    /// `CONSTRUCTORS`, `CREATE_OBJECT_SYMBOLS`, `SORT(CONSTRUCTORS)`, …
    case ignored(keyword: String, SourceLocation)
}
