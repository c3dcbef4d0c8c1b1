import KernelModel
import Testing

@testable import KernelBoot

/// `param_array()`, `param_set_copystring()`, `param_set_charp()` and the `param_get_*()`
/// formats a sysfs file reads.
@Suite("param_set and param_get")
struct ParamOpsTests {
    final class Messages: @unchecked Sendable {
        var lines: [String] = []
        func log(_ level: LogLevel, _ text: String) { lines.append("<\(level.rawValue)>\(text)") }
    }

    let version = KernelVersion("6.8.0")

    func array(_ type: ParamType, _ text: String?, max: Int) -> (
        ret: Int32, elements: [ParamValue], count: Int, log: [String]
    ) {
        var elements = Array(repeating: ParamValue.zero(of: type), count: max)
        var count = -1
        let messages = Messages()
        let ret = ParamOps.setArray(
            type, text, elements: &elements, count: &count, max: max, name: "par.arr", version: version,
            log: messages.log)
        return (ret, elements, count, messages.lines)
    }

    @Test func anArrayAtItsMaximumIsFull() {
        let result = array(.int, "1,2,3", max: 3)
        #expect(result.ret == 0)
        #expect(result.count == 3)
        #expect(result.elements == [.signed(1), .signed(2), .signed(3)])
        #expect(ParamOps.getArray(.int, result.elements, count: result.count) == "1,2,3\n")
    }

    @Test func oneMoreThanTheMaximumIsRefusedAfterTheFirstElements() {
        let result = array(.int, "1,2,3,4", max: 3)
        #expect(result.ret == -Errno.EINVAL)
        #expect(result.log == ["<3>par.arr: can only take 3 arguments"])
        #expect(result.count == 3, "the elements before the error stay set, and the count says so")
        #expect(result.elements == [.signed(1), .signed(2), .signed(3)])
    }

    @Test func aTrailingCommaIsOneMoreEmptyElement() {
        let full = array(.int, "1,2,3,", max: 3)
        #expect(full.ret == -Errno.EINVAL)
        #expect(full.log == ["<3>par.arr: can only take 3 arguments"])
        let roomy = array(.int, "1,2,3,", max: 5)
        #expect(roomy.ret == -Errno.EINVAL)
        #expect(roomy.log.isEmpty, "the empty element fails in kstrtoint, silently")
        #expect(roomy.count == 3)
    }

    @Test func emptyElementsFailForNumbersButNotForCharp() {
        let numbers = array(.int, "1,,3", max: 5)
        #expect(numbers.ret == -Errno.EINVAL)
        #expect(numbers.count == 1)
        let empty = array(.int, "", max: 5)
        #expect(empty.ret == -Errno.EINVAL)
        #expect(empty.count == 0)
        let strings = array(.charp, "a,,b", max: 5)
        #expect(strings.ret == 0)
        #expect(strings.elements.prefix(3) == [.string("a"), .string(""), .string("b")])
        #expect(ParamOps.getArray(.charp, strings.elements, count: strings.count) == "a,,b\n")
    }

    @Test func anElementErrorStopsAndKeepsWhatCameBefore() {
        let result = array(.byte, "1,256,3", max: 4)
        #expect(result.ret == -Errno.ERANGE)
        #expect(result.count == 1)
        #expect(result.elements[0] == .unsigned(1))
        #expect(result.elements[1] == .unsigned(0))
    }

    @Test func boolArraysAndBareArrays() {
        let bools = array(.bool, "y,n,on", max: 3)
        #expect(bools.ret == 0)
        #expect(ParamOps.getArray(.bool, bools.elements, count: bools.count) == "Y,N,Y\n")
        #expect(array(.int, nil, max: 3).ret == -Errno.EINVAL)
    }

    @Test func arrayGetShowsTheCountOrEverything() {
        let elements: [ParamValue] = [.signed(6), .signed(7), .signed(0)]
        #expect(ParamOps.getArray(.int, elements, count: 2) == "6,7\n")
        #expect(ParamOps.getArray(.int, elements, count: nil) == "6,7,0\n", "without nump: all max elements")
        #expect(ParamOps.getArray(.int, elements, count: 0) == "", "nothing at all, not even a newline")
    }

