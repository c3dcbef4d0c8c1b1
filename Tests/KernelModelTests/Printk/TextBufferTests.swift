import KernelModel
import Testing

/// The byte buffer the `initcall_debug` lines and `%pS` symbols are written into: its numbers
/// must read exactly as `%d`, `%llu` and `%lx` print them.
@Suite("Text buffer")
struct TextBufferTests {
    @Test(arguments: [Int64.min, -2_147_483_648, -19, -1, 0, 7, 10, 4_294_967_295, Int64.max])
    func decimalsReadAsDescription(_ value: Int64) {
        var buffer = TextBuffer()
        buffer.appendDecimal(value)
        #expect(buffer.text == String(value))
    }

    @Test(arguments: [UInt64(0), 1, 9, 10, 99, 100, 1_000_000, UInt64.max])
    func unsignedDecimals(_ value: UInt64) {
        var buffer = TextBuffer()
        buffer.appendDecimal(value)
        #expect(buffer.text == String(value))
    }

    @Test(arguments: [UInt64(0), 0xf, 0x10, 0x40, 0x1f0, 0xffff_ffff_8100_0000, UInt64.max])
    func hexReadsAsRadix16(_ value: UInt64) {
        #expect(HexDigits.lowercase(value) == String(value, radix: 16))
    }

    @Test func timestampsAsPrintTimeWritesThem() {
        #expect(TextBuffer.timestamp(0) == "    0.000000")
        #expect(TextBuffer.timestamp(123_456_789) == "    0.123456")
        #expect(TextBuffer.timestamp(12_345_678_901_234) == "12345.678901")
        #expect(TextBuffer.timestamp(123_456_789_012_345_678) == "123456789.012345")
        #expect(TextBuffer.timestamp(UInt64.max) == "18446744073.709551")
    }

    @Test func negativeSizesPrintAsBefore() {
        #expect(HexDigits.lowercase(-64) == "-40")
        #expect(HexDigits.lowercase(64) == "40")
        #expect(HexDigits.lowercase(Int.min) == String(Int.min, radix: 16))
        #expect(HexDigits.lowercase(Int.max) == String(Int.max, radix: 16))
    }

    @Test func textAndNumbersMakeOneLine() {
        var line = TextBuffer()
        line.append("initcall ")
        line.append("µs_init+0x0/0x40")
        line.append(" returned ")
        line.appendDecimal(Int64(-19))
        line.append(" after ")
        line.appendDecimal(UInt64(1234))
        line.append(" usecs")
        #expect(line.text == "initcall µs_init+0x0/0x40 returned -19 after 1234 usecs")
    }
}
