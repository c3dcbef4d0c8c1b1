import KernelLink
import LinkerScript

/// `unreachable-pattern`: an initcall pattern that can never collect anything because an
/// earlier pattern (for every file) matches every section name it does. ld gives an input
/// section to the first pattern that matches it in script order (ld manual, "Input Section
/// Basics"), so the later one is dead — and if it was meant to come first, the order of
/// calls is not what the author thinks.
enum UnreachablePatternCheck {
    private struct Seen {
        var description: InputSectionDescription
        var section: String
        var pattern: SectionPattern
        var wildcard: Wildcard
    }

    static func run(_ probe: InitcallProbe) -> [Finding] {
        var earlier: [Seen] = []
        var findings: [Finding] = []
        for section in probe.script.outputSections {
            for item in section.items {
                guard case .input(let description) = item else { continue }
                if isInitcallRelevant(description, probe) {
                    for pattern in description.sections {
                        if let shadow = shadowing(pattern, of: description, in: earlier) {
                            findings.append(finding(description, section.name, pattern, shadow))
                        }
                    }
                }
                earlier += takers(description, section.name)
            }
        }
        return findings
    }

    /// Patterns that take a section for every file: file pattern `*`, nothing excluded.
    private static func takers(_ description: InputSectionDescription, _ section: String) -> [Seen] {
        guard description.file.pattern == "*", description.file.excluded.isEmpty else { return [] }
        return description.sections.filter { $0.excludedFiles.isEmpty }.map {
            Seen(description: description, section: section, pattern: $0, wildcard: Wildcard($0.pattern))
        }
    }

    private static func isInitcallRelevant(_ description: InputSectionDescription, _ probe: InitcallProbe) -> Bool {
        description.sections.contains { pattern in
            let wildcard = Wildcard(pattern.pattern)
            return pattern.pattern.contains("initcall")
                || probe.levels.ids.enumerated().contains { index, id in
                    wildcard.matches(id.section) || wildcard.matches(InitcallProbe.ltoSection(id, counter: index))
                }
        }
    }

    private static func shadowing(
        _ pattern: SectionPattern, of description: InputSectionDescription, in earlier: [Seen]
    )
        -> Seen?
    {
        let wildcard = Wildcard(pattern.pattern)
        return earlier.first { $0.wildcard.includes(wildcard) == true }
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
}
