import LinkerScript

/// Numbers the input section descriptions of a linker script in script order, and finds the
/// one that placed each entry of an image.
struct StatementIndex: Sendable {
    private var index: [SourceLocation: Int] = [:]

    init(_ script: LinkerScript) {
        for section in script.outputSections {
            for case .input(let description) in section.items where index[description.location] == nil {
                index[description.location] = index.count
            }
        }
    }

    /// For each table entry of `image`, the number of the description that placed it.
    func statements(of image: KernelImage) -> [Int?] {
        var byPath: [String: ObjectFile] = [:]
        for object in image.description.objects where byPath[object.path] == nil { byPath[object.path] = object }
        let objects = image.linkOrder.compactMap { byPath[$0] }
        let (inputs, _) = Linker.inputSections(objects, entrySize: image.description.architecture.entrySize)
        var byInput: [InputKey: Int] = [:]
        for placement in image.linkMap.placements where placement.input < inputs.count {
            let input = inputs[placement.input]
            byInput[InputKey(file: input.file, section: input.name)] = index[placement.statement.location]
        }
        return image.table.map { byInput[InputKey(file: $0.object, section: $0.section)] }
    }

    private struct InputKey: Hashable {
        var file: String
        var section: String
    }
}
