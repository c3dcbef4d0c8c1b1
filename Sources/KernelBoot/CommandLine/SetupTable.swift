import KernelModel

/// `.init.setup` (`__setup_start` … `__setup_end`) as the command-line passes search it: the
/// entries in link order, their names as bytes for `obsolete_checksetup()`'s prefix match, and
/// the early ones by name for `do_early_param()`'s exact match. The kernel's own table is made
/// once; an image with handlers of its own gets one per boot.
struct SetupTable: Sendable {
    let entries: [SetupEntry]
    /// Each entry's `str` as bytes, parallel to `entries`.
    let strings: [[UInt8]]
    /// Each entry's `early` flag, parallel to `entries`.
    let isEarly: [Bool]
    /// Early entries by name with `-` made `_` (what `parameq()` compares), in table order.
    private let earlyByName: [String: [Int]]
    /// The `earlycon` entries, which `console=` also reaches.
    private let earlycon: [Int]

    init(_ entries: [SetupEntry]) {
        self.entries = entries
        self.strings = entries.map(\.strBytes)
        self.isEarly = entries.map(\.early)
        var earlyByName: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() where entry.early {
            earlyByName[ParamIndex.fold(entry.str), default: []].append(index)
        }
        self.earlyByName = earlyByName
        self.earlycon = entries.indices.filter { entries[$0].str == "earlycon" }
    }

    /// The kernel's own handlers alone, as the current kernel registers them.
    static let kernelOnly = SetupTable(SetupEntry.builtin)

    /// The kernel's own handlers as `version` registers them (an older release lacks some).
    static func kernelOnly(for version: KernelVersion) -> SetupTable {
        let entries = SetupEntry.builtin(for: version)
        return entries.count == SetupEntry.builtin.count ? .kernelOnly : SetupTable(entries)
    }

    /// `do_early_param()`'s matches for `param`, in table order: every early entry whose name
    /// `parameq()`s it, and for `console` the `earlycon` ones.
    func earlyEntries(for param: String) -> [Int] {
        let named = earlyByName[ParamIndex.fold(param)] ?? []
        guard param == "console" else { return named }
        return (named + earlycon).sorted()
    }
}
