import Foundation
import KernelLink
import Reports

/// `swift run -c release initcall-bench`: boots synthetic images of 1k, 10k and 100k initcalls
/// with and without `initcall_debug`, and times the floor — a plain loop calling the same
/// closures with a kernel context — in the same run. The last line is the figure the project
/// tracks: `overhead ratio (100k, no debug): R`, boot time over floor time.
@main
struct BenchMain {
    static let usage = """
        usage: initcall-bench [MODE]

        Build it with `swift build -c release --static-swift-stdlib --product initcall-bench`.
        With no mode, runs every row: boot and floor at 1k/10k/100k initcalls, JSON and
        timeline rendering, exploration, the import rows, the hostile inputs and the modules.

        modes:
          --import               .boot parse, import, the 575-call in-process path and process
          --hostile              the hostile-input rows
          --modules              the depmod and modprobe rows
          --profile-parse        the .boot parse row alone (for callgrind or perf)
          --profile-path         the 575-call in-process path row alone
          --profile-import       the import row alone
          --profile-boot N       boots one N-initcall image 400 times
          --profile-link N       links one N-initcall description 20 times
          --profile-explore J    the exploration row's workload on J jobs
          -h, --help             this text
        """

    static func main() {
        let arguments = CommandLine.arguments
        if arguments.count == 2, arguments[1] == "-h" || arguments[1] == "--help" {
            print(usage)
            return
        }
        if arguments.count == 3, arguments[1] == "--profile-boot", let count = Int(arguments[2]) {
            BenchProfile.run(initcalls: count)
            return
        }
        if arguments.count == 3, arguments[1] == "--profile-explore", let jobs = Int(arguments[2]) {
            BenchProfile.explore(jobs: jobs)
            return
        }
        if arguments.count == 3, arguments[1] == "--profile-link", let count = Int(arguments[2]) {
            BenchProfile.link(initcalls: count)
            return
        }
        if arguments.count == 2, arguments[1] == "--modules" {
            ModuleBench.rows().forEach { print($0) }
            return
        }
        if arguments.count == 2, arguments[1] == "--profile-parse" {
            print(ImportBench.parseRow())
            return
        }
        if arguments.count == 2, arguments[1] == "--profile-path" {
            print(ImportBench.wholePathRow())
            return
        }
        if arguments.count == 2, arguments[1] == "--profile-import" {
            print(ImportBench.importRow())
            return
        }
        if arguments.count == 2, arguments[1] == "--import" {
            ImportBench.rows().forEach { print($0) }
            return
        }
        if arguments.count == 2, arguments[1] == "--hostile" {
            hostileRows().forEach { print($0) }
            return
        }
        guard arguments.count == 1 else {
            FileHandle.standardError.write(
                Data(
                    "initcall-bench: unknown arguments '\(arguments.dropFirst().joined(separator: " "))'\n\n\(usage)\n"
                        .utf8))
            exit(2)
        }
        let sizes = [1_000, 10_000, 100_000]
        var rows: [[String]] = [
            ["initcalls", "link ms", "boot ms", "boot+debug ms", "floor ms", "ratio", "ns/initcall"]
        ]
        var images: [Int: KernelImage] = [:]
        var ratio100k = 0.0
        for size in sizes {
            let description = SyntheticKernel.description(initcalls: size)
            let (image, linkSeconds) = BenchTimer.best(of: 3) { SyntheticKernel.link(description) }
            let repetitions = size >= 100_000 ? 25 : 50
            // Boot and floor timed alternately, so that both see the same machine.
            var bootSeconds = Double.infinity
            var floorSeconds = Double.infinity
            for _ in 0..<repetitions {
                bootSeconds = min(bootSeconds, BenchTimer.timed { image.boot() }.1)
                floorSeconds = min(floorSeconds, BenchTimer.timed { SyntheticKernel.floor(image) }.1)
            }
            let (_, debugSeconds) = BenchTimer.best(of: repetitions) { image.boot(commandLine: "initcall_debug") }
            let ratio = bootSeconds / floorSeconds
            images[size] = image
            if size == 100_000 { ratio100k = ratio }
            rows.append([
                String(size), BenchTimer.ms(linkSeconds), BenchTimer.ms(bootSeconds), BenchTimer.ms(debugSeconds),
                BenchTimer.ms(floorSeconds), String(format2(ratio)), String(Int(bootSeconds * 1e9 / Double(size))),
            ])
        }
        print(TextTable.render(rows), terminator: "")
        if let small = images[10_000], let large = images[100_000] {
            print("scaling (boot 100k / boot 10k): \(format2(scaling(small, large)))x (goal <= 12)")
            print(jsonRow(small, large))
            print(TimelineBench.row(large))
        }
        for row in ExplorationBench.rows() { print(row) }
        ImportBench.rows().forEach { print($0) }
        hostileRows().forEach { print($0) }
        ModuleBench.rows().forEach { print($0) }
        print("overhead ratio (100k, no debug): \(format2(ratio100k))")
    }

    /// 100k boot time over 10k boot time, the two timed alternately (best of 25 each) so that
    /// both see the same machine: measurements taken seconds apart drift with other load.
    static func scaling(_ small: KernelImage, _ large: KernelImage) -> Double {
        var bestSmall = Double.infinity
        var bestLarge = Double.infinity
        for _ in 0..<25 {
            bestSmall = min(bestSmall, BenchTimer.timed { small.boot() }.1)
            bestLarge = min(bestLarge, BenchTimer.timed { large.boot() }.1)
        }
        return bestLarge / bestSmall
    }

    /// `boot --format json` of the 10k and 100k boots (with `initcall_debug`, so every call has
    /// its two records): the document must grow linearly with the boot.
    static func jsonRow(_ small: KernelImage, _ large: KernelImage) -> String {
        let smallBoot = small.boot(commandLine: "initcall_debug")
        let largeBoot = large.boot(commandLine: "initcall_debug")
        var bestSmall = Double.infinity
        var bestLarge = Double.infinity
        var bytes = 0
        for _ in 0..<5 {
            bestSmall = min(bestSmall, BenchTimer.timed { BootJSON.document(smallBoot).rendered() }.1)
            let (text, seconds) = BenchTimer.timed { BootJSON.document(largeBoot).rendered() }
            bestLarge = min(bestLarge, seconds)
            bytes = text.utf8.count
        }
        return "json render: 10k \(BenchTimer.ms(bestSmall)) ms, 100k \(BenchTimer.ms(bestLarge)) ms "
            + "(\(bytes / 1_000_000) MB), ratio \(format2(bestLarge / bestSmall)) (goal <= 12)"
    }

    /// Inputs that once took minutes on kilobytes (`initcall-bench --hostile` runs only these).
    static func hostileRows() -> [String] {
        HostileDescriptionBench.rows() + HostileInputBench.rows()
    }

    static func format2(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }
}
