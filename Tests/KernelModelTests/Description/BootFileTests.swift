import KernelLink
import KernelModel
import SourceInput
import TestSupport
import Testing

@Suite(".boot files")
struct BootFileTests {
    static let memoryLoader: BootFile.FileLoader = { path in
        if path.hasSuffix("good.lds") {
            return "SECTIONS { .init.data : { __initcall_start = .; KEEP(*(.initcallearly.init)) } }"
        }
        if path.hasSuffix("bad.lds") { return "SECTIONS {\n  .x : { *(.a) \n" }
        throw CocoaLikeError.missing
    }

    enum CocoaLikeError: Error { case missing }

    @Test func parsesStatementsAndAttributes() throws {
        let description = try BootFile.parse(
            """
            # a comment
            kernel "6.15.2-custom"
            arch arm64
            cpus 8
            hardware "Board X"
            cmdline "initcall_debug quiet"   # trailing comment
            disk vda size=1G fs=ext4 holds=/bin/sh
            initramfs /init /bin/sh
            object drivers/net/enc28j60.o
              module_init enc28j60_init time=3ms requires=spi,clk returns=-ENODEV printk=KERN_ERR:"enc28j60: no chip" size=0x1f0
              module_exit enc28j60_exit
            object lib/x.o
              __define_initcall x_init 6s sleep=2.5ms preempt=+1 irqs=off printk="plain: text" provides=x on-missing=-EPROBE_DEFER
            """, file: "t.boot", loader: Self.memoryLoader)
        #expect(description.version.release == "6.15.2-custom")
        #expect(description.architecture == .arm64)
        #expect(description.cpus == 8)
        #expect(description.hardwareName == "Board X")
        #expect(description.commandLine == "initcall_debug quiet")
        #expect(description.disks.map(\.name) == ["vda"])
        #expect(description.disks[0].holds == ["/bin/sh"])
        #expect(description.disks[0].number == DeviceNumber(254, 0))
        #expect(description.initramfs == ["/init", "/bin/sh"])
        let enc = description.objects[0].entries
        #expect(enc.map(\.macro) == ["module_init", "module_exit"])
        #expect(enc[0].section == ".initcall6.init")
        #expect(enc[0].function.size == 0x1f0)
        #expect(enc[0].function.requires == ["spi", "clk"])
        #expect(enc[0].sourceLine == 10)
        #expect(enc[1].section == ".exitcall.exit")
        let x = description.objects[1].entries[0]
        #expect(x.section == ".initcall6s.init")
        #expect(x.function.provides == ["x"])
    }

    @Test func declaredBehaviourRunsInItsDocumentedOrder() throws {
        let description = try BootFile.parse(
            """
            cmdline "initcall_debug"
            object a.o
              subsys_initcall bus_init time=10us provides=bus
              device_initcall dev_init time=1ms requires=bus,clk printk=KERN_INFO:"dev: probing" printk=done
              device_initcall late_init requires=clk on-missing=0 provides=late
            """, file: "t.boot")
        let result = try Linker.link(description).boot()
        let lines = TestKernel.lines(result)
        #expect(lines.contains("initcall dev_init+0x0/0x90 returned -19 after 1002 usecs"))
        #expect(result.records.first { $0.text == "dev: probing" }?.level == .KERN_INFO)
        #expect(result.records.first { $0.text == "done" }?.level == .KERN_DEFAULT)
        #expect(result.resources(of: 1, .missing) == ["clk"])
        // on-missing=0: the call succeeds and provides.
        #expect(result.runs[2].ret == 0)
        #expect(result.resources(of: 2, .provided) == ["late"])
    }

    /// The text of quoted words lives in the lexer's scratch until the next line: a line of
    /// more strings than one scratch chunk holds (4096 bytes), and a string longer than a chunk,
    /// keep every word's text, and the next line's words do not overwrite them.
    @Test func longLinesOfStringsKeepEveryWord() throws {
        let messages = (0..<300).map { "message \($0): " + String(repeating: "x", count: 30) }
        let long = String(repeating: "y", count: 10_000)
        let strings = messages.map { "printk=KERN_INFO:\"\($0)\"" }.joined(separator: " ")
        let description = try BootFile.parse(
            """
            cmdline "initcall_debug"
            object a.o
              device_initcall many_init \(strings) printk="\(long)" printk=KERN_INFO:"tail\\tend"
              device_initcall next_init printk="short"
            """, file: "t.boot")
        let result = try Linker.link(description).boot()
        let texts = result.records.map(\.text)
        let printed = texts.filter { $0.hasPrefix("message ") || $0.hasPrefix("yyy") || $0.hasPrefix("tail") }
        #expect(printed == messages + [long, "tail\tend"])
        #expect(texts.contains("short"))
    }

    @Test func linkerScriptIsReadRelativeToTheFile() throws {
        let description = try BootFile.parse(
            "linker-script \"scripts/good.lds\"\n", file: "/boards/x/board.boot",
            loader: { path in
                #expect(path == "/boards/x/scripts/good.lds")
                return try Self.memoryLoader(path)
            })
        #expect(description.linkerScript?.file == "/boards/x/scripts/good.lds")
    }

