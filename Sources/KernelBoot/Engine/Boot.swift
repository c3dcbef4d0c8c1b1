import KernelLink
import KernelModel

extension KernelImage {
    /// Boots the image: `start_kernel()` to the first user process, or to a panic.
    ///
    /// - Parameters:
    ///   - commandLine: overrides the description's command line (the boot loader's
    ///     `boot_command_line`).
    ///   - traceCommandLine: records what every parameter pass did with every token
    ///     (``BootResult/commandLineTrace``).
    public func boot(commandLine: String? = nil, traceCommandLine: Bool = false) -> BootResult {
        let engine = BootEngine(
            image: self, commandLine: commandLine ?? description.commandLine, traceCommandLine: traceCommandLine)
        return engine.run()
    }
}

/// The simulated kernel: the state `start_kernel()` and `kernel_init()` share, and the boot
/// sequence as functions named after the kernel's (in the files beside this one).
final class BootEngine {
    let image: KernelImage
    let savedCommandLine: String
    var options = BootOptions()
    let ctx: RunningKernel
    /// `ctx` as the bodies take it, made once: converting it for every call would cost a
    /// reference count per initcall.
    let bodyContext: any KernelContext
    @exclusivity(unchecked) var runs: [InitcallRun] = []
    /// Every table walk entered, in order, with its span.
    var levelSpans: [LevelSpan] = []
    /// The blacklist as a set, for `initcall_blacklisted()`'s exact-name match.
    var blacklist: Set<String> = [] {
        didSet { hasBlacklist = !blacklist.isEmpty }
    }
    @exclusivity(unchecked) var hasBlacklist = false
    /// `initcall_debug` as the tracepoint probes saw it when `start_kernel()` registered them.
    @exclusivity(unchecked) var initcallDebug = false
    /// The image's bodies, held here so the loop does not reach through `image` each time.
    let bodies: ContiguousArray<InitcallBody>
    var onlineCPUs = 1
    /// `.init.text` addresses of the table's functions, for the eras that printed them; made
    /// on first use.
    var textAddresses: [UInt64] = []
    /// Set when the kernel stops without panicking and without init (it waits for ever for a
    /// root device): the boot ends there.
    var hangReason: String?
    /// `__param`: the kernel's own parameters, then the image's.
    let params: ParamTable
    /// `.init.setup`: the kernel's own handlers, then the image's.
    let setupTable: SetupTable
    /// What each pass does with each token, when asked for.
    let trace: CommandLineTrace?
    var version: KernelVersion { image.description.version }
    var architecture: Architecture { image.description.architecture }
    var timeline: BootTimeline { image.description.timeline }

    /// - Parameter tables: the image's `__param` index and `.init.setup` table, when the caller
    ///   boots one image many times and made them once.
    init(image: KernelImage, commandLine: String, traceCommandLine: Bool = false, tables: BootTables? = nil) {
        self.image = image
        self.savedCommandLine = commandLine
        self.bodies = image.bodies
        let description = image.description
        let tables = tables ?? BootTables(image)
        self.params = ParamTable(index: tables.paramIndex, version: description.version)
        self.setupTable = tables.setupTable
        self.trace = traceCommandLine ? CommandLineTrace() : nil
        self.ctx = RunningKernel(
            machine: Machine(description), printkCost: description.timeline.printk, kallsyms: Kallsyms(image))
        ctx.clocksource = Clocksource(description.timeline)
        ctx.debugObjects = Set(description.objects.filter(\.definesDEBUG).map(\.path))
        ctx.params = params
        self.bodyContext = ctx
        runs.reserveCapacity(image.table.count + image.consoleSlice.count)
    }

    func run() -> BootResult {
        let outcome: BootOutcome
        do {
            outcome = .reachedInit(try startKernel())
        } catch {
            outcome = hangReason.map(BootOutcome.hung) ?? .panicked(error.message)
            // panic_on_warn panics after the call returned: the panic still belongs to it.
            if let last = ctx.events.indices.last, ctx.events[last].kind == .panic, ctx.events[last].run == nil,
                let run = runs.indices.last, runs[run].flags.contains(.warnPanicked)
            {
                ctx.events[last].run = run
            }
        }
        var result = BootResult(
            image: image, commandLine: savedCommandLine, options: options, records: ctx.records, runs: runs,
            resourceEvents: ctx.resourceEvents, outcome: outcome, taint: ctx.taint.letters, onlineCPUs: onlineCPUs,
            events: ctx.events, levels: levelSpans)
        result.parameterVariables = params.variables
        result.commandLineTrace = trace?.events ?? []
        result.asyncRuns = ctx.asyncWork.runs
        return result
    }

    /// One table walk: its `initcall_level` tracepoint, then `body`; the span is recorded
    /// however the walk ends, a panic inside included.
    func walk(_ slice: InitcallSlice, _ body: () throws(KernelPanic) -> Void) throws(KernelPanic) {
        let name = image.name(of: slice)
        let start = ctx.clock.now
        let firstRun = runs.count
        defer {
            levelSpans.append(
                LevelSpan(
                    slice: slice, name: name, pid: ctx.pid, start: start, end: ctx.clock.now,
                    runs: firstRun..<runs.count))
        }
        traceInitcallLevel(name)
        try body()
    }
}

/// The tables the command-line passes search, made from an image: the `__param` index and
/// `.init.setup`. An image without parameters or handlers of its own shares the kernel's.
struct BootTables: Sendable {
    let paramIndex: ParamIndex
    let setupTable: SetupTable

    init(_ image: KernelImage) {
        paramIndex =
            image.parameters.isEmpty
            ? .kernelOnly
            : ParamIndex(image: image.parameters, levelNames: image.description.levels.initcallLevelNames)
        let version = image.description.version
        setupTable =
            image.setups.isEmpty
            ? .kernelOnly(for: version)
            : SetupTable(SetupEntry.builtin(for: version) + image.setups.map(SetupEntry.init))
    }
}
