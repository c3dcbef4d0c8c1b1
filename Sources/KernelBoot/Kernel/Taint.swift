/// The kernel taint mask (kernel/panic.c `taint_flags[]`), as far as the simulation sets it.
struct Taint: Sendable, Hashable {
    /// Letters in bit order; index = bit. `P` prints as `G` when clear.
    static let letters: [Character] = [
        "P", "F", "S", "R", "M", "B", "U", "D", "A", "W", "C", "I", "O", "E", "L", "K", "X", "T", "N", "J",
    ]
    static let warnBit = 9

    private(set) var mask: UInt32 = 0

    mutating func addWarn() { mask |= 1 << UInt32(Taint.warnBit) }

    var isTainted: Bool { mask != 0 }

    /// The set flags as letters, e.g. `W`.
    var letters: String {
        String(Taint.letters.indices.filter { mask & (1 << UInt32($0)) != 0 }.map { Taint.letters[$0] })
    }

    /// `print_tainted()`: "Not tainted", or "Tainted: " and one column per flag (`G` for a
    /// clear `P`, a space for other clear flags).
    func printTainted(flagCount: Int) -> String {
        guard isTainted else { return "Not tainted" }
        var text = "Tainted: "
        for bit in 0..<min(flagCount, Taint.letters.count) {
            let set = mask & (1 << UInt32(bit)) != 0
            if bit == 0 {
                text.append(set ? "P" : "G")
            } else {
                text.append(set ? Taint.letters[bit] : " ")
            }
        }
        return text
    }
}
