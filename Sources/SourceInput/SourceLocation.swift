/// A position in a source file, 1-based, as compilers and `ld` print it: `file:line:column`.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, as the user named it (`Examples/board.boot`).
    public var file: String
    /// The line, 1-based.
    public var line: Int
    /// The column, 1-based.
    public var column: Int

    /// The place at `line` and `column` (both 1-based) of `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
