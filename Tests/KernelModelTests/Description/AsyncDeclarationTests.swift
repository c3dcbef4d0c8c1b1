import KernelModel
import Testing

/// The `async` statement and the `async=` attribute: each error at its line and column.
@Suite struct AsyncDeclarationTests {
    static func diagnostic(_ body: String) -> String {
        do {
            _ = try BootFile.parse("kernel \"3.12.0\"\nobject a.o\n" + body, file: "async.boot")
            return "(no diagnostic)"
        } catch {
            return error.diagnostic.rendered()
        }
    }

    @Test func entriesAreDeclaredBeforeUse() {
        #expect(
            Self.diagnostic("  async probe time=1ms pid=7\n  device_initcall a_init async=probe\n") == "(no diagnostic)"
        )
        let undeclared = Self.diagnostic("  device_initcall a_init async=prob\n  async probe\n")
        #expect(undeclared.hasPrefix("async.boot:3:32: error: async entry 'prob' is not declared"))
        let twice = Self.diagnostic("  async probe\n  async probe pid=8\n")
        #expect(twice.contains("async.boot:4:9: error: async entry 'probe' is already declared at line 3"))
        #expect(twice.contains("async probe_2 function=probe"))
        #expect(Self.diagnostic("async probe\n").contains("error: 'async' outside an object") == false)
    }

    @Test func badValuesAreErrors() {
        #expect(Self.diagnostic("  async probe pid=0\n").contains("3:19: error: invalid pid '0'"))
        #expect(
            Self.diagnostic("  async probe delay=soon\n").contains("3:21: error: invalid duration 'soon' for delay="))
        #expect(Self.diagnostic("  async probe synchronize=full\n").contains("error: expected synchronize=cookie"))
        #expect(Self.diagnostic("  async 1_probe\n").contains("error: expected a function name after 'async'"))
        #expect(
            Self.diagnostic("  async probe function=1x\n").contains("error: expected a function name for function="))
        #expect(Self.diagnostic("  async probe when=now\n").contains("error: unknown setting 'when' for 'async'"))
        #expect(
            Self.diagnostic("  async probe time=1ms printk=+2ms:KERN_INFO:\"x\"\n")
                .contains("error: async entry 'probe': a printk= line at +2ms is after its time=1ms"))
        #expect(
            Self.diagnostic("  async probe\n  device_initcall a_init time=1ms async=+2ms:probe\n")
                .contains("4:41: error: async=probe at +2ms is after the call's time=1ms"))
        #expect(
            Self.diagnostic("  async probe\n  device_initcall a_init async=+soon:probe\n")
                .contains("error: invalid time '+soon' for async="))
    }

    @Test func outsideAnObject() throws {
        let error = #expect(throws: BootDescriptionError.self) {
            try BootFile.parse("async probe\n", file: "async.boot")
        }
        #expect(error?.diagnostic.rendered().contains("async.boot:1:1: error: 'async' outside an object") == true)
    }
}

extension AsyncDeclarationTests {
    @Test func releasesBeforeAsyncHaveNone() {
        let text = "kernel \"2.6.28\"\nobject a.o\n  async probe\n"
        do {
            _ = try BootFile.parse(text, file: "async.boot")
            Issue.record("no diagnostic")
        } catch {
            #expect(
                error.diagnostic.rendered().hasPrefix(
                    "async.boot:3:3: error: 'async' needs kernel/async.c, which Linux 2.6.28 does not have"))
        }
        #expect((try? BootFile.parse("kernel \"2.6.29\"\nobject a.o\n  async probe\n", file: "a.boot")) != nil)
    }
}
