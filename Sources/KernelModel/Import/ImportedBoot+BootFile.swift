/// The `.boot` description of an imported boot: the machine and build statements, then every
/// built-in call in log order as a registration whose attributes replay it — `time=` so that
/// `initcall_debug` prints the same duration, `gap=` so that its `calling` line comes at the
/// same time, `returns=`, `size=` for `%pS`, `printk=` for what it printed — and every other
/// line of the log as a comment where it was.
extension ImportedBoot {
    /// The description; `source` names the log in the header comment.
    public func bootFile(source: String) -> String {
        var out = BootFileWriter(boot: self)
        // A release before kernel/async.c (2.6.29) keeps such lines as comments.
        if !asyncEntries.isEmpty, out.eraVersion.isAtLeast(2, 6, 29) {
            // A first pass finds where each call runs in the replay, which places the entries.
            var first = out
            first.moments = [:]
            first.body()
            let plans = BootFileWriter.asyncPlans(
                self, moments: first.moments ?? [:], logEnd: first.clock, printkCost: out.printkCost)
            out.asyncByCall = plans.byCall
            out.asyncReplayed = plans.replayed
            out.asyncNotes = plans.notes
        }
        // The body first: it runs the clock that decides the timeline's stages.
        out.body()
        let body = out.text
        out.text = ""
        out.header(source: source)
        out.machine()
        return out.text + body
    }
}

struct BootFileWriter {
    let boot: ImportedBoot
    let version: KernelVersion?
    /// The release the replay boots: the banner's, or the description's default without one
    /// (no `kernel` line). Its eras say how many records each stage prints.
    let eraVersion: KernelVersion
    /// The release's level table: the macros the reader will take for each id.
    let levels: LevelTable
    var text = ""
    /// The simulated clock (ns) as the engine will run it, to compute each `gap=`.
    var clock: UInt64 = 0
    var object: String?
    var objectNames: [String: Int] = [:]
    var lastID = "6"
    var smpDone = false
    /// `kernel_init=`: console_init() to PID 1, when no early call's gap= can carry it.
    var kernelInit: UInt64 = 0
    var pid1Started = false
    /// What one record costs (`timeline printk=`), from the log itself: the median time a
    /// call's two lines are apart beyond its duration, but no more than the closest the log
    /// puts a call after the previous one's returned line (so that replayed calls are never
    /// late and each `gap=` can put them back on time), and no more than keeps every printed
    /// duration exact with the records the call prints (see ``durationRange(_:)``). 1 µs for
    /// a log without timestamps.
    var printkCost: UInt64 = 1_000
    /// The modules written as `load`s so far: a second init of one (unloaded in between) is
    /// kept as a comment, since the replay never unloads.
    var loaded: Set<String> = []
    var moduleLoads = 0
    /// Loads whose `calling` line came before the previous load's `returned` line (parallel
    /// udev workers): the replay runs each from its own time, side by side.
    var overlappingLoads = 0
    var previousModuleEnd: UInt64?
    /// The jiffies clocksource the early calls were timed on, when the log proves one.
    var jiffies: JiffiesFit?
    /// The async entries each call schedules, the log lines they replay, and what the header
    /// says of them (``asyncPlans(_:moments:logEnd:printkCost:)``).
    var asyncByCall: [Int: [AsyncPlan]] = [:]
    var asyncReplayed: Set<Int> = []
    var asyncNotes: [String] = []
    /// Each registration's moments, collected in a first pass (nil: not collecting).
    var moments: [Int: CallMoments]?
    /// The `flush=` and `time=` of the registration written last.
    var lastBody: (flush: UInt64, time: UInt64) = (0, 0)

