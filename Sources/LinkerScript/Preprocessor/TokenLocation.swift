/// A place in a file known to the preprocessor: an index into its file table, and a 1-based
/// line and column.
struct TokenLocation: Sendable, Hashable {
    var file: Int
    var line: Int
    var column: Int
}
