import SourceInput

/// Names to small integers, looked up by the bytes of the name: FNV-1a and open addressing.
/// A level table answers "which id does this macro expand to?" once per registration line,
/// and `Dictionary<String, Int>` spent most of that in SipHash, which the table does not need
/// (its keys are the table's own macro names, not an attacker's). Deterministic; a lookup is
/// one hash of the name and, on average, about one comparison, however many names there are.
struct NameIndex: Sendable {
    private var names: [String] = []
    /// The UTF-8 of each name, compared with the bytes looked up.
    private var spellings: [[UInt8]] = []
    private var values: [Int] = []
    /// Indices into `names`, -1 where empty; the count is a power of two at least twice the
    /// names', so a probe sequence always ends at an empty slot.
    private var slots: [Int] = [-1, -1]

    init() {}

    /// The value of `name`, or nil.
    func value(for name: String) -> Int? {
        name.withUTF8Bytes { entry(for: $0)?.value }
    }

    /// The name spelled `bytes` (its string as inserted) and its value, or nil.
    func entry(for bytes: UnsafeBufferPointer<UInt8>) -> (name: String, value: Int)? {
        var slot = Self.hash(bytes) & (slots.count - 1)
        while slots[slot] >= 0 {
            let index = slots[slot]
            if Self.equal(spellings[index], bytes) { return (names[index], values[index]) }
            slot = (slot + 1) & (slots.count - 1)
        }
        return nil
    }

    private static func equal(_ spelling: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard spelling.count == bytes.count else { return false }
        for index in spelling.indices where spelling[index] != bytes[index] { return false }
        return true
    }

    /// Adds `name` with `value` unless it is already there (the first one stays, as
    /// `byMacro[macro] == nil` kept it).
    mutating func insertIfAbsent(_ name: String, value: Int) {
        guard self.value(for: name) == nil else { return }
        if (names.count + 1) * 2 > slots.count { grow() }
        names.append(name)
        spellings.append(Array(name.utf8))
        values.append(value)
        place(names.count - 1)
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for index in names.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        var slot = names[index].withUTF8Bytes(Self.hash) & (slots.count - 1)
        while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = index
    }

    /// FNV-1a (64-bit) of UTF-8 bytes, as a non-negative Int.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: hash >> 1)
    }
}
