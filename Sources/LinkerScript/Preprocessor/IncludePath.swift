/// Include-path arithmetic on plain strings, so that the library needs no file system: the
/// loader decides what exists.
enum IncludePath {
    /// Removes `.` components and folds `dir/..`; keeps leading `..` of relative paths.
    static func normalize(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." || part.isEmpty { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
            } else if part == "..", absolute {
                continue
            } else {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    static func join(_ directory: String, _ name: String) -> String {
        if name.hasPrefix("/") { return normalize(name) }
        return normalize(directory == "." ? name : directory + "/" + name)
    }

    /// `"…"`: the including file's directory first, then `-I`; `<…>`: `-I` only (GCC).
    static func candidates(for name: String, angled: Bool, includer: String, directories: [String]) -> [String] {
        var result: [String] = []
        if !angled { result.append(join(directory(of: includer), name)) }
        for directory in directories { result.append(join(normalize(directory), name)) }
        var seen = Set<String>()
        return result.filter { seen.insert($0).inserted }
    }

    static func isWithin(_ path: String, roots: [String]) -> Bool {
        roots.contains { root in
            if root == "." { return !path.hasPrefix("/") && path != ".." && !path.hasPrefix("../") }
            if root == "/" { return path.hasPrefix("/") }
            return path == root || path.hasPrefix(root + "/")
        }
    }
}
