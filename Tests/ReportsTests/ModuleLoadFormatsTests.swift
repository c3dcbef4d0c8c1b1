import Foundation
import InitcallSim
import TestSupport
import Testing

/// The module inits of a boot's `load`s (Examples/udev-coldplug.boot: five udev workers, side
/// by side) in every trace view: Perfetto slices on the loaders' tracks, the `initcall:*`
/// events from the loaders' tasks, the SVG's `modules` band, the JSON's `module_inits`.
@Suite("module loads in the timeline formats")
struct ModuleLoadFormatsTests {
    let golden = Golden("ReportsTests")

    static func boot() throws -> BootResult {
        var description = try BootFile.load(Fixtures.example("udev-coldplug.boot"))
        description.sourceFile = "Examples/udev-coldplug.boot"
        return try Linker.link(description).bootLoadingModules()
    }

    @Test func theBootKeepsEveryModuleRun() throws {
        let result = try Self.boot()
        #expect(result.reachedInit)
        #expect(
            result.moduleRuns.map(\.module) == [
                "intel_lpss_pci", "crct10dif_pclmul", "drm", "iTCO_wdt", "snd_hda_intel",
            ])
        #expect(result.moduleRuns.map(\.pid) == [153, 163, 161, 158, 163])
        #expect(result.moduleRuns.map(\.ret) == [0, 0, 0, -19, 0])
        #expect(result.moduleRuns.allSatisfy { $0.comm == "systemd-udevd" && $0.calltime >= $0.start })
    }

    @Test func perfettoHasASliceForEachOnItsLoadersTrack() throws {
        let result = try Self.boot()
        let (events, problems) = TraceEventValidator.parse(PerfettoTrace.render(result))
        #expect(problems == [])
        let slices = events.filter { $0.phase == "X" && $0.category == "module_init" }
        #expect(slices.count == result.moduleRuns.count)
        for run in result.moduleRuns {
            let slice = slices.first { $0.name == run.function }
            #expect(slice?.tid == Int(run.pid) + 1)
            #expect(slice?.args["module"] as? String == run.module)
            #expect((slice?.args["ret"] as? NSNumber)?.int32Value == run.ret)
            #expect(slice.map { $0.end - $0.start } == Int64(run.rettime - run.calltime))
        }
        let names = events.filter { $0.phase == "M" && $0.name == "thread_name" }.compactMap {
            $0.args["name"] as? String
        }
        #expect(names.contains("PID 153 systemd-udevd"))
    }

    @Test func ftraceEventsComeFromTheLoadersAtTheirLinesTimes() throws {
        let result = try Self.boot()
        let (_, lines, bad) = TimelineFormatsTests.parseTrace(FtraceRenderer.render(result))
        #expect(bad == [])
        let modules = lines.filter { $0.fields.hasSuffix("]") || $0.fields.contains("] ret=") }
        #expect(modules.count == 2 * result.moduleRuns.count)
        #expect(modules.allSatisfy { $0.task == "systemd-udevd" && $0.flags == "....." })
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $0.micros <= $1.micros })
        // Each event at the time of the dmesg line it travels with.
        var stamps: [String: UInt64] = [:]
        for record in result.records where record.text.contains("] @ ") || record.text.contains("] returned ") {
            let kind = record.text.hasPrefix("calling  ") ? "start " : "finish "
            let symbol = record.text.split(separator: " ")[1]
            stamps[kind + symbol] = stamps[kind + symbol] ?? record.timestamp / 1_000
        }
        for line in modules {
            let kind = line.event == "initcall_start" ? "start " : "finish "
            let symbol = line.fields.dropFirst(5).prefix { $0 != " " }
            #expect(stamps[kind + symbol] == line.micros, "\(line.event) \(symbol)")
        }
    }

    @Test func svgDrawsAModulesBand() throws {
        let svg = TimelineSVG.render(try Self.boot())
        #expect(TimelineFormatsTests.XMLCheck.check(svg).error == nil)
        #expect(svg.contains(">modules</text>"))
        #expect(svg.contains("5 inits from user space"))
        #expect(svg.contains("intel_lpss_pci_driver_init<tspan"))
        #expect(svg.contains("[intel_lpss_pci]"))
        // iTCO_wdt returned -ENODEV: its own row, in the failure colour.
        #expect(svg.contains("returned -ENODEV @ 158"))
        #expect(svg.contains("fill=\"#e45756\"><title>iTCO_wdt_init_module [iTCO_wdt] @ 158"))
        // The header's init time is the boot's, not the last load's.
        #expect(svg.contains("ran /init at 72.028 ms"))
    }

    @Test func goldens() throws {
        let result = try Self.boot()
        try golden.check(PerfettoTrace.render(result), against: "udev-coldplug.perfetto.json")
        try golden.check(FtraceRenderer.render(result), against: "udev-coldplug.trace")
        try golden.check(TimelineSVG.render(result), against: "udev-coldplug.svg")
        try golden.check(BootJSON.document(result).rendered(), against: "udev-coldplug.json")
        try golden.check(DmesgRenderer.render(result), against: "udev-coldplug.dmesg")
    }

    /// `CONFIG_PRINTK_CALLER`: each line names its task after the time — swapper as `T0`, init
    /// as `T1`, each udev worker by its pid — in `dmesg`, `dmesg -r` and on the console.
    @Test func callerIDsNameEachLinesTask() throws {
        var description = try BootFile.load(Fixtures.example("udev-coldplug.boot"))
        let known = description.config.set("CONFIG_PRINTK_CALLER", true)
        #expect(known)
        let result = try Linker.link(description).bootLoadingModules()
        let lines = SourceText.lines(DmesgRenderer.render(result))
        #expect(lines.first?.hasPrefix("[    0.000000][    T0] Linux version ") == true)
        #expect(lines.contains { $0.contains("][    T1] Run /init as init process") })
        #expect(lines.contains { $0.contains("][  T153] calling  intel_lpss_pci_driver_init") })
        #expect(lines.filter { !$0.isEmpty }.allSatisfy { $0.dropFirst(14).hasPrefix("[") })
        let raw = SourceText.lines(DmesgRenderer.render(result, style: .raw))
        #expect(raw.first?.hasPrefix("<5>[    0.000000][    T0] Linux version") == true)
        // Without the option, the lines are as before.
        let plain = DmesgRenderer.render(try Linker.link(BootFile.load(Fixtures.example("udev-coldplug.boot"))).boot())
        #expect(!plain.contains("][    T"))
    }
}
