/// Identifies one input section description: output section ordinal and item index.
struct StatementKey: Hashable {
    var section: Int
    var item: Int
}
