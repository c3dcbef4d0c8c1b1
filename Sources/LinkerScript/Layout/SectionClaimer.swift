/// The placement pass: assigns every input to the first description that matches it.
struct SectionClaimer {
    let inputs: [InputSection]
    /// Input indices by section name, ascending (that is, link order then section order).
    private var byName: [String: [Int]] = [:]
    /// Distinct section names, sorted, so that iteration never depends on hashing.
    private let names: [String]
    private var claimed: [Bool]
    private var nameMatchCache: [String: [String]] = [:]

    init(inputs: [InputSection]) {
        self.inputs = inputs
        for (index, input) in inputs.enumerated() {
            byName[input.name, default: []].append(index)
        }
        self.names = byName.keys.sorted()
        self.claimed = Array(repeating: false, count: inputs.count)
    }

    mutating func claimAll(_ script: LinkerScript) -> [StatementKey: [Int]] {
        var claims: [StatementKey: [Int]] = [:]
        for (sectionIndex, section) in script.outputSections.enumerated() {
            for (itemIndex, item) in section.items.enumerated() {
                guard case .input(let description) = item else { continue }
                claims[StatementKey(section: sectionIndex, item: itemIndex)] = claim(description)
            }
        }
        return claims
    }

    func unclaimed() -> [Int] {
        claimed.indices.filter { !claimed[$0] }
    }

    private mutating func claim(_ description: InputSectionDescription) -> [Int] {
        let filePattern = Wildcard(description.file.pattern)
        let excludedFiles = description.file.excluded.map(Wildcard.init)
        var matched: [Int] = []
        var sorts: [Int: SortKind] = [:]
        if description.sections.isEmpty {
            // `foo.o` alone: every unclaimed section of the matching files.
            matched = inputs.indices.filter { !claimed[$0] && fileMatches(inputs[$0].file, filePattern, excludedFiles) }
        } else {
            for sectionPattern in description.sections {
                let patternExcludes = sectionPattern.excludedFiles.map(Wildcard.init)
                for name in matchingNames(sectionPattern.pattern) {
                    for index in byName[name] ?? [] where !claimed[index] {
                        let file = inputs[index].file
                        guard fileMatches(file, filePattern, excludedFiles),
                            !patternExcludes.contains(where: { $0.matches(file) })
                        else { continue }
                        // Claimed at once, so a later pattern of this statement skips it.
                        claimed[index] = true
                        matched.append(index)
                        if let sort = sectionPattern.sort { sorts[index] = sort }
                    }
                }
            }
            // Within one statement ld walks files in link order, sections in file order.
            matched.sort()
        }
        for index in matched { claimed[index] = true }
        return applySorting(matched, fileSort: description.file.sort, sectionSorts: sorts)
    }

    private func fileMatches(_ file: String, _ pattern: Wildcard, _ excluded: [Wildcard]) -> Bool {
        pattern.matches(file) && !excluded.contains { $0.matches(file) }
    }

    private mutating func matchingNames(_ pattern: String) -> [String] {
        if let cached = nameMatchCache[pattern] { return cached }
        let wildcard = Wildcard(pattern)
        let result = wildcard.isLiteral ? (byName[pattern] == nil ? [] : [pattern]) : names.filter(wildcard.matches)
        nameMatchCache[pattern] = result
        return result
    }

    /// ld sorts only what the sort keyword wraps; the sort is stable, so equal keys keep link
    /// order. Names compare byte by byte, as ld's `strcmp` does.
    private func applySorting(_ indices: [Int], fileSort: SortKind?, sectionSorts: [Int: SortKind]) -> [Int] {
        var result = indices
        if let fileSort, fileSort != .none {
            result = stableSorted(result) { SectionClaimer.nameLess(inputs[$0].file, inputs[$1].file) }
        }
        guard !sectionSorts.isEmpty else { return result }
        return stableSorted(result) { a, b in
            guard let sortA = sectionSorts[a], let sortB = sectionSorts[b], sortA == sortB else { return false }
            return sectionLess(inputs[a], inputs[b], by: sortA)
        }
    }

    /// Whether `a` goes before `b` under `sort`: descending alignment, names in byte order,
    /// and for the nested sorts the inner key breaks ties of the outer one.
    private func sectionLess(_ a: InputSection, _ b: InputSection, by sort: SortKind) -> Bool {
        switch sort {
        case .byName:
            return SectionClaimer.nameLess(a.name, b.name)
        case .byAlignment:
            return a.alignment > b.alignment
        case .byNameThenAlignment:
            if a.name != b.name { return SectionClaimer.nameLess(a.name, b.name) }
            return a.alignment > b.alignment
        case .byAlignmentThenName:
            if a.alignment != b.alignment { return a.alignment > b.alignment }
            return SectionClaimer.nameLess(a.name, b.name)
        case .byInitPriority:
            return SectionClaimer.initPriority(a.name) < SectionClaimer.initPriority(b.name)
        case .none:
            return false
        }
    }

    static func nameLess(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    /// `.init_array.00100` → 100; names without a numeric suffix sort last (ld: 65535).
    static func initPriority(_ name: String) -> Int {
        guard let dot = name.lastIndex(of: "."), let value = Int(name[name.index(after: dot)...]) else { return 65535 }
        return value
    }

    private func stableSorted(_ values: [Int], by less: (Int, Int) -> Bool) -> [Int] {
        values.enumerated().sorted { lhs, rhs in
            if less(lhs.element, rhs.element) { return true }
            if less(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
