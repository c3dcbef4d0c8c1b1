/// Why a level table edit cannot be made.
public enum LevelTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No level of `initcall_level_names[]` has this name.
    case unknownLevel(String, known: [String])
    /// A level of that name exists already.
    case duplicateLevel(String)
    /// The `id` (the token pasted into `.initcall<id>.init`) is taken.
    case duplicateID(String)
    /// A level name or id must be a C identifier body: it becomes part of macro and section
    /// names.
    case invalidName(String)

    public var description: String {
        switch self {
        case .unknownLevel(let name, let known):
            return "no initcall level named '\(name)' (levels: \(known.joined(separator: ", ")))"
        case .duplicateLevel(let name):
            return "an initcall level named '\(name)' exists already"
        case .duplicateID(let id):
            return "initcall id '\(id)' is already used (its section is .initcall\(id).init)"
        case .invalidName(let name):
            return
                "'\(name)' cannot name a level: use letters, digits and '_' (it becomes \(name)_initcall and .initcall\(name).init)"
        }
    }
}

/// Editing a level table the way a kernel engineer edits `include/linux/init.h`,
/// `include/asm-generic/vmlinux.lds.h` and `init/main.c` together: each edit keeps the
/// registration macros, the ids and both tables of `do_initcalls()` consistent.
extension LevelTable {
    /// A new level named `name` right after level `after`, with its two registration macros
    /// (`<name>_initcall`, `<name>_initcall_sync`), its sections (`.initcall<id>.init` and
    /// `.initcall<id>s.init`), its boundary symbol `__initcall<id>_start` in
    /// `initcall_levels[]` and its name in `initcall_level_names[]`.
    ///
    ///     let table = try LevelTable.linux6.insertingLevel("prev_device", after: "fs")
    ///     kernel.levels = table
    ///     kernel.object("drivers/foo.o") { tu in tu.prev_device_initcall(foo_init) }
    ///
    /// - Parameter id: the token pasted into section and symbol names; defaults to `name`.
    public func insertingLevel(_ name: String, after: String, id: String? = nil) throws(LevelTableError) -> LevelTable {
        let newID = id ?? name
        guard Self.isNameBody(name), Self.isNameBody(newID) else {
            throw .invalidName(Self.isNameBody(name) ? newID : name)
        }
        guard !initcallLevelNames.contains(name) else { throw .duplicateLevel(name) }
        guard self.id(named: newID) == nil, self.id(named: newID + "s") == nil else { throw .duplicateID(newID) }
        let macros = [name + "_initcall", name + "_initcall_sync"]
        for macro in macros where self.id(forMacro: macro) != nil { throw .duplicateLevel(name) }
        let k = try levelIndex(after)
        var table = self
        let position = insertionPoint(afterLevel: k)
        table.ids.insert(
            contentsOf: [InitcallID(id: newID, macros: [macros[0]]), InitcallID(id: newID + "s", macros: [macros[1]])],
            at: position)
        table.initcallLevels.insert("__initcall\(newID)_start", at: min(k + 1, table.initcallLevels.count))
        table.initcallLevelNames.insert(name, at: min(k + 1, table.initcallLevelNames.count))
        return table
    }

    /// The table without level `name`: its ids (the one whose `__initcall<id>_start` opens the
    /// level, and its `_sync` sibling), its macros, its boundary and its name.
    public func removingLevel(_ name: String) throws(LevelTableError) -> LevelTable {
        let k = try levelIndex(name)
        var table = self
        let symbol = initcallLevels[k]
        if let opening = ids.first(where: { "__initcall\($0.id)_start" == symbol }) {
            table.ids.removeAll { $0.id == opening.id || $0.id == opening.id + "s" }
        }
        table.initcallLevels.remove(at: k)
        table.initcallLevelNames.remove(at: k)
        // do_pre_smp_initcalls() runs up to the first level's boundary.
        if let early = table.earlySlice, early.end == symbol, let first = table.initcallLevels.first {
            table.earlySlice = (early.start, first)
        }
        return table
    }

    /// The table with level `name` called `newName`: in `initcall_level_names[]` (the name of
    /// its parameter pass and tracepoint) and in its macros (`<name>_initcall[_sync]`).
    /// Ids, sections and symbols stay.
    public func renamingLevel(_ name: String, to newName: String) throws(LevelTableError) -> LevelTable {
        guard Self.isNameBody(newName) else { throw .invalidName(newName) }
        let k = try levelIndex(name)
        guard !initcallLevelNames.contains(newName) else { throw .duplicateLevel(newName) }
        var table = self
        table.initcallLevelNames[k] = newName
        for i in table.ids.indices {
            table.ids[i].macros = table.ids[i].macros.map { macro in
                if macro == name + "_initcall" { return newName + "_initcall" }
                if macro == name + "_initcall_sync" { return newName + "_initcall_sync" }
                return macro
            }
        }
        return table
    }

    private func levelIndex(_ name: String) throws(LevelTableError) -> Int {
        guard let k = initcallLevelNames.firstIndex(of: name), k < initcallLevels.count else {
            throw .unknownLevel(name, known: initcallLevelNames)
        }
        return k
    }

    /// Where the ids of a level inserted after level `k` go: before the id that opens level
    /// k+1, or after the last `.initcall` id when `k` is the last level.
    private func insertionPoint(afterLevel k: Int) -> Int {
        if k + 1 < initcallLevels.count {
            let next = initcallLevels[k + 1]
            if let index = ids.firstIndex(where: { "__initcall\($0.id)_start" == next }) { return index }
        }
        let lastInitcall = ids.lastIndex { $0.sectionBase.hasPrefix(".initcall") }
        return lastInitcall.map { $0 + 1 } ?? ids.count
    }

    static func isNameBody(_ text: String) -> Bool {
        !text.isEmpty
            && text.utf8.allSatisfy { c in
                (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
                    || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
            }
    }
}
