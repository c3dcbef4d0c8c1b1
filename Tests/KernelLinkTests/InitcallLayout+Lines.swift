import KernelLink
import TestSupport

extension InitcallLayout {
    /// One line per item: `sym NAME [roles]` or `KEEP(…) ids -> walks`.
    var lines: [String] {
        items.map { item in
            switch item {
            case .boundary(let b):
                return "sym \(b.symbol)" + (b.roles.isEmpty ? "" : " [\(b.roles.joined(separator: ", "))]")
            case .pattern(let p):
                let lto = p.ltoIDs.isEmpty || p.ltoIDs == p.ids ? "" : " lto=\(p.ltoIDs.joined(separator: ","))"
                return "\(p.text) \(p.ids.joined(separator: ","))\(lto) -> \(p.runsIn.joined(separator: "; "))"
            }
        }
    }

    var walkLines: [String] {
        walks.map { "\($0.name): \($0.isDefined ? $0.ids.joined(separator: " ") : "undefined")" }
    }
}
