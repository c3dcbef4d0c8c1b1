import KernelModel

/// The `__param` table of a running kernel and the variables behind it: the kernel's own
/// parameters, then the image's in link order. `parse_one()` finds a parameter here by
/// `parameq()`, the parameter passes set it through its ops, sysfs reads it through them, and
/// bodies read the variables. One per running kernel; the module loader will keep one per
/// module.
package final class ParamTable {
    /// How names find entries, and the variables' initial values.
    package let index: ParamIndex
    /// The entries and their variables, as a value a result can keep.
    package private(set) var variables: ParamVariables
    /// The entries, in `__param` order.
    package var entries: [ParamEntry] { variables.entries }
    /// Each entry's variable: the value, or for arrays every element.
    package var values: [ParamValue] { variables.values }
    /// How many entries at the front are the kernel's own (``ParamEntry/kernelBuiltins``).
    package var builtinCount: Int { variables.builtinCount }
    /// `kstrtobool()` changed in 5.19.
    let version: KernelVersion

    /// A table over `index`, every variable at its initializer.
    package init(index: ParamIndex, version: KernelVersion) {
        self.index = index
        self.variables = index.initial
        self.version = version
    }

    /// The table a kernel booting `parameters` (the image's) has; the kernel's own come first.
    package convenience init(image parameters: [ParamEntry], version: KernelVersion, levelNames: [String]) {
        self.init(index: ParamIndex(image: parameters, levelNames: levelNames), version: version)
    }

    /// The first entry whose full name `parameq()`s `name`.
    package func find(_ name: String) -> Int? { index.find(name) }

    /// The pass that sets entry `index`: "Booting kernel", or its level's name.
    package func passName(_ index: Int) -> String { variables.passName(index) }

    /// `kp->ops->set(val, kp)`: sets entry `index` from `val` (nil: a bare name), printing what
    /// the kernel's set prints through `log`. Returns 0 or a negative errno.
    package func set(_ index: Int, _ val: String?, log: ParamOps.Log) -> Int32 {
        let entry = entries[index]
        var value = variables.values[index]
        defer { variables.values[index] = value }
        switch entry.param.kind {
        case .scalar(let type):
            return ParamOps.set(type, val, into: &value, name: entry.fullName, version: version, log: log)
        case .string(let size):
            return ParamOps.setString(val, into: &value, size: size, name: entry.fullName, log: log)
        case .array(let type, let max, _):
            var elements = value.elements ?? []
            var count = 0
            let ret = ParamOps.setArray(
                type, val, elements: &elements, count: &count, max: max, name: entry.fullName, version: version,
                log: log)
            value = .array(elements)
            // arr->num ?: &temp_num: without nump the count goes nowhere.
            if variables.counts[index] != nil { variables.counts[index] = count }
            return ret
        }
    }

    /// `kp->ops->get(buffer, kp)`: what `/sys/module/…/parameters/…` reads, newline included.
    package func get(_ index: Int) -> String { variables.get(index) }

    /// A variable as a body reads it: a C name of `object` (parameter, variable, count), else a
    /// full name. Nil for a name nothing has.
    package func value(named name: String, object: String?) -> ParamValue? {
        if let object, let local = index.local(name, in: object) {
            switch local {
            case .entry(let entry): return variables.values[entry]
            case .count(let entry): return variables.counts[entry].map { .unsigned(UInt64($0)) }
            }
        }
        return find(name).map { variables.values[$0] }
    }
}

