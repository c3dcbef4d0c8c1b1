import InitcallSim
import Testing

/// kernel/async.c's worker lines in logs as they come: entries before any call, repeated or
/// garbled cookies, impossible pids and names that collide still give a description that reads.
@Suite struct AsyncImportTests {
    static func text(_ log: String) -> String { DmesgImport.read(log).bootFile(source: "async.dmesg") }

    @Test func oddWorkerLinesStillGiveADescriptionThatReads() throws {
        let log = """
            [    0.010000] calling  1_early_probe+0x0/0x20 @ 5
            [    0.100000] calling  foo_init+0x0/0x20 @ 1
            [    0.100100] calling  2_probe+0x0/0x20 @ 7
            [    0.100200] calling  2_probe+0x0/0x20 @ 8
            [    0.100300] calling  3_probe+0x0/0x20 @ 0
            [    0.100400] calling  4_probe_5+0x0/0x20 @ 10
            [    0.100500] calling  5_probe+0x0/0x20 @ 11
            [    0.100600] async_waiting @ 11
            [    0.100700] async_continuing @ 11 after x usec
            [    0.100800] calling  6_probe+0x0/0x20 @ 4194305
            [    0.200000] initcall foo_init+0x0/0x20 returned 0 after 97 usecs
            [    0.300000] initcall 2_probe+0x0/0x20 returned 0 after 195 usecs
            [    0.300100] initcall 9_probe+0x0/0x20 returned 0 after 1 usecs
            """
        let text = Self.text(log)
        #expect((try? BootFile.parse(text, file: "imported.boot")) != nil, "\(text)")
        // Before any call: nothing scheduled it, kept as a comment.
        #expect(text.contains("# [    0.010000] calling  1_early_probe+0x0/0x20 @ 5\n"))
        // A cookie seen twice: the second entry (and the returned line it took) are comments.
        #expect(text.contains("# [    0.100200] calling  2_probe+0x0/0x20 @ 8\n"))
        #expect(text.contains("# [    0.300000] initcall 2_probe+0x0/0x20 returned 0 after 195 usecs\n"))
        // pid 0 and a pid beyond PID_MAX_LIMIT: comments.
        #expect(text.contains("# [    0.100300] calling  3_probe+0x0/0x20 @ 0\n"))
        #expect(text.contains("# [    0.100800] calling  6_probe+0x0/0x20 @ 4194305\n"))
        // A second entry of probe whose cookie-named handle a function already has.
        #expect(text.contains("\n  async probe pid=7 "))
        #expect(text.contains("\n  async probe_5 pid=10 "))
        #expect(text.contains("\n  async probe_5_ function=probe pid=11 "))
        #expect(text.contains(" synchronize=cookie"))
        // A garbled continuing line, and a returned line of no entry, stay where they were.
        #expect(text.contains("# [    0.100700] async_continuing @ 11 after x usec\n"))
        #expect(text.contains("# [    0.300100] initcall 9_probe+0x0/0x20 returned 0 after 1 usecs\n"))
    }

    /// A banner older than kernel/async.c: its worker-like lines stay comments.
    @Test func releasesBeforeAsyncKeepThemAsComments() {
        let log = """
            [    0.000000] Linux version 2.6.28 (a@b) (gcc version 4.3.2) #1 SMP Mon Jan 5 00:00:00 UTC 2009
            [    0.100000] calling  foo_init+0x0/0x20 @ 1
            [    0.100100] calling  1_probe+0x0/0x20 @ 7
            [    0.200000] initcall foo_init+0x0/0x20 returned 0 after 97 usecs
            """
        let text = Self.text(log)
        #expect(text.contains("# [    0.100100] calling  1_probe+0x0/0x20 @ 7\n"))
        #expect((try? BootFile.parse(text, file: "imported.boot")) != nil)
    }

    @Test func manyEntriesStayLinear() {
        var log = "[    0.100000] calling  foo_init+0x0/0x20 @ 1\n"
        for cookie in 1...2_000 {
            log += "[    0.100100] calling  \(cookie)_probe+0x0/0x20 @ \(cookie + 10)\n"
        }
        log += "[    0.200000] initcall foo_init+0x0/0x20 returned 0 after 97 usecs\n"
        let text = Self.text(log)
        #expect(text.components(separatedBy: "\n  async ").count == 2_001)
        #expect((try? BootFile.parse(text, file: "imported.boot")) != nil)
    }
}