    /// `fitting`: fit the record cost and the jiffies clocksource to the log (off only for
    /// ``provesShiftedTicks(_:)``'s look at the durations).
    init(boot: ImportedBoot, fitting: Bool = true) {
        var boot = boot
        if fitting, boot.release == nil, Self.provesShiftedTicks(boot) {
            boot.release = "5.17"
            boot.notes.append(
                "no banner: the release is taken as 5.17, the last to print durations '>> 10' (2.6.28-5.17), which the whole ticks of the calls before clocksource_done_booting() show"
            )
        }
        self.boot = boot
        self.version = boot.release.map(KernelVersion.init)
        self.eraVersion = version ?? KernelDescription().version
        self.levels = version.map(LevelTable.linux(for:)) ?? .linux6
        guard fitting else { return }
        // The calls timed on jiffies say nothing of what a record costs (their durations are
        // whole ticks): the cost is fitted without them, then the tick's phase with it.
        let candidates = jiffiesCandidates()
        let coarse = Set(candidates.filter(isWholeTicks))
        printkCost = fittedPrintkCost(excluding: coarse)
        jiffies = coarse.isEmpty ? nil : JiffiesFit.fit(jiffiesSpans(candidates), unit: durationUnit)
        if jiffies == nil, !coarse.isEmpty { printkCost = fittedPrintkCost(excluding: []) }
    }

    func fittedPrintkCost(excluding coarse: Set<Int>) -> UInt64 {
        var overheads: [UInt64] = []
        var closest = UInt64.max
        var bound = UInt64.max
        var previousEnd: UInt64?
        for (index, call) in boot.calls.enumerated() where call.phase != .outside && call.duration != nil {
            if let start = call.calltime, let end = call.rettime, end >= start {
                if let previousEnd, start >= previousEnd { closest = min(closest, (start - previousEnd) &* 1_000) }
                previousEnd = end
            }
            // A duration in whole ticks says nothing of what its records cost.
            if coarse.contains(index) { continue }
            let range = durationRange(call)
            if !call.records.isEmpty { bound = min(bound, range.upperBound / UInt64(call.records.count)) }
            guard let start = call.calltime, let end = call.rettime, end >= start else { continue }
            let span = (end - start) &* 1_000
            if span > range.lowerBound { overheads.append(span - range.lowerBound) }
        }
        overheads.sort()
        let median = overheads.isEmpty ? 1_000 : overheads[overheads.count / 2]
        return min(median, closest, bound, 1_000_000)
    }

    mutating func line(_ string: String) { text += string + "\n" }

    mutating func header(source: String) {
        let built = boot.calls.filter { $0.phase != .outside }.count
        line(
            "# Imported by 'initcall-sim import' from \(source): \(boot.lineCount) lines, \(built) built-in initcall\(built == 1 ? "" : "s")."
        )
        line("# time=, gap= and flush= replay each call's duration, start and console time; lines that")
        line("# are not a call's own output are kept as comments where they were.")
        for note in boot.notes + asyncNotes { line("# note: \(note)") }
        if let jiffies {
            let tick = DurationParser.describe(jiffies.tick)
            line(
                "# note: \(jiffies.ticks.count == 1 ? "the call" : "the \(jiffies.ticks.count) calls") before clocksource_done_booting() print\(jiffies.ticks.count == 1 ? "s" : "") whole ticks of \(tick): ktime_get() read the jiffies clocksource (HZ=\(jiffies.hz)); 'timeline jiffies=' replays them"
            )
        }
        if moduleLoads > 0 {
            line(
                "# \(moduleLoads) module init\(moduleLoads == 1 ? "" : "s") after the initcalls: each a module block and a 'load' at its time and pid"
            )
        }
        if overlappingLoads > 0 {
            line(
                "# note: \(overlappingLoads) module load\(overlappingLoads == 1 ? "" : "s") started before the previous one returned (parallel loads): each load runs from its own time, side by side"
            )
        }
        if boot.warnings > 0 { line("# the log has \(boot.warnings) WARN\(boot.warnings == 1 ? "" : "s")") }
        if let taint = boot.taint { line("# last taint flags: \(taint)") }
        if let panic = boot.panic { line("# the boot ended in a panic: \(panic)") }
        if let path = boot.initPath { line("# the boot reached init: Run \(path) as init process") }
    }

