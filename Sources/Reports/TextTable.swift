/// Left-aligned columns separated by two spaces; no trailing spaces.
public enum TextTable {
    /// `rows` as left-aligned columns two spaces apart, one line a row, each ending in a newline.
    public static func render(_ rows: [[String]]) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        return rows.map { row in
            var line = ""
            for (i, cell) in row.enumerated() {
                line += cell
                if i + 1 < row.count { line += String(repeating: " ", count: widths[i] - cell.count + 2) }
            }
            return line
        }.joined(separator: "\n") + "\n"
    }
}