/// What never changes about a `__param` table: the entries, how a name finds one (`parameq()`
/// over full names; an object's C names), and the variables' initializers. Made once per image
/// and shared by the kernels that boot it.
package final class ParamIndex: Sendable {
    /// The variables as the image holds them before any pass.
    let initial: ParamVariables
    /// Full names with `-` made `_`, to the first entry of that name: `parameq()` over the
    /// table, as `parse_one()` walks it, in one lookup.
    private let byFullName: [String: Int]
    /// For each object, its C names: parameter names and variables to entries, count
    /// variables to their arrays.
    private let locals: [String: [String: Local]]

    enum Local: Sendable {
        case entry(Int)
        case count(Int)
    }

    /// The index of `entries`, the first `builtinCount` of them the kernel's own.
    package init(entries: [ParamEntry], builtinCount: Int, levelNames: [String]) {
        var values: [ParamValue] = []
        var counts: [Int?] = []
        var byFullName: [String: Int] = [:]
        var locals: [String: [String: Local]] = [:]
        for (index, entry) in entries.enumerated() {
            let initial = entry.param.initialValue
            values.append(initial.value)
            counts.append(initial.count)
            let key = ParamIndex.fold(entry.fullName)
            if byFullName[key] == nil { byFullName[key] = index }
            // In place: a copy of the object's names per entry would make this quadratic.
            if locals[entry.object]?[entry.param.variable] == nil {
                locals[entry.object, default: [:]][entry.param.variable] = .entry(index)
            }
            if locals[entry.object]?[entry.param.name] == nil {
                locals[entry.object, default: [:]][entry.param.name] = .entry(index)
            }
            if let count = entry.param.countVariable, locals[entry.object]?[count] == nil {
                locals[entry.object, default: [:]][count] = .count(index)
            }
        }
        self.initial = ParamVariables(
            entries: entries, values: values, counts: counts, builtinCount: builtinCount, levelNames: levelNames)
        self.byFullName = byFullName
        self.locals = locals
    }

    /// The index of a kernel booting `parameters` (the image's): the kernel's own first. An
    /// image without parameters shares one index.
    package convenience init(image parameters: [ParamEntry], levelNames: [String]) {
        self.init(
            entries: ParamEntry.kernelBuiltins + parameters, builtinCount: ParamEntry.kernelBuiltins.count,
            levelNames: levelNames)
    }

    /// The index of the kernel's own parameters alone (no level-tagged ones among them).
    package static let kernelOnly = ParamIndex(image: [], levelNames: [])

    /// `-` made `_`: the key `parameq()` compares by.
    static func fold(_ name: String) -> String {
        guard name.utf8.contains(UInt8(ascii: "-")) else { return name }
        return String(decoding: name.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    /// The first entry whose full name `parameq()`s `name`.
    func find(_ name: String) -> Int? { byFullName[ParamIndex.fold(name)] }

    func local(_ name: String, in object: String) -> Local? { locals[object]?[name] }
}

/// The `__param` entries and their variables as values: what a boot leaves, kept by its result
/// and turned into ``ParameterState``s only when read.
package struct ParamVariables: Sendable {
    /// The entries, in `__param` order.
    package let entries: [ParamEntry]
    /// Each entry's variable: the value, or for arrays every element.
    package internal(set) var values: [ParamValue]
    /// Each array's count (`*nump`); nil for other kinds and arrays without `nump`.
    package internal(set) var counts: [Int?]
    /// How many entries at the front are the kernel's own.
    package let builtinCount: Int
    /// `initcall_level_names[]`, to say which pass sets a level-tagged parameter.
    let levelNames: [String]

    /// No parameters at all.
    static let empty = ParamVariables(entries: [], values: [], counts: [], builtinCount: 0, levelNames: [])

    /// The pass that sets entry `index`: "Booting kernel", or its level's name.
    func passName(_ index: Int) -> String {
        let level = entries[index].param.level
        if level < 0 { return "Booting kernel" }
        return level < levelNames.count ? levelNames[level] : "level \(level)"
    }

    /// `kp->ops->get(buffer, kp)`: what `/sys/module/…/parameters/…` reads, newline included.
    /// Mirrors `param_attr_show()` (kernel/params.c).
    package func get(_ index: Int) -> String {
        let entry = entries[index]
        switch entry.param.kind {
        case .scalar(let type): return ParamOps.get(type, values[index])
        case .string: return ParamOps.getString(values[index])
        case .array(let type, _, _): return ParamOps.getArray(type, values[index].elements ?? [], count: counts[index])
        }
    }

    /// The state of every entry, for results and reports.
    var states: [ParameterState] {
        entries.indices.map { index in
            let entry = entries[index]
            var value = get(index)
            if value.hasSuffix("\n") { value.removeLast() }
            return ParameterState(
                module: entry.modname, name: entry.param.prefixed ? entry.param.name : entry.fullName,
                fullName: entry.fullName, type: entry.param.typeName, permission: entry.param.permission.mode,
                value: value, sysfsPath: entry.sysfsPath, level: entry.param.level, pass: passName(index),
                description: entry.description, object: entry.object, builtin: index < builtinCount)
        }
    }
}
