/// One `id` token of `__define_initcall(fn, id)` and the macros that expand to it.
public struct InitcallID: Sendable, Hashable {
    /// The token pasted into the section name: `6`, `6s`, `early`, `rootfs`, `con`.
    public var id: String
    /// The macros that register at this id (`device_initcall`, `__initcall`, `module_init`).
    public var macros: [String]
    /// `.initcall<id>` — or `.con_initcall` for the console table.
    public var sectionBase: String

    /// Id `id`, registered by `macros`, in section `<sectionBase>.init`; `sectionBase` defaults to
    /// `.initcall<id>`, as `__define_initcall(fn, id)` gives.
    public init(id: String, macros: [String], sectionBase: String? = nil) {
        self.id = id
        self.macros = macros
        self.sectionBase = sectionBase ?? ".initcall\(id)"
    }

    /// The non-LTO input section, `.initcall6s.init`.
    public var section: String { sectionBase + ".init" }
}
