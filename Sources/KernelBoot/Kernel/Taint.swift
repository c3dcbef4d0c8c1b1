/// The kernel taint mask (kernel/panic.c `taint_flags[]`), as far as the simulation sets it.
struct Taint: Sendable, Hashable {
    /// Letters in bit order; index = bit. `P` prints as `G` when clear.
    static let letters: [Character] = [
        "P", "F", "S", "R", "M", "B", "U", "D", "A", "W", "C", "I", "O", "E", "L", "K", "X", "T", "N", "J",
    ]
    static let warnBit = 9
    /// `taint_flags[].desc` (kernel/panic.c, 6.11): the `TAINT_` name of each bit, which
    /// `print_tainted_verbose()` prints.
    static let names = [
        "PROPRIETARY_MODULE", "FORCED_MODULE", "CPU_OUT_OF_SPEC", "FORCED_RMMOD", "MACHINE_CHECK", "BAD_PAGE", "USER",
        "DIE", "OVERRIDDEN_ACPI_TABLE", "WARN", "CRAP", "FIRMWARE_WORKAROUND", "OOT_MODULE", "UNSIGNED_MODULE",
        "SOFTLOCKUP", "LIVEPATCH", "AUX", "RANDSTRUCT", "TEST", "FWCTL",
    ]

    private(set) var mask: UInt32 = 0

    mutating func addWarn() { mask |= 1 << UInt32(Taint.warnBit) }

    /// `add_taint(flag, …)`: sets bit `bit` (0…19).
    mutating func add(bit: Int) {
        guard (0..<Taint.letters.count).contains(bit) else { return }
        mask |= 1 << UInt32(bit)
    }

    var isTainted: Bool { mask != 0 }

    /// The set flags as letters, e.g. `W`.
    var letters: String {
        String(Taint.letters.indices.filter { mask & (1 << UInt32($0)) != 0 }.map { Taint.letters[$0] })
    }

    /// `print_tainted_verbose()` (6.11): `[%c]=%s` for each set flag, joined by ", "
    /// (`[W]=WARN`).
    func printTaintedVerbose() -> String {
        Taint.letters.indices.filter { mask & (1 << UInt32($0)) != 0 }
            .map { "[\(Taint.letters[$0])]=\(Taint.names[$0])" }
            .joined(separator: ", ")
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
