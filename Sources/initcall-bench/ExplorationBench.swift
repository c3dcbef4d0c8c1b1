/// Rows for link-order exploration; filled in with `initcall-sim explore`.
enum ExplorationBench {
    static func rows() -> [String] { [] }
}
