/// A declared option: `--name VALUE`, `--name=VALUE`, a repeatable option, or a flag.
struct OptionSpec: Sendable {
    var name: String
    var takesValue: Bool
    var repeatable: Bool = false
    /// A one-letter alias written glued or apart: `-DNAME` / `-D NAME`.
    var short: Character?

    static func value(_ name: String, repeatable: Bool = false, short: Character? = nil) -> OptionSpec {
        OptionSpec(name: name, takesValue: true, repeatable: repeatable, short: short)
    }

    static func flag(_ name: String) -> OptionSpec { OptionSpec(name: name, takesValue: false) }
}
