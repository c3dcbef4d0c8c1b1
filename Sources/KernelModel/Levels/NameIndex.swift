import SourceInput

/// Names to small integers, looked up by the bytes of the name: FNV-1a and open addressing.
/// A level table answers "which id does this macro expand to?" once per registration line,
/// and `Dictionary<String, Int>` spent most of that in SipHash, which the table does not need
/// (its keys are the table's own macro names, not an attacker's). Deterministic; a lookup is
/// one hash of the name and, on average, about one comparison, however many names there are.
struct NameIndex: Sendable {
    private var names: [String] = []
    private var values: [Int] = []
    /// Indices into `names`, -1 where empty; the count is a power of two at least twice the
    /// names', so a probe sequence always ends at an empty slot.
    private var slots: [Int] = [-1, -1]

    init() {}

    /// The value of `name`, or nil.
    func value(for name: String) -> Int? {
        var slot = Self.hash(name) & (slots.count - 1)
        while slots[slot] >= 0 {
            if names[slots[slot]] == name { return values[slots[slot]] }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Adds `name` with `value` unless it is already there (the first one stays, as
    /// `byMacro[macro] == nil` kept it).
    mutating func insertIfAbsent(_ name: String, value: Int) {
        guard self.value(for: name) == nil else { return }
        if (names.count + 1) * 2 > slots.count { grow() }
        names.append(name)
        values.append(value)
        place(names.count - 1)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for index in names.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        var slot = Self.hash(names[index]) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = index
    }

    /// FNV-1a (64-bit) of the UTF-8 bytes, as a non-negative Int.
    private static func hash(_ name: String) -> Int {
        name.withUTF8Bytes { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x100_0000_01b3
            }
            return Int(truncatingIfNeeded: hash >> 1)
        }
    }
}