    mutating func machine() {
        if let release = boot.release, !release.isEmpty { line("kernel \(Self.quoted(release))") }
        if let architecture = boot.architecture { line("arch \(architecture)") }
        if let cpus = boot.cpus { line("cpus \(cpus)") }
        if let build = buildStatement() { line(build) }
        if let hardware = boot.hardware, !hardware.isEmpty { line("hardware \(Self.quoted(hardware))") }
        if let kaslr = boot.kaslr, kaslr.count <= 18, kaslr.hasPrefix("0x"),
            UInt64(kaslr.dropFirst(2), radix: 16) != nil
        {
            line("kaslr \(kaslr)")
        }
        // The log's records name their callers: the replay's do too.
        if boot.callerIDs { line("config CONFIG_PRINTK_CALLER=y") }
        line("cmdline \(Self.quoted(commandLine))")
        line(
            "timeline console_init=0 kernel_init=\(Self.duration(kernelInit)) smp_init=\(Self.duration(perCPU)) "
                + "do_basic_setup=0 printk=\(Self.duration(printkCost))"
                + (jiffies.map { " jiffies=\(Self.duration($0.tick)) jiffies_phase=\(Self.duration($0.phase))" } ?? "")
        )
        root()
    }

    /// The log's command line; `initcall_debug` is added when it does not say it (an excerpt
    /// without its `Kernel command line:`), since the log has the lines it prints.
    var commandLine: String {
        let logged = boot.commandLine ?? ""
        if logged.split(separator: " ").contains(where: { $0 == "initcall_debug" || $0.hasPrefix("initcall_debug=") }) {
            return logged
        }
        return logged.isEmpty ? "initcall_debug" : logged + " initcall_debug"
    }

    /// `smp_init()`'s time per secondary CPU, from the two `smp:` lines.
    var perCPU: UInt64 {
        guard let up = boot.smpBringUp, let done = boot.smpBroughtUp, let cpus = boot.cpus, cpus > 1, done > up else {
            return 0
        }
        let total = (done - up) &* 1_000
        return total > printkCost ? (total - printkCost) / UInt64(cpus - 1) : 0
    }

    /// What init ran from: an initramfs's `/init`, or the partition `root=` names.
    mutating func root() {
        guard let path = boot.initPath else {
            if moduleLoads > 0, boot.panic == nil {
                // Only user space loads modules: init ran, from where the log does not say.
                line("# user space loaded modules, so init ran; the log does not say from where: an initramfs")
                line("# /init stands in (the replay prints its 'Run /init as init process')")
                return line("initramfs /init")
            }
            if boot.panic == nil {
                line("# the log does not show the end of the boot: with no root the replay panics in")
                line("# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init")
            }
            return
        }
        guard path.hasPrefix("/"), path.count <= 256,
            path.allSatisfy({ $0 == "/" || $0 == "." || $0 == "_" || $0 == "-" || $0.isASCIIDigit || $0.isASCIILetter })
        else { return line("# init ran from a path this import cannot declare") }
        if path == "/init" { return line("initramfs /init") }
        let words = (boot.commandLine ?? "").split(separator: " ")
        // The reader's own rules decide which disks it numbers without `devt=` (sdvda is none)
        // and what a partition of the disk may be called (vda0 is not).
        guard let root = words.first(where: { $0.hasPrefix("root=/dev/") })?.dropFirst(10),
            let disk = Self.disk(of: root), DeviceNumber.defaultNumber(forDisk: disk) != nil,
            BootFileParser.partitionNumber(String(root), disk: disk) != nil
        else {
            return line("# init ran from a root this import cannot describe: declare its disk and partition")
        }
        line("disk \(disk) size=64G")
        line("partition \(root) size=60G fs=ext4 holds=\(path)")
    }

    /// The disk of a partition whose device number the reader knows by name: `vda1` → `vda`,
    /// `sdb2` → `sdb`, `hda1` → `hda`, `mmcblk0p2` → `mmcblk0`, `nvme0n1p2` → `nvme0n1`.
    static func disk(of partition: Substring) -> String? {
        guard partition.count <= 32, partition.allSatisfy({ $0.isASCIIDigit || ("a"..."z").contains($0) }) else {
            return nil
        }
        let base = partition.reversed().drop { $0.isASCIIDigit }
        guard base.count < partition.count, !base.isEmpty else { return nil }
        var name = String(base.reversed())
        if name.hasSuffix("p"), name.dropLast().last?.isASCIIDigit == true { name.removeLast() }
        let lettered = ["vd", "sd", "hd"].contains {
            name.hasPrefix($0) && name.count > 2 && name.dropFirst(2).allSatisfy { ("a"..."z").contains($0) }
        }
        let numbered = name.hasPrefix("mmcblk") && name.count > 6 && name.dropFirst(6).allSatisfy(\.isASCIIDigit)
        let nvme =
            name.hasPrefix("nvme") && name.contains("n")
            && name.dropFirst(4).allSatisfy { $0 == "n" || $0.isASCIIDigit }
        guard lettered || numbered || nvme else { return nil }
        if numbered || nvme, !partition.dropFirst(name.count).hasPrefix("p") { return nil }
        return name
    }

