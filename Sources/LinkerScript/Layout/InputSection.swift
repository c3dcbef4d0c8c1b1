/// One input section offered to the linker: a section of an object file, with its size and
/// alignment. The linker never looks inside; the caller keeps what the bytes mean.
public struct InputSection: Sendable, Hashable {
    /// The object file, as file patterns see it (`drivers/base/core.o`).
    public var file: String
    /// The section name (`.initcall6.init`).
    public var name: String
    public var size: UInt64
    public var alignment: UInt64

    public init(file: String, name: String, size: UInt64, alignment: UInt64 = 1) {
        self.file = file
        self.name = name
        self.size = size
        self.alignment = max(1, alignment)
    }
}
