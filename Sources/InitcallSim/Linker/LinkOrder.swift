import LinkerScript

/// The order objects are given to the final link, as `modules.order` or an `obj-y` walk would
/// list them. Within one initcall section, entries run in this order, then in source order.
public struct LinkOrder: Sendable, Hashable {
    public var paths: [String]
    /// Where each path was written, for errors (parallel to `paths` when read from a file).
    public var locations: [SourceLocation]?

    public init(_ paths: [String]) {
        self.paths = paths
        self.locations = nil
    }

    /// Reads a link-order file: one object path a line, `#` comments, blank lines ignored.
    public init(text: String, file: String) {
        var paths: [String] = []
        var locations: [SourceLocation] = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let uncommented = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let path = uncommented.trimmingWhitespace()
            guard !path.isEmpty else { continue }
            let column = (rawLine.firstIndex { !$0.isWhitespace }.map { rawLine.distance(from: rawLine.startIndex, to: $0) } ?? 0) + 1
            paths.append(path)
            locations.append(SourceLocation(file: file, line: index + 1, column: column))
        }
        self.paths = paths
        self.locations = locations
    }

    /// Orders `objects` by this link order. Duplicates: the first position wins, as kbuild
    /// links a repeated `obj-y` entry once. A path the order names but `objects` lacks, or an
    /// object the order leaves out, is an error unless `allowPartial`; then unknown paths are
    /// ignored and unlisted objects follow the listed ones in description order.
    public func apply(to objects: [ObjectFile], allowPartial: Bool = false) throws(LinkError) -> [ObjectFile] {
        var byPath: [String: ObjectFile] = [:]
        for object in objects where byPath[object.path] == nil { byPath[object.path] = object }
        var seen = Set<String>()
        var ordered: [ObjectFile] = []
        for (index, path) in paths.enumerated() {
            guard seen.insert(path).inserted else { continue }
            guard let object = byPath[path] else {
                if allowPartial { continue }
                throw .unknownObjectInLinkOrder(
                    path: path, location: locations?[index],
                    suggestions: Suggestions.closest(to: path, in: objects.map(\.path)))
            }
            ordered.append(object)
        }
        let missing = objects.filter { !seen.contains($0.path) }
        if !missing.isEmpty, !allowPartial {
            throw .objectMissingFromLinkOrder(paths: missing.map(\.path))
        }
        return ordered + missing
    }
}

extension Substring {
    func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
