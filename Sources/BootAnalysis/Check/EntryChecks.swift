import KernelLink

/// `initcall-never-runs`: a registration whose section no pattern of the linker script
/// collects. ld places it as an orphan section outside every table (from 5.10 with a warning,
/// see ``KernelImage/linkerMessages``) and the function is simply never called.
public enum EntryChecks {
    /// One finding per orphan entry, at its registration, sorted.
    public static func run(_ image: KernelImage) -> [Finding] {
        image.orphans.map { orphan in
            let suggestion = image.suggestedID(forOrphan: orphan)
            return Finding(
                .error, code: "initcall-never-runs", location: orphan.source,
                summary: image.neverRunsNote(orphan, suggesting: false),
                explanation: [
                    "do_initcalls() only walks the tables between the boundary symbols; an input section no pattern collects lands outside all of them"
                ],
                fix: suggestion.map {
                    "did you mean id \($0.id)? Register \(orphan.function) with \($0.macros.first ?? "__define_initcall") (\($0.section))"
                }
                    ?? "register \(orphan.function) with a level macro of the table, or collect \(orphan.section) in INIT_CALLS",
                subjects: [orphan.function, orphan.object, orphan.section])
        }.sorted()
    }
}
