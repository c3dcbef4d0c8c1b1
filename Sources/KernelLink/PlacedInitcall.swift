import KernelModel
import LinkerScript
import SourceInput

/// One entry of the linked initcall tables, with what the link decided about it: the
/// statement of the linker script that placed it (which also names its output section), the
/// table walk that runs it, and its address.
///
/// Everything but the address lives in one shared, immutable storage object, so copying an
/// entry — which every relink of an exploration does a thousand times per order — costs one
/// reference count instead of one per string.
public struct PlacedInitcall: Sendable, Hashable {
    private final class Storage: Sendable {
        let function: String
        let size: Int
        let object: String
        let section: String
        let macro: String
        let id: String
        let sourceOrder: Int
        let source: SourceLocation?
        let attributeColumns: AttributeColumns
        let provides: [String]
        let requires: [String]
        let statement: LinkMap.StatementReference?
        let slice: InitcallSlice?
        let gap: UInt64
        let flush: UInt64
        let functionAddress: UInt64?
        /// `%pS` of the entry, built once: `initcall_debug` prints it twice per call.
        let symbolText: String

        init(
            _ entry: InitcallEntry, object: String, order: Int, statement: LinkMap.StatementReference?,
            slice: InitcallSlice?
        ) {
            self.function = entry.function.name
            self.size = entry.function.size
            self.object = object
            self.section = entry.section
            self.macro = entry.macro
            self.id = entry.id
            self.sourceOrder = order
            self.source = entry.source
            self.attributeColumns = entry.attributeColumns
            self.provides = entry.function.provides
            self.requires = entry.function.requires
            self.statement = statement
            self.slice = slice
            self.gap = entry.function.gap
            self.flush = entry.function.flush
            self.functionAddress = entry.function.address
            self.symbolText = Self.symbolText(entry.function.name, size: entry.function.size)
        }

        /// `name+0x0/0xsize`, written into one buffer (an interpolation grows it twice).
        static func symbolText(_ function: String, size: Int) -> String {
            var text = TextBuffer(capacity: function.utf8.count + 16)
            text.append(function)
            text.append("+0x0/0x")
            text.appendHex(size)
            return text.text
        }

        init(copying other: Storage, own: (String) -> String) {
            function = own(other.function)
            size = other.size
            object = own(other.object)
            section = own(other.section)
            macro = own(other.macro)
            id = own(other.id)
            sourceOrder = other.sourceOrder
            source = other.source
            attributeColumns = other.attributeColumns
            provides = other.provides.map(own)
            requires = other.requires.map(own)
            statement = other.statement
            slice = other.slice
            gap = other.gap
            flush = other.flush
            functionAddress = other.functionAddress
            symbolText = own(other.symbolText)
        }
    }

    private let storage: Storage
    /// Its address in the table; nil for orphans and discarded entries.
    public var address: UInt64?

    /// The entry `entry` of object `object` (its `order`-th registration), placed by
    /// `statement` (nil for an orphan) and run by the walk `slice` (nil: no walk reaches it).
    public init(
        _ entry: InitcallEntry, object: String, order: Int, address: UInt64?, statement: LinkMap.StatementReference?,
        slice: InitcallSlice?
    ) {
        self.storage = Storage(entry, object: object, order: order, statement: statement, slice: slice)
        self.address = address
    }

    private init(storage: Storage, address: UInt64?) {
        self.storage = storage
        self.address = address
    }

    /// The function's symbol name (`enc28j60_init`).
    public var function: String { storage.function }
    /// The symbol size `%pS` prints.
    public var size: Int { storage.size }
    /// The object file that registered it (`drivers/net/enc28j60.o`).
    public var object: String { storage.object }
    /// The input section the entry was emitted into (`.initcall6.init`).
    public var section: String { storage.section }
    /// The macro that registered it (`module_init`).
    public var macro: String { storage.macro }
    /// The registration id its macro used (`6`, `1s`, `con`); empty for an exit call.
    public var id: String { storage.id }
    /// Its position among the object's registrations (0 = first in the source).
    public var sourceOrder: Int { storage.sourceOrder }
    /// Where the registration was written (a `.boot` line, a Swift source line).
    public var source: SourceLocation? { storage.source }
    /// The line of ``source``, when known.
    public var sourceLine: Int? { storage.source?.line }
    /// The column of an attribute (`requires=`) on the registration's line, when it was read
    /// from a `.boot` file.
    public func column(ofAttribute name: String) -> Int? { storage.attributeColumns[name] }
    /// Declared resources, for dependency analysis without booting.
    public var provides: [String] { storage.provides }
    /// The resources it is declared to require.
    public var requires: [String] { storage.requires }
    /// The input section description of the linker script that collected the entry (for a
    /// discarded entry, the `/DISCARD/` one); nil for an orphan.
    public var statement: LinkMap.StatementReference? { storage.statement }
    /// The output section it went to (`.init.data`), or nil for an orphan.
    public var outputSection: String? { storage.statement?.outputSection }
    /// The first table walk that runs it; nil when none does (orphan, discarded, or placed
    /// outside every walk).
    public var slice: InitcallSlice? { storage.slice }
    /// Virtual time before the entry is reached (``InitFunction/gap``).
    public var gap: UInt64 { storage.gap }
    /// Console time of its `calling` line (``InitFunction/flush``).
    public var flush: UInt64 { storage.flush }

    /// The function's own address when the description gives one (``InitFunction/address``).
    public var functionAddress: UInt64? { storage.functionAddress }

    /// The same entry at another address.
    func moved(to address: UInt64?) -> PlacedInitcall { PlacedInitcall(storage: storage, address: address) }

    /// A copy whose strings share no storage with this one (see ``Relinker/isolated()``).
    func isolated() -> PlacedInitcall {
        func own(_ text: String) -> String { String(decoding: Array(text.utf8), as: UTF8.self) }
        return PlacedInitcall(storage: Storage(copying: storage, own: own), address: address)
    }

    public static func == (lhs: PlacedInitcall, rhs: PlacedInitcall) -> Bool {
        lhs.address == rhs.address
            && (lhs.storage === rhs.storage
                || (lhs.function == rhs.function && lhs.size == rhs.size && lhs.object == rhs.object
                    && lhs.section == rhs.section && lhs.macro == rhs.macro && lhs.id == rhs.id
                    && lhs.sourceOrder == rhs.sourceOrder && lhs.source == rhs.source
                    && lhs.provides == rhs.provides && lhs.requires == rhs.requires
                    && lhs.statement == rhs.statement && lhs.slice == rhs.slice && lhs.gap == rhs.gap
                    && lhs.flush == rhs.flush))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(function)
        hasher.combine(object)
        hasher.combine(section)
        hasher.combine(sourceOrder)
        hasher.combine(address)
    }

    /// `%pS` of the entry: `name+0x0/0xsize`.
    public var symbolText: String { storage.symbolText }

    /// The C source file the object was compiled from (`drivers/net/enc28j60.c`).
    public var sourceFile: String {
        object.hasSuffix(".o") ? String(object.dropLast(2)) + ".c" : object
    }
}