    @Test func aStringFitsWithItsNulOrIsTooLarge() {
        let messages = Messages()
        var value = ParamValue.string("par")
        #expect(
            ParamOps.setString(
                String(repeating: "x", count: 15), into: &value, size: 16, name: "par.name", log: messages.log) == 0)
        #expect(value == .string(String(repeating: "x", count: 15)))
        #expect(
            ParamOps.setString(
                String(repeating: "y", count: 16), into: &value, size: 16, name: "par.name", log: messages.log)
                == -Errno.ENOSPC)
        #expect(messages.lines == ["<3>par.name: string doesn't fit in 15 chars."])
        #expect(value == .string(String(repeating: "x", count: 15)), "the buffer keeps what it had")
        #expect(ParamOps.setString("", into: &value, size: 1, name: "p", log: messages.log) == 0)
        #expect(ParamOps.getString(value) == "\n")
    }

    @Test func charpTakesAtMost1024Characters() {
        let messages = Messages()
        var value = ParamValue.string(nil)
        #expect(ParamOps.get(.charp, value) == "(null)\n")
        let ok = String(repeating: "c", count: 1024)
        #expect(ParamOps.set(.charp, ok, into: &value, name: "par.fw", version: version, log: messages.log) == 0)
        #expect(value == .string(ok))
        #expect(
            ParamOps.set(.charp, ok + "c", into: &value, name: "par.fw", version: version, log: messages.log) == -Errno
                .ENOSPC)
        #expect(messages.lines == ["<3>par.fw: string parameter too long"])
        #expect(ParamOps.set(.charp, "", into: &value, name: "par.fw", version: version, log: messages.log) == 0)
        #expect(ParamOps.get(.charp, value) == "\n")
    }

    @Test(arguments: [
        (ParamType.byte, ParamValue.unsigned(255), "255"), (.short, .signed(-32768), "-32768"),
        (.ushort, .unsigned(65535), "65535"), (.int, .signed(-1), "-1"),
        (.uint, .unsigned(4_294_967_295), "4294967295"),
        (.long, .signed(.min), "-9223372036854775808"), (.ulong, .unsigned(.max), "18446744073709551615"),
        (.ullong, .unsigned(.max), "18446744073709551615"), (.hexint, .unsigned(16), "0x000010"),
        (.hexint, .unsigned(0), "0x000000"), (.hexint, .unsigned(0xdead_beef), "0xdeadbeef"),
        (.hexint, .unsigned(0x123_4567), "0x1234567"), (.charp, .string(nil), "(null)"),
        (.charp, .string("fw.bin"), "fw.bin"),
        (.bool, .bool(true), "Y"), (.bool, .bool(false), "N"), (.invbool, .bool(true), "N"),
        (.invbool, .bool(false), "Y"),
        (.bint, .signed(1), "1"),
    ])
    func getFormatsAsSysfsReads(_ type: ParamType, _ value: ParamValue, _ text: String) {
        #expect(ParamOps.get(type, value) == text + "\n")
    }

    @Test func everySysfsValueReadsBackAsTheSameValue() {
        // What sysfs shows, written back, sets the same value (echo "$(cat f)" > f).
        let samples: [(ParamType, ParamValue)] = [
            (.byte, .unsigned(200)), (.short, .signed(-5)), (.ushort, .unsigned(9)), (.int, .signed(.init(Int32.min))),
            (.uint, .unsigned(7)), (.long, .signed(.min)), (.ulong, .unsigned(.max)), (.ullong, .unsigned(1)),
            (.hexint, .unsigned(0xabc)), (.bool, .bool(true)), (.invbool, .bool(true)), (.bint, .signed(1)),
        ]
        for (type, value) in samples {
            var copy = ParamValue.zero(of: type)
            let ret = ParamOps.set(
                type, ParamOps.get(type, value), into: &copy, name: "p", version: version, log: { _, _ in })
            #expect(ret == 0, "\(type)")
            #expect(copy == value, "\(type)")
        }
    }
}
