/// Where one line of (preprocessed) text came from.
package struct LineOrigin: Sendable, Hashable {
    package var file: String
    package var line: Int
    /// The line as the user wrote it, for the caret display; nil to show the expanded text.
    package var text: String?
    /// For each byte of the expanded line, the 1-based column in `text` it came from (a
    /// token a macro produced maps to the macro's name); nil when columns are the same.
    package var columnMap: [Int]?
    /// The line after macro expansion, when an expansion changed it: shown in a note, since
    /// the caret points into what the user wrote.
    package var expandedText: String?

    package init(file: String, line: Int, text: String? = nil, columnMap: [Int]? = nil, expandedText: String? = nil) {
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
