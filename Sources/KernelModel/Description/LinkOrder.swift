import SourceInput

/// The order objects are given to the final link, as `modules.order` or an `obj-y` walk would
/// list them. Within one initcall section, entries run in this order, then in source order.
public struct LinkOrder: Sendable, Hashable {
    /// The object paths, first linked first.
    public var paths: [String]
    /// Where each path was written, for errors (parallel to `paths` when read from a file).
    public var locations: [SourceLocation]?
    /// The file it was read from, if any: named in errors that have no one line to point at.
    public var source: String?

    /// The order `paths` lists, first linked first.
    public init(_ paths: [String]) {
        self.paths = paths
        self.locations = nil
        self.source = nil
    }

    /// Reads a link-order file: one object path a line, `#` comments, blank lines ignored.
    public init(text: String, file: String) {
        var paths: [String] = []
        var locations: [SourceLocation] = []
        for (index, rawLine) in SourceText.lines(text).enumerated() {
            let uncommented = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let path = uncommented.trimmingWhitespace()
            guard !path.isEmpty else { continue }
            let column =
                (rawLine.firstIndex { !$0.isWhitespace }.map { rawLine.distance(from: rawLine.startIndex, to: $0) } ?? 0)
                + 1
            paths.append(path)
            locations.append(SourceLocation(file: file, line: index + 1, column: column))
        }
        self.paths = paths
        self.locations = locations
        self.source = file
    }

    /// The description order of `description`: what a link without a link order uses.
    public init(of description: KernelDescription) {
        self.init(description.objectPaths)
    }

    /// A path listed again after its first position. kbuild links it once, at the first
    /// position; reported as a note, since a repeated `obj-y` entry is legal.
    public struct Duplicate: Sendable, Hashable {
        /// The repeated path.
        public var path: String
        /// Where it is listed again, when read from a file.
        public var location: SourceLocation?
        /// Where it was listed first, when read from a file.
        public var first: SourceLocation?

        /// `order:7:1: note: 'a.o' is listed again (first at line 3); kbuild links it once, at
        /// its first position`
        public var note: String {
            let place = location.map { "\($0): " } ?? ""
            let firstLine = first.map { " (first at line \($0.line))" } ?? ""
            return "\(place)note: '\(path)' is listed again\(firstLine); kbuild links it once, at its first position"
        }
    }

    /// Every repeated path, in the order the repeats appear.
    public var duplicates: [Duplicate] {
        var firstIndex: [String: Int] = [:]
        var result: [Duplicate] = []
        for (index, path) in paths.enumerated() {
            if let first = firstIndex[path] {
                result.append(Duplicate(path: path, location: locations?[index], first: locations?[first]))
            } else {
                firstIndex[path] = index
            }
        }
        return result
    }

    /// This order with `path` moved to just before `other` (both must be listed; otherwise
    /// the order is returned unchanged). For scripts and tests that try one reordering.
    public func moving(_ path: String, before other: String) -> LinkOrder {
        var result = paths
        guard path != other, let from = result.firstIndex(of: path) else { return self }
        result.remove(at: from)
        guard let to = result.firstIndex(of: other) else { return self }
        result.insert(path, at: to)
        return LinkOrder(result)
    }

    /// The text of a link-order file listing this order, one path a line.
    public var text: String { paths.map { $0 + "\n" }.joined() }

}

extension Substring {
    func trimmingWhitespace() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
