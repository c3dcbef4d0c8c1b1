import Foundation
import InitcallSim
import InitcallSimCLI
import TestSupport
import Testing

/// Logs whose early calls were timed on the jiffies clocksource (`after 0 usecs`, `after 9765
/// usecs` for calls microseconds long): the import finds the tick and its phase, and the replay
/// prints the same lines at the same times.
@Suite struct JiffiesImportTests {
    static func description(_ release: String) -> String {
        """
        kernel "\(release)"
        cmdline "initcall_debug"
        timeline jiffies=4ms jiffies_phase=1700us
        initramfs /init
        object a.o
          core_initcall a_init time=30us
          core_initcall b_init time=2500us printk=+1ms:KERN_INFO:"b: halfway"
          postcore_initcall c_init time=9ms
          arch_initcall d_init time=120us
          subsys_initcall e_init time=5ms
          fs_initcall clocksource_done_booting time=7us printk=+2us:KERN_INFO:"clocksource: Switched to clocksource tsc"
          device_initcall f_init time=1500us
        """
    }

    @Test(arguments: ["2.6.29", "4.0", "5.17", "6.1"])
    func ourOwnJiffiesBootComesBack(release: String) throws {
        let original = try ImportCommandTests.dmesg(BootFile.parse(Self.description(release), file: "j.boot"))
        let text = ImportCommandTests.imported(original)
        #expect(text.contains("jiffies=4000000ns"), "\(text)")
        #expect(text.contains("(HZ=250)"))
        let again = try ImportCommandTests.dmesg(Fixtures.parse(text, file: "imported.boot"))
        #expect(ImportCommandTests.initcallLines(again) == ImportCommandTests.initcallLines(original))
        #expect(ImportCommandTests.initcallLines(original).count == 14)
    }

    /// Without its banner, a log whose ticks print `>> 10` proves a release before 5.18.
    @Test func shiftedTicksProveARelease() throws {
        let original = try ImportCommandTests.dmesg(BootFile.parse(Self.description("4.0"), file: "j.boot"))
        let log = SourceText.lines(original).filter { !$0.contains("Linux version") }.joined(separator: "\n")
        let text = ImportCommandTests.imported(log)
        #expect(text.contains("kernel \"5.17\""))
        #expect(text.contains("no banner: the release is taken as 5.17"))
        let again = try ImportCommandTests.dmesg(Fixtures.parse(text, file: "imported.boot"))
        #expect(ImportCommandTests.initcallLines(again) == ImportCommandTests.initcallLines(original))
    }

    /// A log timed on a fine clock gets no tick, and one whose durations are no whole ticks
    /// of any HZ neither.
    @Test func fineClocksGetNoTick() throws {
        let fine = try ImportCommandTests.dmesg(
            BootFile.parse(
                Self.description("6.1").replacingOccurrences(
                    of: "jiffies=4ms jiffies_phase=1700us", with: "printk=1us"), file: "f.boot"))
        #expect(!ImportCommandTests.imported(fine).contains("jiffies="))
    }
}
