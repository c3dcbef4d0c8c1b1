/// Where one line of (preprocessed) text came from.
public struct LineOrigin: Sendable, Hashable {
    public var file: String
    public var line: Int
    /// The line as the user wrote it, for the caret display; nil to show the expanded text.
    public var text: String?
    /// For each byte of the expanded line, the 1-based column in `text` it came from (a
    /// token a macro produced maps to the macro's name); nil when columns are the same.
    public var columnMap: [Int]?
    /// The line after macro expansion, when an expansion changed it: shown in a note, since
    /// the caret points into what the user wrote.
    public var expandedText: String?

    public init(file: String, line: Int, text: String? = nil, columnMap: [Int]? = nil, expandedText: String? = nil) {
        self.file = file
        self.line = line
        self.text = text
        self.columnMap = columnMap
        self.expandedText = expandedText
    }

    /// The column in the user's line of a column of the expanded line.
    func sourceColumn(_ column: Int) -> Int {
        guard let columnMap, !columnMap.isEmpty else { return column }
        if column >= 1 && column <= columnMap.count { return columnMap[column - 1] }
        return (columnMap.last ?? 0) + max(1, column - columnMap.count)
    }
}
