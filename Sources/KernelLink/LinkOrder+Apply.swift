import KernelModel
import SourceInput

extension LinkOrder {
    /// The order `image` was linked in.
    public init(of image: KernelImage) {
        self.init(image.linkOrder)
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
