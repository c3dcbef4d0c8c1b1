import BootAnalysis
import KernelBoot
import KernelModel
import SourceInput

/// The part a shard writes (`explore --shard I/N --format json`), schema
/// `initcall-sim/explore-part/1` (documented in the README), and its reader for
/// `explore --merge`. It carries exactly what merging needs: how the description was read, what
/// identifies the exploration, the shard, and per outcome its fingerprint, verdict, count and
/// first order.
public enum ExplorationPartJSON {
    /// The value of every part's `schema` key: `initcall-sim/explore-part/1`.
    public static let schema = "initcall-sim/explore-part/1"

    /// The document of a part.
    public static func document(_ part: ExplorationPart) -> JSON {
        let range = part.range
        return .object([
            ("schema", .string(schema)),
            ("file", .optional(part.inputs.file)),
            ("link_order", .optional(part.inputs.linkOrder)),
            ("allow_partial", .bool(part.inputs.allowPartial)),
            ("cmdline", .optional(part.inputs.commandLine)),
            ("linker_script", .optional(part.inputs.linkerScript)),
            ("level", .optional(part.level)),
            ("mode", .string(part.mode.rawValue)),
            ("seed", .uint(part.seed)),
            ("orders", .int(part.orders)),
            ("space", part.space.map { .int($0) } ?? .null),
            (
                "shard",
                .object([
                    ("index", .int(part.shard.index)), ("count", .int(part.shard.count)),
                    ("first_order", .int(range.lowerBound)), ("end_order", .int(range.upperBound)),
                ])
            ),
            ("digest", .string(part.digest)),
            ("outcomes", .array(part.outcomes.map(outcome))),
        ])
    }

    static func outcome(_ outcome: ExplorationPart.Outcome) -> JSON {
        .object([
            ("passes", .bool(outcome.passes)),
            ("orders", .int(outcome.count)),
            ("first_order", .int(outcome.firstOrder)),
            ("end", end(outcome.fingerprint.end)),
            ("differences", .array(outcome.fingerprint.differences.map(difference))),
        ])
    }

    static func end(_ end: BootOutcome) -> JSON {
        switch end {
        case .reachedInit(let path): return .object([("reached_init", .bool(true)), ("init", .string(path))])
        case .panicked(let message): return .object([("reached_init", .bool(false)), ("panic", .string(message))])
        case .hung(let reason): return .object([("reached_init", .bool(false)), ("hang", .string(reason))])
        }
    }

    /// The names of ``InitcallRun/Flags``, in bit order.
    static let flagNames: [(String, InitcallRun.Flags)] = [
        ("blacklisted", .blacklisted), ("preemption-imbalance", .preemptionImbalance),
        ("disabled-interrupts", .disabledInterrupts), ("slept-in-atomic", .sleptInAtomic),
        ("panicked", .panicked), ("warn-panicked", .warnPanicked), ("scheduled-while-atomic", .scheduledWhileAtomic),
    ]

    static func difference(_ difference: OutcomeFingerprint.Difference) -> JSON {
        let outcome = difference.outcome
        return .object([
            ("entry", .int(difference.call.entry)),
            ("occurrence", .int(difference.call.occurrence)),
            ("ret", .int(outcome.ret)),
            ("flags", .strings(flagNames.filter { outcome.flags.contains($0.1) }.map(\.0))),
            ("provided", .strings(outcome.provided)),
            ("missing", .strings(outcome.missing)),
            ("printk", .strings(outcome.printk.map(\.rawText))),
        ])
    }

    // MARK: Reading

    /// Why a part cannot be read: a syntax error (with its place), or a document that is not a
    /// part of this schema (`message` names the key).
    public enum ReadError: Error, Sendable {
        /// The text is not JSON.
        case syntax(Diagnostic)
        /// The JSON is not a part: `file`, then what is wrong.
        case invalid(String, String)

        /// The error in one line, naming the file.
        public var message: String {
            switch self {
            case .syntax(let diagnostic): return diagnostic.description
            case .invalid(let file, let what): return "\(file): \(what)"
            }
        }
    }

