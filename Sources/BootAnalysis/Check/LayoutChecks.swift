import KernelLink
import KernelModel
import LinkerScript

/// Checks of a linker script against a level table, before any kernel is built: what a change
/// to init.h, vmlinux.lds.h or init/main.c will do, found by a probe link (one entry in every
/// id's section) and by reading the script's patterns.
///
/// | code | severity | what |
/// |---|---|---|
/// | `level-never-runs` | error | no pattern collects a level's section: its calls never run |
/// | `level-discarded` | error | `/DISCARD/` takes a level's section |
/// | `undefined-boundary` | error | a table names a symbol the script never defines: the link fails |
/// | `unknown-boundary-value` | error | a table's symbol depends on one the script never defines (or defines later): the link fails |
/// | `outside-initcall-range` | error | a section is collected outside every table walk |
/// | `level-missing-from-table` | warning | a level's boundary is not in `initcall_levels[]`: it runs inside the previous level |
/// | `level-names-count` | error/warning | `initcall_level_names[]` does not have one name per level |
/// | `unreachable-pattern` | warning | an earlier pattern takes every section a pattern names |
/// | `unreachable-pattern-unchecked` | warning | the check above ran out of its work budget: not exhaustive |
/// | `boundaries-out-of-order` | error | a level's boundary comes after the next one's |
/// | `layout-error` | error | the script cannot be laid out at all (a failing ASSERT, `.` moving backwards, …) |
public enum LayoutChecks {
    /// Every finding for `script` with `levels`, sorted. `version` words what the kernel's
    /// build says about it (ld's orphan warnings from 5.10); by default the current kernel.
    public static func run(
        script: LinkerScript, levels: LevelTable, version: KernelVersion = KernelDescription().version
    ) -> [Finding] {
        let probe: InitcallProbe
        do throws(LinkerScriptError) {
            probe = try InitcallProbe(script: script, levels: levels)
        } catch {
            return [
                Finding(
                    .error, code: "layout-error", location: error.diagnostic.location,
                    summary: "the linker script cannot be laid out: \(error.diagnostic.message)",
                    explanation: error.diagnostic.notes, fix: nil, subjects: [])
            ]
        }
        var findings: [Finding] = []
        findings += LevelSectionChecks.run(probe, version: version)
        findings += BoundaryChecks.run(probe)
        findings += UnreachablePatternCheck.run(probe)
        return findings.sorted()
    }
}
