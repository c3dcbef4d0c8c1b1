import KernelLink
import LinkerScript

/// `unreachable-pattern`: an initcall pattern that can never collect anything because an
/// earlier pattern (for every file) matches every section name it does. ld gives an input
/// section to the first pattern that matches it in script order (ld manual, "Input Section
/// Basics"), so the later one is dead — and if it was meant to come first, the order of
/// calls is not what the author thinks.
///
/// The work is bounded. A literal earlier pattern covers only the name it spells, so literals
/// are looked up by name, not compared pair by pair; wildcard pairs are decided within
/// ``workBudget`` units over the whole check (see ``Wildcard/includes(_:budget:)``). Pairs
/// left undecided are reported as `unreachable-pattern-unchecked`: the check says it was not
/// exhaustive rather than hang on a hostile script.
enum UnreachablePatternCheck {
    /// Units of work the whole check may spend on wildcard pairs (about a hundred milliseconds).
    static let workBudget = 2_000_000

    private struct Seen {
        var order: Int
        var description: InputSectionDescription
        var section: String
        var pattern: SectionPattern
        var wildcard: Wildcard
    }

    /// The earlier patterns that take a section for every file, indexed for the question
    /// "which is the first one covering this pattern?".
    private struct Earlier {
        var count = 0
        var first: Seen?
        /// Literal patterns by the name they spell; the first of each name.
        var literals: [String: Seen] = [:]
        /// Patterns with wildcards, in script order.
        var wildcards: [Seen] = []

        /// How many wildcards from `index` on come before `order` (they are in order).
        func wildcardCount(from index: Int, before order: Int) -> Int {
            var low = index
            var high = wildcards.count
            while low < high {
                let mid = (low + high) / 2
                if wildcards[mid].order < order { low = mid + 1 } else { high = mid }
            }
            return low - index
        }

        mutating func add(_ seen: Seen) {
            count += 1
            if first == nil { first = seen }
            if seen.wildcard.isLiteral {
                if literals[seen.wildcard.pattern] == nil { literals[seen.wildcard.pattern] = seen }
            } else {
                wildcards.append(seen)
            }
        }
    }

    /// The wildcard pairs the budget did not decide.
    private struct Undecided {
        var pairs = 0
        var patterns = 0
        /// The first: the later pattern's description, the later pattern, the earlier one.
        var first: (description: InputSectionDescription, pattern: String, earlier: String)?
    }

    static func run(_ probe: InitcallProbe, budget: Int = workBudget) -> [Finding] {
        let relevance = Relevance(probe)
        var earlier = Earlier()
        var findings: [Finding] = []
        var undecided = Undecided()
        var budget = budget
        for section in probe.script.outputSections {
            for item in section.items {
                guard case .input(let description) = item else { continue }
                if relevance.isInitcallRelevant(description) {
                    for pattern in description.sections {
                        let (shadow, open, firstOpen) = shadowing(
                            Wildcard(pattern.pattern), in: earlier, budget: &budget)
                        if let shadow {
                            findings.append(finding(description, section.name, pattern, shadow))
                        }
                        if let firstOpen {
                            undecided.pairs += open
                            undecided.patterns += 1
                            if undecided.first == nil {
                                undecided.first = (description, pattern.pattern, firstOpen.pattern.pattern)
                            }
                        }
                    }
                }
                for seen in takers(description, section.name, order: earlier.count) { earlier.add(seen) }
            }
        }
        if let note = incomplete(undecided) { findings.append(note) }
        return findings
    }

    /// Patterns that take a section for every file: file pattern `*`, nothing excluded.
    private static func takers(_ description: InputSectionDescription, _ section: String, order: Int) -> [Seen] {
        guard description.file.pattern == "*", description.file.excluded.isEmpty else { return [] }
        return description.sections.filter { $0.excludedFiles.isEmpty }.enumerated().map {
            Seen(
                order: order + $0.offset, description: description, section: section, pattern: $0.element,
                wildcard: Wildcard($0.element.pattern))
        }
    }

    /// Which patterns can take an initcall section: the section names of the table (and
    /// their LTO forms), indexed once, so that a literal pattern is one lookup and a wildcard
    /// is tried only against the names that start with its literal prefix — linear in the
    /// script plus the table, not their product (16,000 level macros against a 6.x script).
    private struct Relevance {
        let names: Set<String>
        let sorted: [String]

