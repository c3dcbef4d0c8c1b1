import BootAnalysis
import Foundation

/// `explore: 3200/10000 orders, 2 outcomes`, redrawn in place on stderr, only when stderr is a
/// terminal and the run is long enough to wait for; never part of the report.
enum ProgressLine {
    static let minimumOrders = 500

    static func make() -> Exploration.Progress? {
        guard isatty(2) == 1 else { return nil }
        return { done, total, outcomes in
            guard total >= minimumOrders else { return }
            let line =
                done < total
                ? "\rexplore: \(done)/\(total) orders, \(outcomes) outcome\(outcomes == 1 ? "" : "s")" : "\r\u{1B}[K"
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
