import SourceInput

/// Names to small integers, looked up by the bytes of the name: FNV-1a and open addressing.
/// A level table answers "which id does this macro expand to?" once per registration line,
/// and the `.boot` reader "was this object already defined?" once per object, and
/// `Dictionary<String, Int>` spent most of that in SipHash, which neither needs (a collision
/// costs a comparison, never a wrong answer). Deterministic; a lookup is one hash of the name
/// and, on average, about one comparison, however many names there are.
struct NameIndex: Sendable {
    private var names: [String] = []
    /// The UTF-8 of every name, one after the other, and where each one's is: compared with
    /// the bytes looked up without touching a string.
    private var spellingBytes: [UInt8] = []
    private var spellings: [Range<Int>] = []
    private var values: [Int] = []
    /// The hash of every name, so that growing the table hashes nothing again.
    private var hashes: [Int] = []
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
        index(of: bytes).map { (names[$0], values[$0]) }
    }

    /// Where the name spelled `bytes` (whose hash is `hash`) is in `names`: the probe walks
    /// the three arrays through their buffers (each `Array` subscript checks its bounds).
    private func index(of bytes: UnsafeBufferPointer<UInt8>, hash: Int? = nil) -> Int? {
        let mask = slots.count - 1
        var slot = (hash ?? Self.hash(bytes)) & mask
        return slots.withUnsafeBufferPointer { slots in
            spellings.withUnsafeBufferPointer { spellings in
                spellingBytes.withUnsafeBufferPointer { stored in
                    while slots[slot] >= 0 {
                        let index = slots[slot]
                        if Self.equal(stored, spellings[index], bytes) { return index }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
    }

    private static func equal(
        _ stored: UnsafeBufferPointer<UInt8>, _ spelling: Range<Int>, _ bytes: UnsafeBufferPointer<UInt8>
    ) -> Bool {
        spelling.count == bytes.count && ByteScan.equal(UnsafeBufferPointer(rebasing: stored[spelling]), bytes)
    }

    /// Adds `name` with `value` unless it is already there (the first one stays, as
    /// `byMacro[macro] == nil` kept it).
    mutating func insertIfAbsent(_ name: String, value: Int) {
        _ = insert(name, value: value)
    }

    /// Adds `name` with `value` and returns nil, or returns the value `name` already has
    /// (and adds nothing). The name is hashed once, for the lookup and the slot.
    mutating func insert(_ name: String, value: Int) -> Int? {
        let (hash, existing) = name.withUTF8Bytes { bytes in
            let hash = Self.hash(bytes)
            return (hash, index(of: bytes, hash: hash))
        }
        if let existing { return values[existing] }
        if (names.count + 1) * 2 > slots.count { grow() }
        names.append(name)
        hashes.append(hash)
        let start = spellingBytes.count
        name.withUTF8Bytes { spellingBytes.append(contentsOf: $0) }
        spellings.append(start..<spellingBytes.count)
        values.append(value)
        place(names.count - 1)
        return nil
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for index in names.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = hashes[index] & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
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