    /// Reads the part in `text`, named `file` in errors and in the part's ``ExplorationPart/source``.
    public static func read(_ text: String, file: String) throws(ReadError) -> ExplorationPart {
        let json: JSON
        do throws(Diagnostic) {
            json = try JSONReader.parse(text, file: file)
        } catch {
            throw .syntax(error)
        }
        return try Reader(file: file).part(json)
    }

    struct Reader {
        let file: String

        func fail(_ what: String) -> ReadError { .invalid(file, what) }

        func field(_ json: JSON, _ key: String, in path: String = "") throws(ReadError) -> JSON {
            guard case .object = json else { throw fail("'\(path.isEmpty ? "the document" : path)' must be an object") }
            guard let value = json[key] else { throw fail("key '\(path.isEmpty ? "" : path + ".")\(key)' is missing") }
            return value
        }

        func string(_ json: JSON, _ key: String, in path: String = "") throws(ReadError) -> String {
            guard let value = try field(json, key, in: path).stringValue else {
                throw fail("'\(path.isEmpty ? "" : path + ".")\(key)' must be a string")
            }
            return value
        }

        func optionalString(_ json: JSON, _ key: String) throws(ReadError) -> String? {
            let value = try field(json, key)
            if value.isNull { return nil }
            guard let text = value.stringValue else { throw fail("'\(key)' must be a string or null") }
            return text
        }

        func int(_ json: JSON, _ key: String, in path: String = "", min: Int = 0) throws(ReadError) -> Int {
            guard let value = try field(json, key, in: path).intValue, value >= min else {
                throw fail("'\(path.isEmpty ? "" : path + ".")\(key)' must be a whole number of at least \(min)")
            }
            return value
        }

        func bool(_ json: JSON, _ key: String, in path: String = "") throws(ReadError) -> Bool {
            guard let value = try field(json, key, in: path).boolValue else {
                throw fail("'\(path.isEmpty ? "" : path + ".")\(key)' must be true or false")
            }
            return value
        }

        func strings(_ json: JSON, _ key: String, in path: String) throws(ReadError) -> [String] {
            guard let values = try field(json, key, in: path).arrayValue else {
                throw fail("'\(path).\(key)' must be an array of strings")
            }
            var result: [String] = []
            for value in values {
                guard let text = value.stringValue else { throw fail("'\(path).\(key)' must be an array of strings") }
                result.append(text)
            }
            return result
        }

        func part(_ json: JSON) throws(ReadError) -> ExplorationPart {
            guard case .object = json, let schemaValue = json["schema"]?.stringValue else {
                throw fail("not an explore part: no 'schema' (explore --shard I/N --format json writes one)")
            }
            guard schemaValue == ExplorationPartJSON.schema else {
                throw fail(
                    "not an explore part: schema '\(schemaValue)', expected '\(ExplorationPartJSON.schema)' (explore --shard I/N --format json writes one)"
                )
            }
            let inputs = ExplorationPart.Inputs(
                file: try optionalString(json, "file"), linkOrder: try optionalString(json, "link_order"),
                allowPartial: try bool(json, "allow_partial"), commandLine: try optionalString(json, "cmdline"),
                linkerScript: try optionalString(json, "linker_script"))
            let modeText = try string(json, "mode")
            guard let mode = ExplorationReport.Mode(rawValue: modeText) else {
                throw fail("'mode' must be \"exhaustive\" or \"random\", not \"\(modeText)\"")
            }
            guard let seed = try field(json, "seed").uint64Value else {
                throw fail("'seed' must be a whole number from 0 to 18446744073709551615")
            }
            let orders = try int(json, "orders", min: 1)
            let spaceValue = try field(json, "space")
            let space: Int?
            if spaceValue.isNull {
                space = nil
            } else {
                guard let value = spaceValue.intValue, value >= 1 else {
                    throw fail("'space' must be a whole number or null")
                }
                space = value
            }
            let shardJSON = try field(json, "shard")
            let index = try int(shardJSON, "index", in: "shard", min: 1)
            let count = try int(shardJSON, "count", in: "shard", min: 1)
            guard let shard = Exploration.Shard(index: index, count: count) else {
                throw fail("'shard' must have 1 <= index <= count <= \(Exploration.shardLimit), not \(index)/\(count)")
            }
            let range = shard.orders(of: orders)
            let first = try int(shardJSON, "first_order", in: "shard")
            let end = try int(shardJSON, "end_order", in: "shard")
            guard first == range.lowerBound, end == range.upperBound else {
                throw fail(
                    "shard \(shard) of \(orders) orders holds orders \(range.lowerBound)..<\(range.upperBound), but the part says \(first)..<\(end)"
                )
            }
            let digest = try string(json, "digest")
            guard let outcomeList = try field(json, "outcomes").arrayValue else {
                throw fail("'outcomes' must be an array")
            }
            var outcomes: [ExplorationPart.Outcome] = []
            for (number, value) in outcomeList.enumerated() {
                outcomes.append(try outcome(value, path: "outcomes[\(number)]"))
            }
            return ExplorationPart(
                source: file, inputs: inputs, level: try optionalString(json, "level"), mode: mode, seed: seed,
                orders: orders, space: space, shard: shard, digest: digest, outcomes: outcomes)
        }