    /// Each case: the text with `¦` at the expected column, and the start of the message.
    @Test(arguments: [
        ("kernel \"x\"\n¦kernal \"x\"", "unknown statement 'kernal'"),
        ("¦core_initcall foo_init", "'core_initcall' outside an object"),
        ("object a.o\n  core_initcall ¦9foo", "expected a function name after 'core_initcall'"),
        ("object a.o\n  core_initcall foo_init ¦tme=3ms", "unknown attribute 'tme'"),
        ("object a.o\n  core_initcall foo_init time=¦3 ms", "invalid duration '3' for time="),
        ("object a.o\n  core_initcall foo_init returns=¦ENODEV", "errno names are returned negated"),
        ("object a.o\n  core_initcall foo_init returns=¦-ENODEVV", "invalid return value '-ENODEVV'"),
        ("object a.o\n  core_initcall foo_init preempt=¦lots", "invalid preempt count 'lots'"),
        ("object a.o\n  core_initcall foo_init irqs=¦maybe", "expected irqs=off or irqs=on"),
        ("object a.o\n  core_initcall foo_init printk=¦KERN_LOUD:hi", "unknown log level 'KERN_LOUD'"),
        ("object a.o\n  core_initcall foo_init on-missing=¦retry", "invalid on-missing action 'retry'"),
        ("object a.o\n  core_initcall foo_init size=¦0x0", "invalid symbol size '0x0'"),
        ("object a.o\n  core_initcall foo_init address=¦0xffffffff81a50e82f", "invalid function address"),
        ("object a.o\n  core_initcall foo_init address=¦81a50e82", "invalid function address '81a50e82'"),
        ("object a.o\n  core_initcall foo_init address=¦0x+ff", "invalid function address '0x+ff'"),
        ("object a.o\n  core_initcall foo_init flush=¦5", "invalid duration '5' for flush="),
        ("timeline jiffies=4ms jiffies_phase=¦4ms", "jiffies_phase=4ms is not within a tick of jiffies=4ms"),
        ("timeline jiffies_phase=¦1ms", "jiffies_phase=1ms is not within a tick (no jiffies= given)"),
        (
            "object a.o\n  core_initcall foo_init time=2us printk=¦+3us:\"late\"",
            "printk= line at +3us is after the call's time=2us"
        ),
        (
            "object a.o\n  core_initcall foo_init printk=¦+1ns:\"no time\"",
            "printk= line at +1ns is after the call's time=0ns"
        ),
        (
            "object a.o\n  core_initcall foo_init time=9us printk=+5us:a printk=¦+4us:b",
            "printk= line at +4us is before the line before it (+5us)"
        ),
        (
            "object a.o\n  core_initcall foo_init time=9us printk=¦+5:KERN_INFO:a",
            "invalid time '+5' for a printk= line"
        ),
        ("object a.o\n  core_initcall foo_init time=9us printk=¦+2us:KERN_NOPE:a", "unknown log level 'KERN_NOPE'"),
        ("object a.o\n  core_initcall foo_init requires=¦,", "expected a comma-separated list"),
        ("object a.o\n  core_initcall foo_init ¦time", "expected an attribute 'name=value'"),
        ("object a.o\n  core_initcall foo_init printk=¦\"open", "unterminated string"),
        ("object a.o\n  core_initcall foo_init printk=\"bad ¦\\q\"", "unknown escape '\\q'"),
        ("object a.o\n  __define_initcall foo_init ¦6-s", "expected an initcall id"),
        ("object a.o\nobject ¦a.o", "object 'a.o' is already defined at line 1"),
        ("arch ¦sparc", "unknown architecture 'sparc'"),
        ("cpus ¦0", "invalid CPU count '0'"),
        ("cmdline \"a\" ¦\"b\"", "'cmdline' takes one argument"),
        ("initramfs ¦yes", "expected an absolute path in the initramfs, found 'yes'"),
        ("linker-script ¦\"missing.lds\"", "cannot read linker script"),
        ("object a.o\n  core_initcall foo_init time=¦100000s", "invalid duration '100000s'"),
        ("object a.o\n  core_initcall foo_init time=¦1.5ns", "invalid duration '1.5ns'"),
    ])
    func errorsPointAtTheOffendingColumn(_ marked: String, _ message: String) {
        let input = MarkedText(marked)
        do {
            _ = try BootFile.parse(input.text, file: "e.boot", loader: Self.memoryLoader)
            Issue.record("expected an error: \(message)")
        } catch {
            let diagnostic = error.diagnostic
            #expect(diagnostic.location == SourceLocation(file: "e.boot", line: input.line, column: input.column))
            #expect(diagnostic.message.hasPrefix(message), "\(diagnostic.message)")
            #expect(diagnostic.sourceLine != nil)
        }
    }

    @Test func suggestionsNameTheClosestKeyword() throws {
        do {
            _ = try BootFile.parse("object a.o\n  core_initcal foo", file: "e.boot")
        } catch {
            #expect(error.diagnostic.notes == ["did you mean 'core_initcall'?"])
        }
    }

    @Test func linkerScriptSyntaxErrorsKeepTheScriptsLocation() {
        do {
            _ = try BootFile.parse("linker-script \"bad.lds\"", file: "e.boot", loader: Self.memoryLoader)
            Issue.record("expected an error")
        } catch {
            guard case .linkerScript = error else {
                Issue.record("expected a linker-script error, got \(error)")
                return
            }
            #expect(error.diagnostic.location.file == "bad.lds")
        }
    }

    @Test func renderedDiagnosticShowsTheLineAndACaret() {
        do {
            _ = try BootFile.parse("object a.o\n  core_initcall foo_init tme=3ms", file: "e.boot")
        } catch {
            #expect(
                error.diagnostic.rendered() == """
                    e.boot:2:26: error: unknown attribute 'tme'
                        core_initcall foo_init tme=3ms
                                               ^
                    note: did you mean 'time'?
                    """)
        }
    }
}
