/// The taint bits the loader sets (include/linux/panic.h) and `module_flags()`'s letters.
enum TaintBit {
    static let proprietary = 0
    static let forcedModule = 1
    static let forcedRmmod = 3
    static let crap = 10
    static let oot = 12
    static let unsigned = 13
    static let test = 18

    /// The per-module flags (`taint_flags[].module`), with their letters, in bit order.
    static let moduleLetters: [(bit: Int, letter: Character)] = [
        (0, "P"), (1, "F"), (10, "C"), (12, "O"), (13, "E"), (15, "K"), (16, "X"), (17, "T"), (18, "N"), (19, "J"),
    ]

    static func mask(_ bit: Int) -> UInt32 { 1 << UInt32(bit) }

    /// The letters of `taints`, in bit order (`module_flags_taint()`).
    static func letters(_ taints: UInt32) -> String {
        String(moduleLetters.filter { taints & mask($0.bit) != 0 }.map(\.letter))
    }
}
