import KernelModel
import Testing

@testable import KernelBoot

/// `kstrto*()` (lib/kstrtox.c) through `param_set_<type>()`: the limits of every integer type
/// in every base, signs on unsigned types, `0x` and `0` prefixes, and -ERANGE against -EINVAL.
@Suite("kstrtox and param_set_<integer>")
struct KstrtoxTests {
    struct Case: Sendable, CustomStringConvertible {
        var type: ParamType
        var text: String
        /// The value set, or the negative errno.
        var expected: Result
        enum Result: Sendable, Equatable {
            case value(ParamValue)
            case errno(Int32)
        }
        var description: String { "\(type.rawValue) '\(text)'" }
    }

    static func ok(_ type: ParamType, _ text: String, _ value: Int64) -> Case {
        Case(type: type, text: text, expected: .value(type.isSigned ? .signed(value) : .unsigned(UInt64(value))))
    }
    static func ok(_ type: ParamType, _ text: String, unsigned value: UInt64) -> Case {
        Case(type: type, text: text, expected: .value(.unsigned(value)))
    }
    static func range(_ type: ParamType, _ text: String) -> Case {
        Case(type: type, text: text, expected: .errno(-Errno.ERANGE))
    }
    static func invalid(_ type: ParamType, _ text: String) -> Case {
        Case(type: type, text: text, expected: .errno(-Errno.EINVAL))
    }

    static let limits: [Case] = [
        // byte: kstrtou8
        ok(.byte, "0", 0), ok(.byte, "255", 255), range(.byte, "256"), ok(.byte, "0xff", 255), ok(.byte, "0XFF", 255),
        range(.byte, "0x100"), ok(.byte, "0377", 255), range(.byte, "0400"), invalid(.byte, "-1"),
        invalid(.byte, "-0"), ok(.byte, "+5", 5), ok(.byte, "+0x10", 16),
        // short: kstrtos16
        ok(.short, "-32768", -32768), ok(.short, "32767", 32767), range(.short, "32768"), range(.short, "-32769"),
        ok(.short, "0x7fff", 32767), range(.short, "0x8000"), ok(.short, "-0x8000", -32768),
        ok(.short, "077777", 32767),
        range(.short, "0100000"), ok(.short, "-0100000", -32768), ok(.short, "-0", 0), ok(.short, "+7", 7),
        // ushort: kstrtou16
        ok(.ushort, "65535", 65535), range(.ushort, "65536"), ok(.ushort, "0xffff", 65535), range(.ushort, "0x10000"),
        ok(.ushort, "0177777", 65535), invalid(.ushort, "-1"),
        // int: kstrtoint
        ok(.int, "2147483647", 2_147_483_647), ok(.int, "-2147483648", -2_147_483_648), range(.int, "2147483648"),
        range(.int, "-2147483649"), ok(.int, "0x7fffffff", 2_147_483_647), range(.int, "0x80000000"),
        ok(.int, "-0x80000000", -2_147_483_648), ok(.int, "017777777777", 2_147_483_647),
        range(.int, "020000000000"), ok(.int, "+0", 0),
        // uint: kstrtouint
        ok(.uint, "4294967295", 4_294_967_295), range(.uint, "4294967296"), ok(.uint, "0xffffffff", 4_294_967_295),
        range(.uint, "0x100000000"), ok(.uint, "037777777777", 4_294_967_295), invalid(.uint, "-1"),
        ok(.uint, "+1", 1),
        // long: kstrtol (64 bits)
        ok(.long, "9223372036854775807", .max), ok(.long, "-9223372036854775808", .min),
        range(.long, "9223372036854775808"), range(.long, "-9223372036854775809"),
        ok(.long, "0x7fffffffffffffff", .max), range(.long, "0x8000000000000000"),
        ok(.long, "-0x8000000000000000", .min), ok(.long, "0777777777777777777777", .max),
        range(.long, "01000000000000000000000"),
        // ulong / ullong: kstrtoul / kstrtoull
        ok(.ulong, "18446744073709551615", unsigned: .max), range(.ulong, "18446744073709551616"),
        ok(.ullong, "0xffffffffffffffff", unsigned: .max), range(.ullong, "0x10000000000000000"),
        ok(.ullong, "01777777777777777777777", unsigned: .max), range(.ullong, "02000000000000000000000"),
        invalid(.ulong, "-1"), invalid(.ullong, "-0x1"), ok(.ullong, "+18446744073709551615", unsigned: .max),
        // hexint: kstrtouint in any base
        ok(.hexint, "0x10", 16), ok(.hexint, "16", 16), ok(.hexint, "020", 16), range(.hexint, "0x100000000"),
        invalid(.hexint, "0x"), invalid(.hexint, "-0x10"),
    ]

