import SourceInput

/// A modprobe.d configuration (kmod libkmod/libkmod-config.c): `alias`, `blacklist`,
/// `options`, `softdep` lines, module names with `-` made `_`.
package struct ModprobeConfig: Sendable {
    package var aliases: [(pattern: String, module: String)] = []
    package var blacklist: Set<String> = []
    package var options: [(module: String, options: String)] = []
    package var softdeps: [(module: String, pre: [String], post: [String])] = []
    /// `<file> line <n>: ignoring bad line starting with '<cmd>'` and friends.
    package var warnings: [String] = []

    package init() {}

    /// Reads the files (name → text) in lexicographic order of their names.
    package init(files: [String: String]) {
        for name in files.keys.sorted() { read(files[name] ?? "", file: name) }
    }

    /// `kmod_config_parse_kcmdline()` (libkmod/libkmod-config.c): `/proc/cmdline`'s
    /// `<module>.<param>[=<value>]` become `options` after the files' ones, and
    /// `modprobe.blacklist=a,b` blacklist entries. Words without a `.` before any `=` are the
    /// kernel's own.
    package mutating func addKernelCommandLine(_ line: String) {
        for word in line.split(separator: " ").map(String.init) {
            let name = word.prefix { $0 != "=" }
            guard let dot = name.firstIndex(of: ".") else { continue }
            let module = Self.underscores(String(name[..<dot]))
            let rest = String(word[word.index(after: dot)...])
            guard !module.isEmpty, !rest.isEmpty else { continue }
            if module == "modprobe", rest.hasPrefix("blacklist=") {
                for entry in rest.dropFirst(10).split(separator: ",") {
                    blacklist.insert(Self.underscores(String(entry)))
                }
            } else if module != "modprobe" {
                options.append((module, rest))
            }
        }
    }

    /// `modules.softdep` (kmod reads it after the configuration files, so their `softdep`
    /// lines win).
    package mutating func addModuleSoftdeps(_ entries: [(module: String, value: String)]) {
        for entry in entries {
            softdeps.append(Self.softdep([entry.module] + entry.value.split(separator: " ").map(String.init)))
        }
    }

    static func underscores(_ name: String) -> String { String(name.map { $0 == "-" ? "_" : $0 }) }

    private mutating func read(_ text: String, file: String) {
        for (index, line) in SourceText.lines(text).enumerated() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let command = words.first, !command.hasPrefix("#") else { continue }
            let rest = Array(words.dropFirst())
            switch command {
            case "alias" where rest.count >= 2:
                aliases.append((Self.underscores(rest[0]), Self.underscores(rest[1])))
            case "blacklist" where rest.count >= 1:
                blacklist.insert(Self.underscores(rest[0]))
            case "options" where rest.count >= 2:
                options.append((Self.underscores(rest[0]), rest.dropFirst().joined(separator: " ")))
            case "softdep" where rest.count >= 2:
                softdeps.append(Self.softdep(rest))
            case "install", "remove", "weakdep":
                continue
            default:
                warnings.append("\(file) line \(index + 1): ignoring bad line starting with '\(command)'")
            }
        }
    }

    private static func softdep(_ words: [String]) -> (String, [String], [String]) {
        var pre: [String] = []
        var post: [String] = []
        var inPost: Bool?
        for word in words.dropFirst() {
            if word == "pre:" {
                inPost = false
            } else if word == "post:" {
                inPost = true
            } else if let inPost {
                if inPost { post.append(underscores(word)) } else { pre.append(underscores(word)) }
            }
        }
        return (underscores(words[0]), pre, post)
    }

    /// The module an `alias` line maps `name` to (`fnmatch()` with a tail `*`).
    package func alias(_ name: String) -> String? {
        aliases.first { Self.matches($0.pattern, name) }?.module
    }

    static func matches(_ pattern: String, _ name: String) -> Bool {
        if pattern.hasSuffix("*") { return name.hasPrefix(String(pattern.dropLast())) }
        return pattern == name
    }

    /// Every `options` of `module`, joined by spaces, in config order.
    package func options(for module: String) -> String {
        options.filter { $0.module == module }.map(\.options).joined(separator: " ")
    }

    /// The first `softdep` of `module`.
    package func softdep(for module: String) -> (pre: [String], post: [String])? {
        softdeps.first { Self.matches($0.module, module) }.map { ($0.pre, $0.post) }
    }
}
