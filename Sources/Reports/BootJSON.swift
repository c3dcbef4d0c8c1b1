import KernelBoot
import KernelLink
import KernelModel

/// The `--format json` document of a boot, schema `initcall-sim/boot/1` (documented in the
/// README): records and per-initcall results, enough for later tools to work without booting.
public enum BootJSON {
    /// The value of every boot document's `schema` key: `initcall-sim/boot/1`.
    public static let schema = "initcall-sim/boot/1"

    /// The document of a boot: kernel, command line, outcome, taint, link order, every record and
    /// every initcall run, then the orphaned and discarded entries, keys in the README's order.
    public static func document(_ result: BootResult) -> JSON {
        let description = result.image.description
        var outcome: [(String, JSON)] = [("reached_init", .bool(result.reachedInit))]
        switch result.outcome {
        case .reachedInit(let path): outcome.append(("init", .string(path)))
        case .panicked(let message): outcome.append(("panic", .string(message)))
        case .hung(let reason): outcome.append(("hang", .string(reason)))
        }
        return .object([
            ("schema", .string(schema)),
            (
                "kernel",
                .object([
                    ("release", .string(description.version.release)),
                    ("arch", .string(description.architecture.rawValue)),
                    ("cpus", .int(description.cpus)),
                ])
            ),
            ("command_line", .string(result.commandLine)),
            ("outcome", .object(outcome)),
            ("taint", .string(result.taint)),
            ("online_cpus", .int(result.onlineCPUs)),
            ("link_order", .strings(result.image.linkOrder)),
            ("records", .array(result.records.map(record))),
            ("initcalls", .array(result.runs.indices.map { initcall(result, $0) })),
            ("module_inits", .array(result.moduleRuns.map(moduleInit))),
            ("async", .array(result.startedAsyncRuns.map { asyncEntry(result, $0) })),
            ("orphans", .array(result.image.orphans.map(unplaced))),
            ("discarded", .array(result.image.discarded.map(unplaced))),
            ("parameters", .array(result.parameters.map(parameter))),
        ])
    }

    /// One parameter as the boot left it: `{"module", "name", "type", "perm", "value", "sysfs"}`,
    /// the value as its sysfs file reads without the newline, `sysfs` null for permission 0.
    public static func parameter(_ state: ParameterState) -> JSON {
        .object([
            ("module", .string(state.module)),
            ("name", .string(state.name)),
            ("type", .string(state.type)),
            ("perm", .string(state.permissionText)),
            ("value", .string(state.value)),
            ("sysfs", .optional(state.sysfsPath)),
        ])
    }

    static func record(_ record: LogRecord) -> JSON {
        .object([
            ("time_ns", .uint(record.timestamp)),
            (
                "time",
                .string(
                    String(DmesgRenderer.timestamp(record.timestamp).dropFirst().dropLast()).trimmingLeadingSpaces())
            ),
            ("level", .int(record.level.rawValue)),
            ("pid", .int(record.pid)),
            ("text", .string(record.text)),
        ])
    }

    /// One kernel/async.c entry: its cookie, function, worker, the initcall that scheduled it,
    /// and when it was queued, started and finished.
    static func asyncEntry(_ result: BootResult, _ run: AsyncRun) -> JSON {
        .object([
            ("cookie", .uint(run.cookie)),
            ("function", .string(run.function)),
            ("pid", .int(run.pid)),
            ("scheduled_by", .optional(run.scheduledBy.map { result.entry(of: result.runs[$0]).function })),
            ("scheduled_ns", .uint(run.scheduled)),
            ("start_ns", .uint(run.start)),
            ("end_ns", .uint(run.end)),
            ("duration_us", .uint(run.durationMicroseconds)),
        ])
    }

    static func initcall(_ result: BootResult, _ index: Int) -> JSON {
        let run = result.runs[index]
        let entry = result.entry(of: run)
        var warnings: [String] = []
        if run.flags.contains(.preemptionImbalance) { warnings.append("preemption imbalance") }
        if run.flags.contains(.disabledInterrupts) { warnings.append("disabled interrupts") }
        if run.flags.contains(.sleptInAtomic) { warnings.append("sleeping function called from invalid context") }
        if run.flags.contains(.scheduledWhileAtomic) { warnings.append("scheduling while atomic") }
        return .object([
            ("function", .string(entry.function)),
            ("object", .string(entry.object)),
            ("section", .string(entry.section)),
            ("macro", .string(entry.macro)),
            ("level", .string(result.levelName(of: run))),
            ("pid", .int(run.pid)),
            ("ret", .int(run.ret)),
            ("ret_name", .string(Errno.describe(run.ret))),
            ("calltime_ns", .uint(run.calltime)),
            ("duration_us", .uint(run.durationMicroseconds)),
            ("blacklisted", .bool(run.flags.contains(.blacklisted))),
            ("panicked", .bool(run.flags.contains(.panicked) || run.flags.contains(.warnPanicked))),
            ("warnings", .strings(warnings)),
            ("provided", .strings(result.resources(of: index, .provided))),
            ("required", .strings(result.resources(of: index, .required))),
            ("missing", .strings(result.resources(of: index, .missing))),
            ("records", .array([.int(run.records.lowerBound), .int(run.records.upperBound)])),
        ])
    }

    /// A module's init after the boot (a `load`): `{"module", "function", "pid", "comm",
    /// "ret", "ret_name", "calltime_ns", "duration_us", "blacklisted", "panicked"}`.
    static func moduleInit(_ run: ModuleInitRun) -> JSON {
        .object([
            ("module", .string(run.module)),
            ("function", .string(run.function)),
            ("pid", .int(run.pid)),
            ("comm", .string(run.comm)),
            ("ret", .int(run.ret)),
            ("ret_name", .string(Errno.describe(run.ret))),
            ("calltime_ns", .uint(run.calltime)),
            ("duration_us", .uint(run.durationMicroseconds)),
            ("blacklisted", .bool(run.blacklisted)),
            ("panicked", .bool(run.panicked)),
        ])
    }

    static func unplaced(_ entry: PlacedInitcall) -> JSON {
        .object([
            ("function", .string(entry.function)),
            ("object", .string(entry.object)),
            ("section", .string(entry.section)),
            ("macro", .string(entry.macro)),
        ])
    }
}

extension String {
    func trimmingLeadingSpaces() -> String { String(drop { $0 == " " }) }
}
