import LinkerScript
import TestSupport

extension LinkerScript {
    /// The statements with every source location removed, one line each (one per item
    /// inside SECTIONS and inside output sections), for comparing two scripts that should
    /// mean the same thing.
    var canonicalStatements: [String] {
        func strip(_ value: Any) -> String {
            String(describing: value).replacing(#/[^\s,()\[\]"]+:\d+:\d+/#, with: "_")
        }
        var lines: [String] = []
        for statement in statements {
            guard case .sections(let items, _) = statement else {
                lines.append(strip(statement))
                continue
            }
            for item in items {
                guard case .output(var section) = item else {
                    lines.append(strip(item))
                    continue
                }
                let contents = section.items
                section.items = []
                lines.append(strip(section))
                lines += contents.map { "  " + strip($0) }
            }
        }
        return lines
    }
}
