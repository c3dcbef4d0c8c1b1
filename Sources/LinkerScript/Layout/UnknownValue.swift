import SourceInput

/// Why the layout could not compute a value: the reference that made it unknown, and where.
///
/// The script alone cannot know everything ld knows — symbols defined by object code
/// (`startup_64`), memory regions — so the layout carries an unknown value on rather than
/// failing, and keeps the first reason: whoever needs the value (a table walk of the kernel)
/// reports it at the reference, the way ld would ("undefined symbol `x' referenced in
/// expression").
public struct UnknownValue: Sendable, Hashable {
    public enum Cause: Sendable, Hashable {
        /// The script never assigns the symbol (object code might define it; the simulation
        /// has none).
        case undefinedSymbol(String)
        /// The script assigns the symbol, but only after this use: the layout evaluates a
        /// script once, in order.
        case symbolAssignedLater(String)
        /// `ADDR`, `SIZEOF`, `ALIGNOF` or `LOADADDR` of an output section the script never lays
        /// out.
        case undefinedSection(String)
        /// … of an output section the script lays out only after this use.
        case sectionLaidOutLater(String)
        /// `ORIGIN` or `LENGTH` of a memory region: `MEMORY` is not simulated.
        case memoryRegion(String)
    }

    public var cause: Cause
    /// The reference: the symbol, section or region name in the expression.
    public var location: SourceLocation
    /// The line `location` points into, for the caret display.
    public var sourceLine: String?

    public init(_ cause: Cause, at location: SourceLocation, sourceLine: String? = nil) {
        self.cause = cause
        self.location = location
        self.sourceLine = sourceLine
    }

    /// ld's words where ld has them: "undefined symbol `nosuch' referenced in expression".
    public var message: String {
        switch cause {
        case .undefinedSymbol(let name): return "undefined symbol `\(name)' referenced in expression"
        case .symbolAssignedLater(let name):
            return "symbol `\(name)' is referenced in expression before the script assigns it"
        case .undefinedSection(let name): return "undefined section `\(name)' referenced in expression"
        case .sectionLaidOutLater(let name):
            return "section `\(name)' is referenced in expression before the script lays it out"
        case .memoryRegion(let name): return "memory region `\(name)' referenced in expression"
        }
    }

    /// What to do about it.
    public var notes: [String] {
        switch cause {
        case .undefinedSymbol(let name):
            return [
                "the linker script never assigns `\(name)'; a symbol defined only by object code has no value in the simulation"
            ]
        case .symbolAssignedLater(let name):
            return [
                "the script is evaluated once, in order: assign `\(name)' before this use (an assignment loop such as 'a = b; b = a;' never has a value)"
            ]
        case .undefinedSection(let name): return ["the script has no output section named `\(name)'"]
        case .sectionLaidOutLater(let name):
            return ["`\(name)' has no address or size until the script lays it out; use it after its description"]
        case .memoryRegion: return ["MEMORY regions are not simulated; ORIGIN() and LENGTH() have no value"]
        }
    }

    /// The reason as a diagnostic at the reference; `context` says whose value it is.
    public func diagnostic(_ severity: Diagnostic.Severity = .error, context: String? = nil, notes extra: [String] = [])
        -> Diagnostic
    {
        Diagnostic(
            severity, at: location, context.map { "\($0): \(message)" } ?? message, notes: extra + notes,
            sourceLine: sourceLine)
    }

    /// The reason once the whole script is known: a name used before its assignment (or
    /// section before its layout) is not undefined.
    func refined(symbols: SymbolTable, sections: Set<String>) -> UnknownValue {
        var result = self
        switch cause {
        case .undefinedSymbol(let name) where symbols.isDefined(name):
            result.cause = .symbolAssignedLater(name)
        case .undefinedSection(let name) where sections.contains(name):
            result.cause = .sectionLaidOutLater(name)
        default:
            break
        }
        return result
    }
}

/// A value the layout computed, or why it could not.
enum LayoutValue {
    case known(UInt64)
    case unknown(UnknownValue)

    var value: UInt64? {
        if case .known(let value) = self { return value }
        return nil
    }

    var unknown: UnknownValue? {
        if case .unknown(let reason) = self { return reason }
        return nil
    }
}

/// The symbols a layout has assigned so far. The layout owns the only copy and the evaluator
/// reads it in place: copying the table into the evaluator for every assignment once made a
/// layout of n assignments take n² time.
struct SymbolTable {
    var symbols: [LinkMap.Symbol] = []
    var index: [String: Int] = [:]

    func symbol(named name: String) -> LinkMap.Symbol? {
        index[name].map { symbols[$0] }
    }

    func isDefined(_ name: String) -> Bool { index[name] != nil }

    mutating func reserveCapacity(_ count: Int) {
        symbols.reserveCapacity(count)
        index.reserveCapacity(count)
    }

    /// The value of a defined symbol (nil: not defined), without copying the rest of it.
    func value(of name: String) -> LayoutValue? {
        guard let i = index[name] else { return nil }
        if let value = symbols[i].value { return .known(value) }
        return symbols[i].unknown.map { .unknown($0) }
            ?? .unknown(UnknownValue(.undefinedSymbol(name), at: symbols[i].location))
    }

    /// Defines a symbol, or gives an existing one its new value (ld's symbol table keeps the
    /// first definition's place). One hash lookup for a new symbol.
    mutating func define(_ symbol: LinkMap.Symbol) {
        if let existing = index.updateValue(symbols.count, forKey: symbol.name) {
            index[symbol.name] = existing
            symbols[existing].value = symbol.value
            symbols[existing].unknown = symbol.unknown
        } else {
            symbols.append(symbol)
        }
    }
}
