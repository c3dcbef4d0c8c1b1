import SourceInput

/// One registration inside an object file: what `core_initcall(fn)` emits — a table entry for
/// `fn` in the input section its id selects — plus where it was written.
public struct InitcallEntry: Sendable {
    /// Where an entry goes: an initcall table, or the exit calls a built-in kernel discards.
    public enum Kind: String, Sendable, Hashable {
        /// A table entry in an `.initcall*`/`.con_initcall` section.
        case initcall
        /// `module_exit(fn)` in built-in code: an entry in `.exitcall.exit`, which the generic
        /// `DISCARDS` rule throws away, so it never runs.
        case exitcall
    }

    /// The registered function.
    public var function: InitFunction
    /// The macro as written: `core_initcall`, `module_init`, `__define_initcall`.
    public var macro: String
    /// The `id` token (`1`, `6s`, `con`); empty for exit calls.
    public var id: String
    /// `.initcall1`; the linker appends `.init` (and, under LTO, the per-entry suffix).
    public var sectionBase: String
    /// Whether it is an initcall table entry or a built-in exit call.
    public var kind: Kind
    /// Where the registration was written: a `.boot` line (at the macro), or a Swift source line.
    public var source: SourceLocation?
    /// The columns of the attributes written on the registration's `.boot` line
    /// (`requires=` → 41), so that findings point at them.
    public var attributeColumns: AttributeColumns

    /// An entry for `function`, registered with `macro` at `id` in section `<sectionBase>.init` (or
    /// `.exitcall.exit` for an exit call), written at `source`.
    public init(
        function: InitFunction, macro: String, id: String, sectionBase: String, kind: Kind = .initcall,
        source: SourceLocation? = nil, attributeColumns: AttributeColumns = [:]
    ) {
        self.function = function
        self.macro = macro
        self.id = id
        self.sectionBase = sectionBase
        self.kind = kind
        self.source = source
        self.attributeColumns = attributeColumns
    }

    /// The line of ``source``.
    public var sourceLine: Int? { source?.line }

    /// Where a registration macro puts an entry: its id, the section and the kind.
    struct Placement {
        var id: String
        var sectionBase: String
        var kind: Kind
    }

    /// An entry for `function` registered with `macro` where `placement` says.
    init(
        function: InitFunction, macro: String, at placement: Placement, source: SourceLocation?,
        attributeColumns: AttributeColumns = [:]
    ) {
        self.init(
            function: function, macro: macro, id: placement.id, sectionBase: placement.sectionBase,
            kind: placement.kind, source: source, attributeColumns: attributeColumns)
    }

    /// The non-LTO input section name.
    public var section: String {
        kind == .exitcall ? ".exitcall.exit" : sectionBase + ".init"
    }

    /// The macros that put a built-in function in `.exitcall.exit` (`module_exit` is
    /// `__exitcall` when built in).
    public static let exitMacros = ["module_exit", "__exitcall"]

    /// Whether `macro` is one of ``exitMacros``; the lengths first, since every registration
    /// line asks and a level macro is rarely 10 or 11 bytes long.
    static func isExitMacro(_ macro: String) -> Bool {
        let count = macro.utf8.count
        return (count == 10 || count == 11) && exitMacros.contains(macro)
    }
}

extension LevelTable {
    /// What `macro(fn)` emits with this table — the one place that maps a registration macro
    /// to its entry, for Swift (`tu.core_initcall(fn)`) and `.boot` files alike: a table entry
    /// in the section of the macro's id, or for `module_exit`/`__exitcall` an entry in
    /// `.exitcall.exit`. Nil when the table defines no such macro (C would not compile:
    /// "implicit declaration of function").
    public func registration(_ function: InitFunction, macro: String, source: SourceLocation? = nil) -> InitcallEntry? {
        placement(macro: macro, index: macroIndex(macro)).map {
            InitcallEntry(function: function, macro: macro, at: $0, source: source)
        }
    }

    /// Where `macro(fn)` puts its entry: the section of the macro's id, `.exitcall.exit` for
    /// an exit macro, nil for a macro the table does not define. `index` is
    /// ``macroIndex(_:)`` of it, which a reader that already looked it up passes on (one table
    /// lookup per registration line, and no copy of the id's macro list).
    func placement(macro: String, index: Int?) -> InitcallEntry.Placement? {
        if InitcallEntry.isExitMacro(macro) { return .init(id: "", sectionBase: ".exitcall", kind: .exitcall) }
        return index.map { .init(id: ids[$0].id, sectionBase: ids[$0].sectionBase, kind: .initcall) }
    }

    /// `__define_initcall(fn, id)`: an entry in `.initcall<id>.init`, whatever the table says;
    /// an id no pattern collects makes an orphan that never runs, as in the kernel.
    public func defineInitcall(_ function: InitFunction, id: String, source: SourceLocation? = nil) -> InitcallEntry {
        InitcallEntry(function: function, macro: "__define_initcall", at: placement(definedID: id), source: source)
    }

    /// Where `__define_initcall(fn, id)` puts its entry.
    func placement(definedID id: String) -> InitcallEntry.Placement {
        .init(id: id, sectionBase: self.id(named: id)?.sectionBase ?? ".initcall\(id)", kind: .initcall)
    }

    /// Whether `macro` registers anything with this table (a level macro, `__define_initcall`,
    /// or an exit macro).
    public func isRegistrationMacro(_ macro: String) -> Bool {
        isRegistrationMacro(macro, index: macroIndex(macro))
    }

    /// ``isRegistrationMacro(_:)`` with the macro's index in ``ids`` already looked up.
    func isRegistrationMacro(_ macro: String, index: Int?) -> Bool {
        index != nil || macro == "__define_initcall" || InitcallEntry.isExitMacro(macro)
    }
}
