/// One input section offered to the linker: a section of an object file, with its size and
/// alignment. The linker never looks inside; the caller keeps what the bytes mean.
public struct InputSection: Sendable, Hashable {
    /// The object file, as file patterns see it (`drivers/base/core.o`).
    public var file: String
    /// The section name (`.initcall6.init`).
    public var name: String
    /// Its size in bytes.
    public var size: UInt64
    /// Its alignment in bytes (at least 1): the linker places it at a multiple of this.
    public var alignment: UInt64

    /// Section `name` of `file`: `size` bytes, aligned to `alignment` (at least 1).
    public init(file: String, name: String, size: UInt64, alignment: UInt64 = 1) {
        self.file = file
        self.name = name
        self.size = size
        self.alignment = max(1, alignment)
    }
}