    /// `build …` from `linux_banner`: `Linux version %s (%s@%s) (%s) %s`.
    func buildStatement() -> String? {
        guard let banner = boot.banner, let release = boot.release else { return nil }
        var rest = Substring(banner).dropFirst(14 + release.count)
        guard rest.hasPrefix(" ("), let user = Self.parenthesized(&rest), rest.hasPrefix(" ("),
            let toolchain = Self.parenthesized(&rest), rest.hasPrefix(" ")
        else { return nil }
        let version = rest.dropFirst()
        // The reader takes only what a banner can hold: text, and UTS_VERSION's build number.
        guard version.hasPrefix("#"), !user.isEmpty, !toolchain.isEmpty else { return nil }
        var parts = "build compiler=\(Self.quoted(String(toolchain)))"
        if let release = self.version, release.bannerNamesLinker, let comma = Self.lastTopLevelComma(toolchain) {
            parts = "build compiler=\(Self.quoted(String(toolchain[..<comma])))"
            parts += " linker=\(Self.quoted(String(toolchain[toolchain.index(comma, offsetBy: 2)...])))"
        }
        parts += " version=\(Self.quoted(String(version))) user=\(Self.quoted(String(user)))"
        if let package = packageID(release: release, version: version) { parts += " package=\(Self.quoted(package))" }
        return parts
    }

    /// Debian's `LINUX_PACKAGE_ID`: what a stack dump prints after the build number.
    func packageID(release: String, version: Substring) -> String? {
        guard let dump = boot.dumpStackLine else { return nil }
        let stamp = release + " " + version.prefix { $0 != " " }
        guard let range = Substring(dump).firstASCIIRange(of: stamp) else { return nil }
        // dump_stack_print_info(): "%s %.*s%s", release, the build number, then the ID.
        let rest = dump[range.upperBound...].dropFirst()
        return rest.isEmpty ? nil : String(rest)
    }

    /// The text of a leading ` (…)` with nested parentheses, consumed from `rest`.
    static func parenthesized(_ rest: inout Substring) -> Substring? {
        let start = rest.index(rest.startIndex, offsetBy: 2)
        var depth = 1
        var index = start
        while index < rest.endIndex {
            if rest[index] == "(" { depth += 1 }
            if rest[index] == ")" { depth -= 1 }
            if depth == 0 {
                defer { rest = rest[rest.index(after: index)...] }
                return rest[start..<index]
            }
            index = rest.index(after: index)
        }
        return nil
    }

    static func lastTopLevelComma(_ text: Substring) -> Substring.Index? {
        var depth = 0
        var found: Substring.Index?
        var index = text.startIndex
        while index < text.endIndex {
            switch text[index] {
            case "(": depth += 1
            case ")": depth -= 1
            case "," where depth == 0 && text[index...].hasPrefix(", "): found = index
            default: break
            }
            index = text.index(after: index)
        }
        return found
    }

    /// A duration the `.boot` reader takes (whole nanoseconds, at most twelve digits before
    /// the unit), capped at a day.
    static func duration(_ nanoseconds: UInt64) -> String {
        let capped = min(nanoseconds, 86_400_000_000_000)
        if capped < 1_000_000_000_000 { return "\(capped)ns" }
        let fraction = String(capped % 1_000_000)
        return "\(capped / 1_000_000)." + String(repeating: "0", count: 6 - fraction.count) + fraction + "ms"
    }

    /// A C identifier: what a registration's function name must be.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return name.allSatisfy { $0 == "_" || $0.isASCIIDigit || ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
    }

    /// A `.boot` string: `\"`, `\\`, `\t`; other control characters become spaces.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar.value < 0x20 || scalar.value == 0x7f ? " " : scalar)
            }
        }
        return out + "\""
    }
}
