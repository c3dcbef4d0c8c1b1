/// Levels, table order and objects from a `System.map`: each built-in call of the log is the
/// next table entry of its function at or after the previous match, so a function called twice
/// takes two entries, in order.
extension ImportedBoot {
    mutating func apply(_ map: SystemMap) {
        var consoleMatcher = Matcher(map.console)
        var mainMatcher = Matcher(map.entries)
        var matched = 0
        for index in calls.indices where calls[index].phase != .outside {
            let isConsole = calls[index].phase == .console
            let found =
                isConsole
                ? consoleMatcher.next(calls[index].function) : mainMatcher.next(calls[index].function)
            guard let (entry, id) = found else { continue }
            calls[index].id = id
            calls[index].idSource = "System.map"
            calls[index].object = entry.object
            matched += 1
        }
        let total = map.console.count + map.entries.count
        if total > matched {
            notes.append("System.map: \(total - matched) of its \(total) table entries do not appear in the log")
        }
        noteSplitObjects()
    }

    /// The next entry of a function in one table, at or after the last match: linear overall
    /// (each function's positions are consumed in order).
    struct Matcher {
        var entries: [SystemMap.Entry]
        var positions: [String: [(position: Int, id: String)]] = [:]
        var consumed: [String: Int] = [:]
        var cursor = 0

        init(_ entries: [SystemMap.Entry]) {
            self.entries = entries
            for (position, entry) in entries.enumerated() {
                for candidate in entry.candidates {
                    positions[candidate.function, default: []].append((position, candidate.id))
                }
            }
        }

        mutating func next(_ function: String) -> (SystemMap.Entry, String)? {
            guard let list = positions[function] else { return nil }
            var index = consumed[function] ?? 0
            while index < list.count, list[index].position < cursor { index += 1 }
            guard index < list.count else { return nil }
            consumed[function] = index + 1
            cursor = list[index].position + 1
            return (entries[list[index].position], list[index].id)
        }
    }

    /// One object's entries of one section are contiguous in a link; a name whose entries are
    /// not is two objects with the same base name in different directories.
    mutating func noteSplitObjects() {
        var lastRun: [String: Int] = [:]
        var run = 0
        var previous: String?
        var split: Set<String> = []
        for call in calls where call.phase != .outside {
            guard let object = call.object else { continue }
            let key = object + "@" + (call.id ?? "")
            if key != previous { run += 1 }
            if key != previous, let seen = lastRun[key], seen != run { split.insert(object) }
            lastRun[key] = run
            previous = key
        }
        for object in split.sorted() {
            notes.append(
                "object '\(object)' has entries in several places of one level: several directories "
                    + "have a \(object).o, so it is split")
        }
    }

    /// Calls whose level nothing in the log (or map) proves.
    mutating func noteUnknownLevels() {
        let unknown = calls.filter { $0.phase == .levels && $0.id == nil }.count
        guard unknown > 0 else { return }
        notes.append(
            "the level of \(unknown) call\(unknown == 1 ? "" : "s") is unknown (no System.map, no "
                + "'entering initcall level' records): each is written as the level of the call before it "
                + "(device_initcall when none), which keeps the order; they are marked 'level unknown'")
    }
}
