import KernelModel
import SourceInput

extension KernelImage {
    /// What ld itself printed while linking this image, in link order: from 5.10,
    /// CONFIG_LD_ORPHAN_WARN links vmlinux with `--orphan-handling=warn`, and GNU ld warns once
    /// per object and orphan section ("kbuild: Hoist '--orphan-handling' into Kconfig"). Older
    /// releases placed orphans silently: nothing.
    public var linkerMessages: [String] {
        guard description.version.warnsAboutOrphanSections else { return [] }
        var seen = Set<String>()
        var messages: [String] = []
        for orphan in orphans where seen.insert(orphan.object + "\u{0}" + orphan.section).inserted {
            // ld names the output section it creates for the orphan after the input section.
            messages.append(
                "ld: warning: orphan section `\(orphan.section)' from `\(orphan.object)' being placed in section `\(orphan.section)'"
            )
        }
        return messages
    }
}

extension KernelImage {
    /// Why `orphan` never runs, in one sentence, with a "did you mean" when its id is a typo
    /// away from one the level table has (`66` for `6`).
    public func neverRunsNote(_ orphan: PlacedInitcall, suggesting: Bool = true) -> String {
        var note =
            "\(orphan.function) (\(orphan.object)) is in \(orphan.section), which no pattern of the linker script collects: it never runs"
        if suggesting, let id = suggestedID(forOrphan: orphan) {
            note += "; did you mean id \(id.id) (\(id.section), \(id.macros.first ?? "__define_initcall"))?"
        }
        return note
    }

    /// The id of the level table nearest to an orphan's, when exactly one is a typo away
    /// (`66` → `6`: a doubled key). Ties are broken in favour of a dropped or doubled
    /// character; with no clear winner (`8` is one key from every digit) there is none.
    public func suggestedID(forOrphan orphan: PlacedInitcall) -> InitcallID? {
        let ids = levels.ids.filter { !$0.macros.isEmpty }
        var best = Suggestions.closest(to: orphan.id, in: ids.map(\.id), limit: 8)
        if best.count > 1 {
            best = best.filter { isSubsequence($0, of: orphan.id) || isSubsequence(orphan.id, of: $0) }
        }
        guard best.count == 1, let name = best.first else { return nil }
        return ids.first { $0.id == name }
    }

    private func isSubsequence(_ short: String, of long: String) -> Bool {
        var rest = Substring(long)
        for character in short {
            guard let index = rest.firstIndex(of: character) else { return false }
            rest = rest[rest.index(after: index)...]
        }
        return true
    }
}
