import KernelModel
import Testing

/// `vsnprintf()` as lib/vsprintf.c lays numbers and strings out, where it differs from C too.
@Suite("printk formats")
struct PrintkFormatTests {
    func render(_ format: String, _ values: PrintkValue...) throws -> String {
        try PrintkFormat.parse(format).get().render(values)
    }

    @Test func numbers() throws {
        #expect(
            try render("%5d|%-5d|%05d|%+d|% d", .integer(42), .integer(42), .integer(42), .integer(42), .integer(42))
                == "   42|42   |00042|+42| 42")
        #expect(
            try render("%x %X %#x %#o %o", .integer(255), .integer(255), .integer(255), .integer(255), .integer(255))
                == "ff FF 0xff 0377 377")
        #expect(try render("%i|%d", .integer(UInt64(bitPattern: -7)), .integer(UInt64(bitPattern: -7))) == "-7|-7")
    }

    @Test func theKernelsOwnCorners() throws {
        // number(): "0x" for a zero with '#', a zero printed even at precision 0, and '0'
        // padding kept with a precision (C would print spaces).
        #expect(
            try render("%#x|%#o|%.0d|%08.3d", .integer(0), .integer(0), .integer(0), .integer(5)) == "0x0|0|0|00000005")
        #expect(try render("%#08x", .integer(16)) == "0x000010")
        #expect(try render("%#08x", .integer(0)) == "0x000000")
    }

    @Test func qualifiersCastTheArgument() throws {
        #expect(
            try render("%hhd %hhu %hd %hu", .integer(255), .integer(256), .integer(65535), .integer(65536))
                == "-1 0 -1 0")
        #expect(try render("%d %u", .integer(4_294_967_295), .integer(UInt64(bitPattern: -1))) == "-1 4294967295")
        #expect(
            try render(
                "%lu %ld %lld %llx", .integer(.max), .integer(1 << 63), .integer(UInt64(bitPattern: -2)), .integer(.max)
            ) == "18446744073709551615 -9223372036854775808 -2 ffffffffffffffff")
    }

    @Test func stringsAndCharacters() throws {
        #expect(
            try render("%s|%.2s|%5s|%-5s|", .string(nil), .string("abcdef"), .string("ab"), .string("ab"))
                == "(null)|ab|   ab|ab   |")
        #expect(try render("%c|%3c|%-3c|", .integer(65), .integer(66), .integer(67)) == "A|  B|C  |")
        #expect(try render("100%% %s", .string("done")) == "100% done")
    }

    @Test func symbols() throws {
        #expect(
            try render("%pS %ps", .symbol("par_init+0x0/0x40"), .symbol("par_init+0x0/0x40"))
                == "par_init+0x0/0x40 par_init")
    }

    @Test func aMissingArgumentPrintsNothing() throws {
        #expect(try render("a=%d b=%d", .integer(1)) == "a=1 b=")
    }

    @Test(arguments: ["%f", "%e", "%n", "%*d", "%.*d", "%q", "%", "abc%", "%p", "%pK", "%pF"])
    func formatsTheKernelCannotPrintAreRefused(_ format: String) {
        #expect(throws: PrintkFormat.FormatError.self) { try PrintkFormat.parse(format).get() }
    }

    @Test func checkSpeaksLikeGCC() throws {
        let format = try PrintkFormat.parse("%d %s %lu").get()
        #expect(format.check([.integer(.int), .string, .integer(.ulong)]) == nil)
        #expect(format.check([.integer(.uint), .integer(.charp), .integer(.ulong)]) == nil)
        #expect(
            format.check([.integer(.long), .string, .integer(.ulong)])
                == "format '%d' expects argument of type 'int', but argument 2 has type 'long int' [-Wformat=]")
        #expect(format.check([.integer(.int)]) == "format '%s' expects a matching 'char *' argument [-Wformat=]")
        #expect(
            format.check([.integer(.int), .string, .integer(.ulong), .function])
                == "too many arguments for format [-Wformat-extra-args]")
        #expect(
            format.check([.integer(.int), .array(.int), .integer(.ulong)])
                == "format '%s' expects argument of type 'char *', but argument 3 has type 'int *' [-Wformat=]")
    }
}
