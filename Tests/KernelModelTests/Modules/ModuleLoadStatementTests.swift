import InitcallSim
import TestSupport
import Testing

/// `load NAME [at=] [pid=] [comm=] [args=]`: the modules user space loads after init.
@Suite struct ModuleLoadStatementTests {
    static let modules = """
        module crc32c_intel
          MODULE_LICENSE "GPL"
          module_init crc32c_intel_mod_init
        module serio_raw
          MODULE_LICENSE "GPL"
          module_init serio_raw_init
        module par build=y
          module_init par_init

        """

    func parse(_ text: String) throws -> KernelDescription { try Fixtures.parse(text, file: "loads.boot") }

    func diagnostic(_ text: String) -> String { Fixtures.diagnostic(text, file: "loads.boot") }

    @Test func loadsKeepTheirOrderAndSettings() throws {
        let description = try parse(
            """
            load serio_raw
            load crc32c_intel at=2.307595s pid=180 comm=systemd-udevd args="a=1 b=\\"x y\\""

            """ + Self.modules)
        #expect(description.loads.map(\.module) == ["serio_raw", "crc32c_intel"])
        let first = try #require(description.loads.first)
        #expect(first.at == nil && first.pid == 200 && first.comm == "modprobe" && first.args == "")
        #expect(first.source?.line == 1 && first.source?.column == 6)
        let second = description.loads[1]
        #expect(second.at == 2_307_595_000)
        #expect(second.pid == 180 && second.comm == "systemd-udevd")
        #expect(second.args == "a=1 b=\"x y\"")
    }

    /// Each statement (the modules after it) and the start of its diagnostic.
    static let mistakes: [(String, String)] = [
        ("load", "1:6: error: 'load' expects a module name"),
        ("load 9x", "1:6: error: 'load' expects a module name"),
        ("load serio_raw at=soon", "1:19: error: invalid time 'soon' for at="),
        ("load serio_raw pid=0", "1:20: error: invalid pid '0'"),
        ("load serio_raw pid=4194305", "1:20: error: invalid pid '4194305'"),
        ("load serio_raw comm=a-very-long-task-name", "1:21: error: invalid task name"),
        ("load serio_raw when=1s", "1:16: error: unknown setting 'when' for 'load'"),
        ("load serio_raw pid=1 pid=2", "1:22: error: 'pid=' is given twice"),
    ]

    @Test(arguments: mistakes)
    func mistakesAreReportedAtTheirPlace(_ statement: String, _ expected: String) {
        let text = diagnostic(statement + "\n" + Self.modules)
        #expect(text.hasPrefix("loads.boot:" + expected), "\(text)")
    }

    @Test func aLoadNamesAModuleBuiltAsOneOnce() {
        let unknown = diagnostic(Self.modules + "load serio_rav\n")
        #expect(unknown.hasPrefix("loads.boot:9:6: error: 'load' of unknown module 'serio_rav'"))
        #expect(unknown.contains("did you mean 'serio_raw'?"))
        #expect(
            diagnostic(Self.modules + "load par\n").hasPrefix(
                "loads.boot:9:6: error: 'load' of built-in module 'par'"))
        #expect(
            diagnostic(Self.modules + "load serio_raw\nload serio_raw pid=7\n").hasPrefix(
                "loads.boot:10:6: error: module 'serio_raw' is already loaded by line 9"))
    }
}