        init(_ probe: InitcallProbe) {
            var names = Set<String>()
            for (index, id) in probe.levels.ids.enumerated() {
                names.insert(id.section)
                names.insert(InitcallProbe.ltoSection(id, counter: index))
            }
            self.names = names
            sorted = names.sorted()
        }

        func isInitcallRelevant(_ description: InputSectionDescription) -> Bool {
            description.sections.contains { pattern in
                let text = pattern.pattern
                if text.contains("initcall") { return true }
                let wildcard = Wildcard(text)
                if wildcard.isLiteral { return names.contains(text) }
                let prefix = String(text.prefix { !"*?[\\".contains($0) })
                var index = firstIndex(notBelow: prefix)
                while index < sorted.count, sorted[index].hasPrefix(prefix) {
                    if wildcard.matches(sorted[index]) { return true }
                    index += 1
                }
                return false
            }
        }

        private func firstIndex(notBelow prefix: String) -> Int {
            var low = 0
            var high = sorted.count
            while low < high {
                let mid = (low + high) / 2
                if sorted[mid] < prefix { low = mid + 1 } else { high = mid }
            }
            return low
        }
    }

    /// The first earlier pattern that covers `wildcard`; and how many earlier wildcards before
    /// it the budget left undecided, and the first of them.
    private static func shadowing(_ wildcard: Wildcard, in earlier: Earlier, budget: inout Int) -> (
        Seen?, Int, Seen?
    ) {
        var best: Seen?
        if wildcard.matchesNothing {
            best = earlier.first
        } else if let name = wildcard.onlyName {
            // A literal covers exactly its own name: only an equal one can.
            best = earlier.literals[name]
        }
        var open = 0
        var firstOpen: Seen?
        for (index, candidate) in earlier.wildcards.enumerated() {
            if let best, best.order < candidate.order { break }
            guard budget > 0 else {
                // Out of work: every candidate left is undecided — counted, not tried.
                let rest = earlier.wildcardCount(from: index, before: best?.order ?? Int.max)
                return (best, open + rest, firstOpen ?? candidate)
            }
            var allowance = min(budget, Wildcard.inclusionWorkLimit)
            let start = allowance
            let answer = candidate.wildcard.includes(wildcard, budget: &allowance)
            budget -= start - allowance
            switch answer {
            case true?:
                return (candidate, open, firstOpen)
            case nil:
                open += 1
                if firstOpen == nil { firstOpen = candidate }
            case false?:
                break
            }
        }
        return (best, open, firstOpen)
    }

    private static func finding(
        _ description: InputSectionDescription, _ section: String, _ pattern: SectionPattern, _ shadow: Seen
    ) -> Finding {
        Finding(
            .warning, code: "unreachable-pattern", location: description.location,
            summary:
                "\(description.text) in \(section) can never collect \(pattern.pattern): \(shadow.description.text) at \(shadow.description.location) takes every such section first",
            explanation: [
                "ld gives each input section to the first pattern that matches it, in script order",
                "the sections the later pattern names are placed where the earlier one is, in link order mixed with the others it takes",
            ],
            fix:
                "put \(description.text) before \(shadow.description.text), or narrow \(shadow.pattern.pattern) so it no longer matches \(pattern.pattern)",
            subjects: [pattern.pattern, shadow.pattern.pattern])
    }

    /// `unreachable-pattern-unchecked`: what the budget left undecided, in one finding.
    private static func incomplete(_ undecided: Undecided) -> Finding? {
        guard let first = undecided.first else { return nil }
        let pairs = undecided.pairs
        let patterns = undecided.patterns
        return Finding(
            .warning, code: "unreachable-pattern-unchecked", location: first.description.location,
            summary:
                "the unreachable-pattern check is not exhaustive: within its work budget it could not decide \(pairs) pair\(pairs == 1 ? "" : "s") of patterns, for \(patterns) initcall pattern\(patterns == 1 ? "" : "s") (the first: whether \(first.earlier) takes every section \(first.pattern) names)",
            explanation: [
                "whether one wildcard pattern matches every name another does can take work exponential in the patterns' length; the check stops rather than hang",
                "an unreachable pattern among these would not be reported",
            ],
            fix:
                "use simpler patterns (fewer '*' and '?' around literal text), or check this part of the script by hand",
            subjects: [first.pattern, first.earlier])
    }
}
