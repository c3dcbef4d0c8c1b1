import KernelLink
import KernelModel
import SourceInput
import TestSupport
import Testing

/// The parameter statements of `.boot` files and their diagnostics: syntax at parse time, what
/// the compiler would reject (`VERIFY_OCTAL_PERMISSIONS()`, initializers) at link time, and
/// `-Wformat` for `printk=` formats.
@Suite("parameter declarations")
struct ParameterDeclarationTests {
    let golden = Golden("KernelModelTests")

    static let header = "object drivers/misc/par.o\n"

    func parse(_ body: String) throws -> KernelDescription {
        try BootFile.parse(Self.header + body, file: "par.boot")
    }

    /// The diagnostic a declaration gets, at parse or link time, rendered with its line.
    func diagnostic(_ body: String) -> String {
        do {
            let description = try parse(body)
            _ = try Linker.link(description)
            return "(no diagnostic)"
        } catch let error as BootDescriptionError {
            return error.diagnostic.rendered()
        } catch let error as LinkError {
            if case .parameter(let diagnostic) = error { return diagnostic.rendered() }
            return error.description
        } catch {
            return "\(error)"
        }
    }

    @Test func theIssueFormDeclaresThreeParameters() throws {
        let description = try parse(
            """
              module_param age int 0644 default=25
              module_param_array arr int 0444 max=10 default=6,7,8,9,10
              module_param_string name 0644 size=16 default="par"
              module_init par_init
            """)
        let object = try #require(description.objects.first)
        #expect(object.modname == "par")
        #expect(object.params.map(\.name) == ["age", "arr", "name"])
        #expect(object.params.map(\.typeName) == ["int", "array of int", "string"])
        #expect(object.params[0].defaultValue == .signed(25))
        #expect(object.params[1].kind == .array(.int, max: 10, nump: true))
        #expect(object.params[1].countVariable == "arr_count")
        #expect(object.params[2].kind == .string(size: 16))
        #expect(object.params.map(\.permission.mode) == [0o644, 0o444, 0o644])
    }

