// Merges the symbol graphs of initcall-sim's layer modules into one graph of the umbrella
// module `InitcallSim`, which re-exports them all: DocC documents one module per catalog,
// and users see every layer's API through `import InitcallSim`.
//
//     swift .ci/merge-symbol-graphs.swift <symbolgraph-dir> <output-dir>
import Foundation

let layers = [
    "SourceInput", "LinkerScript", "KernelModel", "KernelLink", "KernelBoot", "ModuleLoader", "BootAnalysis", "Reports",
]
let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: merge-symbol-graphs <symbolgraph-dir> <output-dir>\n".utf8))
    exit(2)
}
let input = URL(fileURLWithPath: arguments[1])
let output = URL(fileURLWithPath: arguments[2])
var merged: [String: Any]?
var symbols: [Any] = []
var relationships: [Any] = []
let files = try FileManager.default.contentsOfDirectory(atPath: input.path).sorted()
for file in files where file.hasSuffix(".symbols.json") {
    // `KernelBoot.symbols.json`, or `KernelBoot@KernelLink.symbols.json` for extensions.
    let module = String(file.dropLast(".symbols.json".count)).split(separator: "@").map(String.init)
    guard module.allSatisfy(layers.contains) else { continue }
    let data = try Data(contentsOf: input.appendingPathComponent(file))
    guard var graph = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
    symbols += graph["symbols"] as? [Any] ?? []
    relationships += graph["relationships"] as? [Any] ?? []
    if merged == nil, module == ["KernelModel"] {
        var moduleInfo = graph["module"] as? [String: Any] ?? [:]
        moduleInfo["name"] = "InitcallSim"
        graph["module"] = moduleInfo
        merged = graph
    }
}
guard var graph = merged else {
    FileHandle.standardError.write(Data("merge-symbol-graphs: no KernelModel symbol graph in \(input.path)\n".utf8))
    exit(1)
}
graph["symbols"] = symbols
graph["relationships"] = relationships
try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
let data = try JSONSerialization.data(withJSONObject: graph, options: [.sortedKeys])
try data.write(to: output.appendingPathComponent("InitcallSim.symbols.json"))
print("merged \(symbols.count) symbols into \(output.path)/InitcallSim.symbols.json")
