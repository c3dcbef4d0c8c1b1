import KernelModel

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
