extension Linker {
    /// Links the description's script and level table with one probe object holding one entry
    /// per registration id, so that where each id's section lands — and which walk runs it — is
    /// exactly what a boot would do. Used by the level report and by dependency fixes.
    static func probe(_ description: KernelDescription) throws(LinkError) -> KernelImage {
        var probe = description
        probe.objects = [ObjectFile(path: "<probe>")]
        for id in description.levels.ids {
            let function = InitFunction("__probe_\(id.id)", size: 4) { _ in 0 }
            probe.objects[0].entries.append(
                InitcallEntry(
                    function: function, macro: id.macros.first ?? "__define_initcall", id: id.id,
                    sectionBase: id.sectionBase))
        }
        return try link(probe)
    }
}
