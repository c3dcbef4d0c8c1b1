import KernelLink

/// The kernel's symbol table (`kallsyms`), as far as reports need it: the initcall functions
/// of the image, by table index, so that a stack dump or a might_sleep report can name the
/// function the CPU is in. Built from the linked image when the kernel starts, and immutable.
struct Kallsyms: Sendable {
    private let table: [PlacedInitcall]

    init(_ image: KernelImage) { table = image.table }

    /// An empty table, for a kernel outside any boot.
    init() { table = [] }

    /// The function at table index `index` (what `%pS` of its address names), or nil.
    func function(at index: Int) -> PlacedInitcall? {
        table.indices.contains(index) ? table[index] : nil
    }

    /// The first function of the table named `name` (`kallsyms_lookup_name()`).
    func function(named name: String) -> PlacedInitcall? {
        table.first { $0.function == name }
    }
}