    @Test func everyMacroAndItsLevel() throws {
        let description = try parse(
            """
              modname my_mod
              module_param_named level debug_level byte S_IRUGO|S_IWUSR
              module_param_array_named vals values ushort 0444 max=2 count=NULL
              module_param_cb speed param_ops_uint 0644
              core_param verbose bool 0644
              core_param quiet2 quiet_var bool 0
              core_param_cb a int 0644
              postcore_param_cb b int 0644
              arch_param_cb c int 0644
              subsys_param_cb d int 0644
              fs_param_cb e int 0644
              device_param_cb f int 0644
              late_param_cb g int 0644
              __level_param_cb h int 0644 0
              MODULE_PARM_DESC level "how loud"
            """)
        let object = try #require(description.objects.first)
        #expect(object.modname == "my_mod")
        #expect(object.params.map(\.level) == [-1, -1, -1, -1, -1, 1, 2, 3, 4, 5, 6, 7, 0])
        #expect(object.params[0].variable == "debug_level")
        #expect(object.params[0].permission.mode == 0o644)
        #expect(object.params[1].kind == .array(.ushort, max: 2, nump: false))
        #expect(object.params[1].countVariable == nil)
        #expect(object.params[3].prefixed == false)
        #expect(object.params[4].variable == "quiet_var")
        #expect(
            object.paramDescriptions == [
                ParamDescription(name: "level", text: "how loud", source: object.paramDescriptions[0].source)
            ])
        let entries = ParamEntry.table(description.objects)
        #expect(
            entries.map(\.fullName).prefix(5) == ["my_mod.level", "my_mod.vals", "my_mod.speed", "verbose", "quiet2"])
        #expect(entries[0].sysfsPath == "/sys/module/my_mod/parameters/level")
        #expect(entries[3].sysfsPath == "/sys/module/kernel/parameters/verbose")
        #expect(entries[4].sysfsPath == nil)
    }

    @Test func modnameDefaultsToTheBaseNameAsKbuildFixesIt() {
        #expect(ObjectFile.defaultModname("drivers/net/enc28j60.o") == "enc28j60")
        #expect(ObjectFile.defaultModname("drivers/misc/foo-bar.o") == "foo_bar")
        #expect(ObjectFile.defaultModname("a,b.o") == "a_b")
        #expect(ObjectFile.defaultModname("plain") == "plain")
    }

    @Test(arguments: [
        (0o644, nil), (0o444, nil), (0o600, nil), (0o664, nil), (0o400, nil), (0, nil), (0o111, nil), (0o220, nil),
        (0o666, ParamPermission.Violation.otherWritable), (0o646, .otherWritable), (0o202, .otherWritable),
        (0o044, .groupReadableButNotUser), (0o404, .otherReadableButNotGroup), (0o464, .groupWritableButNotUser),
        (0o624, .otherReadableButNotGroup), (0o460, .groupWritableButNotUser), (0o1000, .tooLarge), (644, .tooLarge),
        (-1, .negative),
    ])
    func verifyOctalPermissions(_ mode: Int, _ violation: ParamPermission.Violation?) {
        #expect(ParamPermission(mode: mode, spelling: nil).violation == violation)
    }

    @Test func permissionSpellings() throws {
        #expect(try ParamPermission.parse("0644").get().mode == 0o644)
        #expect(try ParamPermission.parse("420").get().mode == 420)
        #expect(try ParamPermission.parse("0x1a4").get().mode == 0o644)
        #expect(try ParamPermission.parse("S_IRUGO|S_IWUSR").get().mode == 0o644)
        #expect(try ParamPermission.parse("0444|0200").get().mode == 0o644)
        #expect(try ParamPermission.parse("0").get().mode == 0)
        #expect(throws: ParamPermission.ParseError.self) { try ParamPermission.parse("0999").get() }
        #expect(throws: ParamPermission.ParseError.self) { try ParamPermission.parse("rw").get() }
        #expect(throws: ParamPermission.ParseError.self) { try ParamPermission.parse("").get() }
    }

    @Test func levelHelpersComeFromTheLevelTable() throws {
        let levels = try LevelTable.linux6.insertingLevel("prev_device", after: "fs")
        #expect(levels.paramLevel(forMacro: "prev_device_param_cb") == 6)
        #expect(levels.paramLevel(forMacro: "device_param_cb") == 7)
        #expect(levels.paramLevel(forMacro: "pure_param_cb") == nil)
        #expect(LevelTable.linux6.paramLevel(forMacro: "late_param_cb") == 7)
        #expect(LevelTable.linux6.paramMacroNames.first == "core_param_cb")
    }

    /// Every diagnostic of a parameter declaration, with its place and notes.
    static let badDeclarations: [(String, String)] = [
        ("world-writable", "  module_param age int 0666\n"),
        ("other-write", "  module_param age int 0202\n"),
        ("group-read-not-user", "  module_param age int 0044\n"),
        ("other-read-not-group", "  module_param age int 0404\n"),
        ("group-write-not-user", "  module_param age int 0464\n"),
        ("decimal", "  module_param age int 644\n"),
        ("too-large", "  module_param age int 01777\n"),
        ("octal-digit", "  module_param age int 0999\n"),
        ("not-a-mode", "  module_param age int rw-r--r--\n"),
        ("unknown-type", "  module_param age integer 0644\n"),
        ("string-type", "  module_param name string 0644\n"),
        ("missing-perm", "  module_param age int\n"),
        ("missing-type", "  module_param age\n"),
        ("bad-name", "  module_param 9age int 0644\n"),
        ("bad-default", "  module_param age int 0644 default=twenty\n"),
        ("default-overflow", "  module_param level byte 0644 default=300\n"),
        ("default-negative-unsigned", "  module_param n uint 0644 default=-1\n"),
        ("default-bool", "  module_param flag bool 0644 default=maybe\n"),
        ("too-many-defaults", "  module_param_array arr int 0444 max=2 default=1,2,3\n"),
        ("empty-default-element", "  module_param_array arr int 0444 max=3 default=1,,3\n"),
        ("missing-max", "  module_param_array arr int 0444\n"),
        ("zero-max", "  module_param_array arr int 0444 max=0\n"),
        ("string-too-long", "  module_param_string name 0644 size=4 default=\"toolong\"\n"),
        ("missing-size", "  module_param_string name 0644\n"),
        ("unknown-attribute", "  module_param age int 0644 max=3\n"),
        ("duplicate", "  module_param age int 0644\n  module_param age int 0444\n"),
        ("pure-param-cb", "  pure_param_cb x int 0644\n"),
        ("unknown-level-helper", "  subsystem_param_cb x int 0644\n"),
        ("bad-level", "  __level_param_cb x int 0644 9\n"),
        ("long-modname", "  modname \(String(repeating: "m", count: 56))\n  module_param age int 0644\n"),
        ("bad-modname", "  modname 9x\n"),
        ("parm-desc", "  MODULE_PARM_DESC age\n"),
        ("setup-no-fn", "  __setup \"foo=\"\n"),
        ("setup-attr", "  __setup \"foo=\" foo_setup time=1ms\n"),
        ("outside-object", ""),
        ("format-missing", "  module_param age int 0644\n  module_init f printk=KERN_INFO:\"age=%d\\n\"\n"),
        ("format-mismatch", "  module_param name charp 0644\n  module_init f printk=KERN_INFO:\"name=%d\\n\",name\n"),
        ("format-long", "  module_param n long 0644\n  module_init f printk=\"%d\\n\",n\n"),
        ("format-extra", "  module_param age int 0644\n  module_init f printk=\"age\\n\",age\n"),
        ("format-undeclared", "  module_param age int 0644\n  module_init f printk=\"%d\\n\",agee\n"),
        ("format-array-bounds", "  module_param_array arr int 0444 max=10\n  module_init f printk=\"%d\\n\",arr[10]\n"),
        ("format-subscript", "  module_param age int 0644\n  module_init f printk=\"%d\\n\",age[1]\n"),
        ("format-whole-array", "  module_param_array arr int 0444 max=10\n  module_init f printk=\"%d\\n\",arr\n"),
        ("format-float", "  module_init f printk=\"%f\\n\"\n"),
        ("format-n", "  module_init f printk=\"%n\\n\"\n"),
        ("format-star", "  module_param age int 0644\n  module_init f printk=\"%*d\\n\",age\n"),
        ("format-unknown", "  module_init f printk=\"%q\\n\"\n"),
        ("format-trailing", "  module_init f printk=\"50%\"\n"),
        ("format-plain-p", "  module_init f printk=\"%p\\n\",f\n"),
        ("format-ps-param", "  module_param age int 0644\n  module_init f printk=\"%pS\\n\",age\n"),
        ("format-bad-argument", "  module_init f printk=\"%d\\n\",1+2\n"),
        ("format-str-outside-handler", "  module_init f printk=\"%s\\n\",str\n"),
        ("format-handler-str", "  __setup \"foo=\" foo_setup printk=\"foo %d\\n\",str\n"),
    ]

    @Test func everyDeclarationDiagnosticMatchesGolden() throws {
        var report = ""
        for (name, body) in Self.badDeclarations {
            let text = name == "outside-object" ? "module_param age int 0644\n" : Self.header + body
            let rendered: String
            if name == "outside-object" {
                do {
                    _ = try BootFile.parse(text, file: "par.boot")
                    rendered = "(no diagnostic)"
                } catch {
                    rendered = error.diagnostic.rendered()
                }
            } else {
                rendered = diagnostic(body)
            }
            #expect(rendered != "(no diagnostic)", "\(name)")
            report += "== \(name)\n\(text)--\n\(rendered)\n\n"
        }
        try golden.check(report, against: "parameter-diagnostics.txt")
    }

    @Test func goodFormatsPass() throws {
        let description = try parse(
            """
              module_param age int 0644
              module_param b byte 0644
              module_param s short 0644
              module_param u uint 0644
              module_param h hexint 0644
              module_param l long 0644
              module_param ul ulong 0644
              module_param ull ullong 0644
              module_param cp charp 0644
              module_param flag bool 0644
              module_param_array arr int 0444 max=4
              module_param_string name 0644 size=8
              module_init f printk=KERN_INFO:"%d %hhu %hd %u %#x %ld %lu %llu %s %d %d %u %s %c %pS %ps %zu %5d %-3s|%%\\n",age,b,s,u,h,l,ul,ull,cp,flag,arr[3],arr_count,name,age,f,f,ul,age,cp
              __setup "foo=" foo_setup printk="foo %s %d\\n",str,par.age
            """)
        #expect(description.objects[0].entries.count == 1)
    }
}
