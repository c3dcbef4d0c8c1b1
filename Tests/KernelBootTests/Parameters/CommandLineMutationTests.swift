import BootAnalysis
import KernelLink
import KernelModel
import Testing

@testable import KernelBoot

/// 100,000 command lines, drawn deterministically from SplitMix64, through every parameter pass
/// of a kernel that declares a parameter of every type: never a crash or a hang, every variable
/// in its type's range (what sysfs shows sets the same value again), and the same result when
/// parsed twice. Every line goes through the early, "Booting kernel" and init-argument passes
/// and one level's pass (each level in turn); every 25th through every pass, twice, with the
/// ranges checked; every 250th boots in full, printk formats and all.
@Suite("command-line mutations")
struct CommandLineMutationTests {
    static let shards = 8
    static let linesPerShard = 12_500

    static let names = [
        "every.b", "every.s", "every.us", "every.i", "every.ui", "every.l", "every.ul", "every.ull", "every.h",
        "every.cp", "every.flag", "every.inv", "every.bi", "every.renamed", "every.arr", "every.barr", "every.carr",
        "every.str", "every.cb", "every.hidden", "every_core", "every.early_cb", "every.mode", "every.tail",
        "every-mode", "EVERY.i", "every.", ".i", "every..i", "evearly", "evsetup", "evsetupx", "initcall_debug",
        "panic", "panic_on_warn", "printk.time", "loglevel", "quiet", "init", "rdinit", "console", "root", "ro",
        "initcall_blacklist", "nosmp", "maxcpus", "BOOT_IMAGE", "kexec", "--", "x", "", "=", "\"", "é",
    ]
    static let values = [
        "0", "1", "-1", "+1", "255", "256", "-32769", "65536", "2147483648", "-2147483649", "4294967296",
        "9223372036854775808", "-9223372036854775809", "18446744073709551616", "0x", "0xg", "0x7fffffff",
        "0xffffffffffffffff", "0x10000000000000000", "017", "08", "y", "n", "on", "off", "o", "true", "maybe", "",
        ",", "1,2", "1,2,3,4,5", ",,", "a,,b", "1,x", "\"quoted value\"", "\"", "12\n", "é", "=", "--",
        String(repeating: "z", count: 1025), String(repeating: "9", count: 30),
    ]

    static func line(_ generator: inout SplitMix64) -> String {
        var tokens: [String] = []
        for _ in 0..<(1 + generator.next(below: 8)) {
            let name = names[generator.next(below: names.count)]
            switch generator.next(below: 6) {
            case 0: tokens.append(name)
            case 1:
                // Random bytes of printable ASCII, spaces and quotes included.
                let count = generator.next(below: 12)
                let bytes = (0..<count).map { _ in UInt8(0x20 + generator.next(below: 0x5f)) }
                tokens.append(name + "=" + String(decoding: bytes, as: UTF8.self))
            default: tokens.append(name + "=" + values[generator.next(below: values.count)])
            }
        }
        let separator = generator.next(below: 10) == 0 ? "\t" : " "
        return tokens.joined(separator: separator)
    }

    /// The parameter passes of a boot, without the initcalls: early options, "Booting kernel",
    /// init arguments, then every level's pass.
    static func passes(_ image: KernelImage, _ tables: BootTables, _ line: String, levels: [Int]) -> (
        records: [String], values: [ParamValue], options: BootOptions
    ) {
        let engine = BootEngine(image: image, commandLine: line, tables: tables)
        engine.parseEarlyParam()
        let rest = engine.parseBootingKernel()
        engine.printUnknownBootoptions()
        if let rest { engine.setInitArgs(rest) }
        for level in levels {
            _ = ParseArgs.parse(
                doing: image.name(of: .level(level)), line: line, params: engine.params, minLevel: level,
                maxLevel: level, options: &engine.options, log: engine.ctx.log, unknown: { _, _, _, _ in 0 })
        }
        return (engine.ctx.records.map(\.text), engine.params.values, engine.options)
    }

    @Test(arguments: 0..<shards)
    func mutatedCommandLinesNeverCrash(_ shard: Int) throws {
        let image = try EveryType.image()
        let tables = BootTables(image)
        let initial = tables.paramIndex.initial.values
        let allLevels = Array(image.levelSlices.indices)
        var setSomething = 0
        for index in 0..<Self.linesPerShard {
            var generator = SplitMix64(seed: 0x10_0000, stream: UInt64(shard * Self.linesPerShard + index))
            let line = Self.line(&generator)
            let levels = index % 25 == 0 ? allLevels : [allLevels[index % allLevels.count]]
            let first = Self.passes(image, tables, line, levels: levels)
            if first.values != initial { setSomething += 1 }
            guard index % 25 == 0 else { continue }
            let second = Self.passes(image, tables, line, levels: levels)
            #expect(first.records == second.records && first.values == second.values && first.options == second.options)
            try Self.checkRanges(tables.paramIndex, first.values, line)
            if index % 250 == 0 {
                let result = image.boot(commandLine: line, traceCommandLine: true)
                #expect(!result.records.isEmpty)
                #expect(!result.commandLineTrace.isEmpty || line.allSatisfy { $0 == " " || $0 == "\t" })
            }
        }
        // The lines must reach the parameters, not only the error paths.
        #expect(setSomething > Self.linesPerShard / 4, "only \(setSomething) lines set a parameter")
    }

    /// Every variable holds a value of its type, and what sysfs shows of it reads back the same.
    static func checkRanges(_ paramIndex: ParamIndex, _ values: [ParamValue], _ line: String) throws {
        let version = KernelVersion("6.8.0-sim")
        for (index, entry) in paramIndex.initial.entries.enumerated() {
            let value = values[index]
            switch entry.param.kind {
            case .scalar(let type):
                #expect(value.converted(to: type) == value, "\(entry.fullName) holds \(value) after '\(line)'")
                var copy = ParamValue.zero(of: type)
                let shown = ParamOps.get(type, value)
                if type != .charp {
                    let ret = ParamOps.set(type, shown, into: &copy, name: "", version: version, log: { _, _ in })
                    #expect(
                        ret == 0 && copy == value, "\(entry.fullName): '\(shown)' does not read back after '\(line)'")
                }
            case .array(let type, let max, _):
                let elements = try #require(value.elements)
                #expect(elements.count == max)
                for element in elements { #expect(element.converted(to: type) == element) }
            case .string(let size):
                #expect((value.stringValue?.utf8.count ?? 0) < size, "\(entry.fullName) overflows after '\(line)'")
            }
        }
    }
}
