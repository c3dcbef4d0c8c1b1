/// The architecture being simulated. It decides the initcall table entry size and the messages
/// printed when init memory is freed (the stop markers `scripts/bootgraph.pl` looks for).
public enum Architecture: String, Sendable, Hashable, CaseIterable {
    /// x86-64: PREL32 entries (4 bytes); `mark_rodata_ro()` prints "Write protecting the kernel
    /// read-only data", which bootgraph.pl stops at.
    case x86_64
    /// arm64: PREL32 entries; `free_initmem()` prints "Freeing unused kernel memory".
    case arm64
    /// A generic 64-bit architecture without PREL32: 8-byte function pointers; only the generic
    /// "Freeing unused kernel image (initmem) memory" line, which bootgraph.pl does not match.
    case generic

    /// `sizeof(initcall_entry_t)`.
    public var entrySize: UInt64 {
        switch self {
        case .x86_64, .arm64: return 4
        case .generic: return 8
        }
    }

    /// `UTS_MACHINE`, as `uname -m` prints it.
    public var machine: String {
        switch self {
        case .x86_64: return "x86_64"
        case .arm64: return "aarch64"
        case .generic: return "generic"
        }
    }

    /// Where `.init.text` starts in the simulated address space: the stand-in for the
    /// addresses kernels up to 2.6.25 printed with `%p` (`Calling initcall 0x…`).
    public var initTextBase: UInt64 {
        switch self {
        case .x86_64, .generic: return 0xffff_ffff_8180_0000
        case .arm64: return 0xffff_8000_1080_0000
        }
    }
}