    static let malformed: [Case] = [
        invalid(.int, ""), invalid(.int, "0x"), invalid(.int, "0xg"), invalid(.int, "08"), invalid(.int, "09"),
        invalid(.int, "12abc"), invalid(.int, " 12"), invalid(.int, "12 "), ok(.int, "12\n", 12),
        invalid(.int, "12\n\n"), invalid(.int, "\n"), invalid(.int, "1e3"), invalid(.int, "--1"), invalid(.int, "-+1"),
        invalid(.int, "+-1"), invalid(.int, "++1"), invalid(.int, "1_000"), invalid(.int, "0b101"),
        // Overflow is found before trailing garbage: -ERANGE, not -EINVAL.
        range(.int, "99999999999999999999x"), range(.ullong, "0x1ffffffffffffffff"),
        range(.ullong, "99999999999999999999999999"), invalid(.uint, "0x-1"), ok(.int, "0", 0), ok(.int, "00", 0),
        ok(.int, "0x0", 0), ok(.int, "0X0a", 10), ok(.int, "-0x0a", -10), ok(.int, "010", 8),
    ]

    @Test(arguments: limits + malformed)
    func setFollowsKstrtox(_ test: Case) {
        var variable = ParamValue.zero(of: test.type)
        let before = variable
        let ret = ParamOps.set(
            test.type, test.text, into: &variable, name: "t.p", version: KernelVersion("6.8.0"), log: { _, _ in })
        switch test.expected {
        case .value(let value):
            #expect(ret == 0)
            #expect(variable == value)
        case .errno(let errno):
            #expect(ret == errno)
            #expect(variable == before, "a failed kstrto* leaves the variable alone")
        }
    }

    @Test func kstrtollAndKstrtoullDirectly() {
        var u: UInt64 = 7
        #expect(Kstrtox.kstrtoull("18446744073709551615", 0, &u) == 0 && u == .max)
        #expect(Kstrtox.kstrtoull("ff", 16, &u) == 0 && u == 255)
        #expect(Kstrtox.kstrtoull("0xff", 16, &u) == 0 && u == 255)
        #expect(Kstrtox.kstrtoull("777", 8, &u) == 0 && u == 511)
        #expect(Kstrtox.kstrtoull("8", 8, &u) == -Errno.EINVAL)
        var s: Int64 = 0
        #expect(Kstrtox.kstrtoll("-9223372036854775808", 10, &s) == 0 && s == .min)
        #expect(Kstrtox.kstrtoll("-18446744073709551615", 10, &s) == -Errno.ERANGE)
        #expect(Kstrtox.kstrtoll("9223372036854775808", 10, &s) == -Errno.ERANGE)
    }

    /// `kstrtobool()`: the first character (two for `o`); `t`/`f` from 5.19 only.
    @Test(arguments: [
        ("y", true), ("Y", true), ("1", true), ("yes", true), ("yellow", true), ("1abc", true), ("on", true),
        ("ON", true), ("oN", true), ("t", true), ("T", true), ("true", true), ("n", false), ("N", false),
        ("0", false), ("no", false), ("nope", false), ("0x5", false), ("off", false), ("oF", false), ("f", false),
        ("false", false), ("F", false),
    ])
    func kstrtoboolAccepts(_ text: String, _ value: Bool) {
        #expect(KstrToBool.parse(text, version: KernelVersion("6.8.0")) == value)
    }

    @Test(arguments: ["", "o", "ox", "2", "maybe", "-1", " y", "enable", "disable"])
    func kstrtoboolRefuses(_ text: String) {
        #expect(KstrToBool.parse(text, version: KernelVersion("6.8.0")) == nil)
    }

    @Test func trueAndFalseLettersArrivedIn5_19() {
        for text in ["t", "true", "T", "f", "false", "F"] {
            #expect(KstrToBool.parse(text, version: KernelVersion("5.18.0")) == nil)
            #expect(KstrToBool.parse(text, version: KernelVersion("5.19.0")) != nil)
        }
        #expect(KstrToBool.parse("y", version: KernelVersion("5.18.0")) == true)
    }

    @Test func boolTypesSetTheirVariables() {
        let version = KernelVersion("6.8.0")
        var value = ParamValue.bool(false)
        #expect(ParamOps.set(.bool, nil, into: &value, name: "b", version: version, log: { _, _ in }) == 0)
        #expect(value == .bool(true), "param_set_bool: no equals means set")
        #expect(ParamOps.set(.invbool, "y", into: &value, name: "b", version: version, log: { _, _ in }) == 0)
        #expect(value == .bool(false))
        #expect(ParamOps.get(.invbool, value) == "Y\n")
        var bint = ParamValue.signed(0)
        #expect(ParamOps.set(.bint, "on", into: &bint, name: "b", version: version, log: { _, _ in }) == 0)
        #expect(bint == .signed(1))
        #expect(ParamOps.get(.bint, bint) == "1\n")
        #expect(ParamOps.set(.bool, "", into: &value, name: "b", version: version, log: { _, _ in }) == -Errno.EINVAL)
    }
}
