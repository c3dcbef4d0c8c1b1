import KernelLink
import Reports

/// `boot --format perfetto` and `--format svg` of the 100k boot (with `initcall_debug`): both
/// renderers are linear in records and runs, so they cost about what the JSON document does.
enum TimelineBench {
    static func row(_ large: KernelImage) -> String {
        let boot = large.boot(commandLine: "initcall_debug")
        var perfetto = Double.infinity
        var svg = Double.infinity
        var perfettoBytes = 0
        var svgBytes = 0
        for _ in 0..<3 {
            let (trace, traceSeconds) = BenchTimer.timed { PerfettoTrace.render(boot) }
            perfetto = min(perfetto, traceSeconds)
            perfettoBytes = trace.utf8.count
            let (picture, pictureSeconds) = BenchTimer.timed { TimelineSVG.render(boot) }
            svg = min(svg, pictureSeconds)
            svgBytes = picture.utf8.count
        }
        return "timeline render (100k): perfetto \(BenchTimer.ms(perfetto)) ms (\(perfettoBytes / 1_000_000) MB), "
            + "svg \(BenchTimer.ms(svg)) ms (\(svgBytes / 1_000) kB)"
    }
}
