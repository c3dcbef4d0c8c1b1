/// The `dyndbg=` queries of the command line (lib/dynamic_debug.c `ddebug_exec_queries()`), as
/// far as initcall bodies' `pr_debug()` calls need them: each query selects call sites by
/// `func`, `file` or `module` (with `*` and `?` globs) and turns printing on (`+p`, `=p`) or off
/// (`-p`, `=_`). Later queries win, as each `ddebug_change()` overwrites the flags it selects.
struct DynamicDebug: Sendable, Hashable {
    struct Rule: Sendable, Hashable {
        var function: String?
        var file: String?
        var module: String?
        var print: Bool
    }

    private(set) var rules: [Rule] = []

    /// Applies `queries` (`;`-separated, as `ddebug_exec_queries()` splits them) for `module`
    /// (the `foo` of `foo.dyndbg=`, nil for `dyndbg=`). Queries that do not parse are skipped,
    /// as the kernel skips them after its error message.
    mutating func apply(_ queries: String, module: String?) {
        for query in queries.split(whereSeparator: { $0 == ";" || $0 == "\n" }) {
            let words = query.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let flags = words.last, let op = flags.first, "+-=".contains(op) else { continue }
            var rule = Rule(function: nil, file: nil, module: module, print: false)
            switch op {
            case "+", "-":
                // "+f" or "-m" change other flags and leave printing as it is.
                guard flags.contains("p") else { continue }
                rule.print = op == "+"
            default:
                rule.print = flags.contains("p")
            }
            var index = 0
            var valid = words.count % 2 == 1
            while valid, index + 1 < words.count {
                let value = words[index + 1]
                switch words[index] {
                case "func": rule.function = value
                case "file": rule.file = value
                case "module": rule.module = value
                case "format", "line", "class": break
                default: valid = false
                }
                index += 2
            }
            if valid { rules.append(rule) }
        }
    }

    /// Whether the `pr_debug()` call sites of `function` in `object` print.
    func enabled(function: String, object: String) -> Bool {
        let source = object.hasSuffix(".o") ? String(object.dropLast(2)) + ".c" : object
        let base = String(source.split(separator: "/").last ?? Substring(source))
        let module = base.hasSuffix(".c") ? String(base.dropLast(2)) : base
        var print = false
        for rule in rules {
            if let pattern = rule.function, !Self.glob(pattern, function) { continue }
            if let pattern = rule.file, !(Self.glob(pattern, source) || Self.glob(pattern, base)) { continue }
            if let pattern = rule.module, !Self.glob(pattern, module) { continue }
            print = rule.print
        }
        return print
    }

    /// `match_wildcard()`: `*` any run, `?` any one character.
    static func glob(_ pattern: String, _ text: String) -> Bool {
        let p = Array(pattern.utf8)
        let t = Array(text.utf8)
        var pi = 0
        var ti = 0
        var star = -1
        var mark = 0
        while ti < t.count {
            if pi < p.count, p[pi] == UInt8(ascii: "?") || p[pi] == t[ti] {
                pi += 1
                ti += 1
            } else if pi < p.count, p[pi] == UInt8(ascii: "*") {
                star = pi
                mark = ti
                pi += 1
            } else if star >= 0 {
                pi = star + 1
                mark += 1
                ti = mark
            } else {
                return false
            }
        }
        while pi < p.count, p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
