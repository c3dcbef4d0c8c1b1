/// One registration inside an object file: what `core_initcall(fn)` emits — a table entry for
/// `fn` in the input section its id selects — plus where it was written.
public struct InitcallEntry: Sendable {
    public enum Kind: String, Sendable, Hashable {
        /// A table entry in an `.initcall*`/`.con_initcall` section.
        case initcall
        /// `module_exit(fn)` in built-in code: an entry in `.exitcall.exit`, which the generic
        /// `DISCARDS` rule throws away, so it never runs.
        case exitcall
    }

    public var function: InitFunction
    /// The macro as written: `core_initcall`, `module_init`, `__define_initcall`.
    public var macro: String
    /// The `id` token (`1`, `6s`, `con`); empty for exit calls.
    public var id: String
    /// `.initcall1`; the linker appends `.init` (and, under LTO, the per-entry suffix).
    public var sectionBase: String
    public var kind: Kind
    /// Where the registration was written (a `.boot` line, or a Swift source line).
    public var sourceLine: Int?

    public init(
        function: InitFunction, macro: String, id: String, sectionBase: String, kind: Kind = .initcall,
        sourceLine: Int? = nil
    ) {
        self.function = function
        self.macro = macro
        self.id = id
        self.sectionBase = sectionBase
        self.kind = kind
        self.sourceLine = sourceLine
    }

    /// The non-LTO input section name.
    public var section: String {
        kind == .exitcall ? ".exitcall.exit" : sectionBase + ".init"
    }
}
