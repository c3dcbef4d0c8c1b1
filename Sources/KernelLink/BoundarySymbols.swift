import KernelModel
import LinkerScript
import SourceInput

/// The one verdict on the boundary symbols of the table walks (`__initcall6_start`,
/// `__con_initcall_end`, …): the link throws it (``Linker``, ``InitcallProbe``), and `check`
/// reports the same problem as a finding, at the same place.
package enum BoundarySymbols {
    /// What is wrong with `symbol`, read by `user` (`console_init()`, `initcall_levels[6]`):
    /// the script never defines it, or its value is unknown — or nil, when it has a value.
    package static func error(_ symbol: String, user: String, levels: LevelTable, map: LinkMap) -> LinkError? {
        guard let definition = map.symbol(named: symbol) else {
            let error = LinkError.undefinedSymbol(name: symbol, referencedBy: user, diagnostic: nil)
            guard let (location, note) = place(of: symbol, levels: levels, map: map) else { return error }
            let diagnostic = Diagnostic(
                .error, at: location, error.message(spelling: .swift), notes: [note],
                sourceLine: map.sourceLines.text(at: location))
            return .undefinedSymbol(name: symbol, referencedBy: user, diagnostic: diagnostic)
        }
        guard definition.value == nil else { return nil }
        // Every unknown value the layout computes has its reason; a map built by hand may not.
        let reason =
            definition.unknown
            ?? UnknownValue(
                .undefinedSymbol(symbol), at: definition.location,
                sourceLine: map.sourceLines.text(at: definition.location))
        let diagnostic = reason.diagnostic(
            context: "the value of `\(symbol)' (used by \(user)) is unknown",
            notes: ["`\(symbol)' is assigned at \(definition.location)"])
        return .unknownSymbolValue(name: symbol, referencedBy: user, diagnostic: diagnostic)
    }

    /// Where to point at a boundary symbol the script never defines: the entry of
    /// `initcall_levels[]` that names it, when the level table was read from a file; else the
    /// script's definition of the other end of a walk it bounds.
    static func place(of symbol: String, levels: LevelTable, map: LinkMap) -> (SourceLocation, String)? {
        if let index = levels.initcallLevels.firstIndex(of: symbol), let sources = levels.sources?.initcallLevels,
            index < sources.count
        {
            return (sources[index], "initcall_levels[\(index)] names it here")
        }
        for partner in partners(of: symbol, levels) {
            if let definition = map.symbol(named: partner) {
                return (
                    definition.location,
                    "the other end of the walk, `\(partner)', is defined here; define `\(symbol)' next to it"
                )
            }
        }
        return nil
    }

    /// The other ends of the walks `symbol` bounds, in run order.
    private static func partners(of symbol: String, _ levels: LevelTable) -> [String] {
        var result: [String] = []
        var pairs = [levels.consoleSlice, levels.earlySlice].compactMap { $0 }
        for n in 0..<max(0, levels.initcallLevels.count - 1) {
            pairs.append((levels.initcallLevels[n], levels.initcallLevels[n + 1]))
        }
        for (start, end) in pairs {
            if start == symbol { result.append(end) }
            if end == symbol { result.append(start) }
        }
        return result
    }
}