        func outcome(_ json: JSON, path: String) throws(ReadError) -> ExplorationPart.Outcome {
            let endJSON = try field(json, "end", in: path)
            let end: BootOutcome
            if try bool(endJSON, "reached_init", in: path + ".end") {
                end = .reachedInit(try string(endJSON, "init", in: path + ".end"))
            } else if endJSON["hang"] != nil {
                end = .hung(try string(endJSON, "hang", in: path + ".end"))
            } else {
                end = .panicked(try string(endJSON, "panic", in: path + ".end"))
            }
            guard let list = try field(json, "differences", in: path).arrayValue else {
                throw fail("'\(path).differences' must be an array")
            }
            var differences: [OutcomeFingerprint.Difference] = []
            for (number, value) in list.enumerated() {
                differences.append(try difference(value, path: "\(path).differences[\(number)]"))
            }
            return ExplorationPart.Outcome(
                fingerprint: OutcomeFingerprint(end: end, differences: differences),
                passes: try bool(json, "passes", in: path), count: try int(json, "orders", in: path, min: 1),
                firstOrder: try int(json, "first_order", in: path))
        }

        func difference(_ json: JSON, path: String) throws(ReadError) -> OutcomeFingerprint.Difference {
            guard let ret = try field(json, "ret", in: path).intValue, let ret32 = Int32(exactly: ret) else {
                throw fail("'\(path).ret' must be a 32-bit whole number")
            }
            var flags: InitcallRun.Flags = []
            for name in try strings(json, "flags", in: path) {
                guard let flag = ExplorationPartJSON.flagNames.first(where: { $0.0 == name })?.1 else {
                    throw fail(
                        "'\(path).flags' has unknown flag '\(name)'; known: \(ExplorationPartJSON.flagNames.map(\.0).joined(separator: ", "))"
                    )
                }
                flags.insert(flag)
            }
            var printk: [InitcallOutcome.PrintedLine] = []
            for line in try strings(json, "printk", in: path) {
                // "<N>text", as dmesg -r shows a record.
                guard line.hasPrefix("<"), let close = line.firstIndex(of: ">"),
                    let number = Int(line[line.index(after: line.startIndex)..<close]),
                    let level = LogLevel(rawValue: number)
                else { throw fail("'\(path).printk' lines must start with a level, <0> to <7>") }
                printk.append(.init(level: level, text: String(line[line.index(after: close)...])))
            }
            let outcome = InitcallOutcome(
                ret: ret32, flags: flags, provided: try strings(json, "provided", in: path),
                missing: try strings(json, "missing", in: path), printk: printk, duration: 0)
            return OutcomeFingerprint.Difference(
                call: .init(entry: try int(json, "entry", in: path), occurrence: try int(json, "occurrence", in: path)),
                outcome: outcome)
        }
    }
}
