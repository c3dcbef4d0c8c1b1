import BootAnalysis
import LinkerScript
import TestSupport
import Testing

/// A deterministic stand-in for the libFuzzer target that runs in every `swift test`: 100,000
/// mutated scripts (half macro-form fed to the preprocessor, half expanded ld text fed to the
/// parser), each parsed and laid out. Passing means no crash (the process would die), no hang
/// (every input finishes well inside its bound) and no unexpected error type.
@Suite("Mutation fuzzing")
struct MutationFuzzTests {
    /// SplitMix64: a tiny seeded generator, so every run mutates the same way.
    struct SplitMix64 {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }
    }

    static let macroSeeds: [String] = [
        """
        #define INIT_CALLS_LEVEL(level) __initcall##level##_start = .; KEEP(*(.initcall##level##.init)) KEEP(*(.initcall##level##s.init))
        #define INIT_CALLS __initcall_start = .; KEEP(*(.initcallearly.init)) INIT_CALLS_LEVEL(0) INIT_CALLS_LEVEL(6) __initcall_end = .;
        SECTIONS { .init.data : { INIT_CALLS } }
        """,
        """
        #if defined(CONFIG_X) && (LEVELS > 8 || !defined Y)
        #define STR(x) #x
        #define CAT(a, b) a ## b
        ASSERT(CAT(__init, call_end) > 0, STR(bad "level"))
        #elif 1
        #include "self.h"
        #else
        #error no
        #endif
        """,
        """
        #define F(x, rest...) x , ## rest
        #define G(...) F(__VA_ARGS__)
        /* comment */ SECTIONS { .a : { G(*(.a), *(.b)) } } // tail
        #undef F
        #define BOUNDED(_sec_, _label_) _label_##_start = .; KEEP(*(_sec_)) _label_##_end = .;
        SECTIONS { .b 0x1000 : AT(0x2000) { BOUNDED(.con_initcall.init, __con_initcall) } }
        """,
        """
        #define A B B
        #define B C C
        #define C x
        #ifndef GUARD
        #define GUARD
        #include "self.h"
        #endif
        A \\
        A
        """,
    ]

    static let ldSeeds: [String] = [
        """
        OUTPUT_ARCH(i386:x86-64) ENTRY(start) jiffies = jiffies_64;
        SECTIONS { . = 0xffffffff81000000; .text : AT(ADDR(.text) - 0xffffffff80000000) { *(.text .text.*) } :text = 0x90
        .init.data : { __initcall_start = .; KEEP(*(.initcallearly.init)) __initcall6_start = .; KEEP(*(SORT(.initcall6.init*))) __initcall_end = .; }
        /DISCARD/ : { *(.exitcall.exit) } }
        """,
        """
        SECTIONS { .data ALIGN(8) : { PROVIDE(a = .); PROVIDE_HIDDEN(b = a + 4); FILL(0xcc) BYTE(1) LONG(2)
        *(EXCLUDE_FILE(*crtend.o) .ctors) EXCLUDE_FILE(a.o b.o) *(.data) SORT_BY_NAME(*)(.x) } =0x00
        . = ASSERT(SIZEOF(.data) < 100, "too big"); x = DEFINED(a) ? a : 0; y = (1 << 3) % 5 - ~0; }
        MEMORY { ram : ORIGIN = 0, LENGTH = 1M } UNKNOWN_CMD foo; INSERT AFTER .data
        """,
    ]

    static let dictionary: [String] = [
        "#define ", "#if ", "#ifdef X\n", "#endif\n", "#else\n", "#elif 1\n", "##", "#", "(", ")", ",", "\\\n", "\n",
        "KEEP(", "*(", ".initcall6.init", "SECTIONS {", "}", "{", ";", " = .;", "/*", "*/", "\"", "'",
        "INIT_CALLS_LEVEL(",
        "__VA_ARGS__", "...", "defined(", "#include \"self.h\"\n", "0x", "ALIGN(", "EXCLUDE_FILE(", "SORT(", "[", "]",
        "?",
        ":", "PROVIDE(", "/DISCARD/", "#undef A\n", "A", "B", "__LINE__", "__COUNTER__", "1/0", "<<", "//", "\0", "é",
    ]

    static func mutate(_ seed: String, _ rng: inout SplitMix64, others: [String]) -> String {
        var bytes = Array(seed.utf8)
        for _ in 0...rng.below(4) {
            switch rng.below(6) {
            case 0 where !bytes.isEmpty:
                bytes[rng.below(bytes.count)] = UInt8(truncatingIfNeeded: rng.next())
            case 1:
                let token = Array(dictionary[rng.below(dictionary.count)].utf8)
                bytes.insert(contentsOf: token, at: rng.below(bytes.count + 1))
            case 2 where !bytes.isEmpty:
                let start = rng.below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + 1 + rng.below(16)))
            case 3 where !bytes.isEmpty:
                let start = rng.below(bytes.count)
                let piece = bytes[start..<min(bytes.count, start + 1 + rng.below(32))]
                bytes.insert(contentsOf: piece, at: rng.below(bytes.count + 1))
            case 4:
                let other = Array(others[rng.below(others.count)].utf8)
                let cut = rng.below(bytes.count + 1)
                bytes = Array(bytes[..<cut]) + other[rng.below(other.count + 1)...]
            default:
                bytes.insert(UInt8(ascii: "\n"), at: rng.below(bytes.count + 1))
            }
        }
        return String(decoding: bytes.prefix(4096), as: UTF8.self)
    }

    static let inputs = [
        InputSection(file: "a.o", name: ".initcall6.init", size: 8, alignment: 8),
        InputSection(file: "b.o", name: ".initcall6.init..kmod_b__1_2_b", size: 8, alignment: 8),
        InputSection(file: "b.o", name: ".con_initcall.init", size: 8, alignment: 8),
    ]

    /// Parses and lays out one input; returns whether it parsed.
    static func run(_ text: String, macroForm: Bool) -> Bool {
        let options = Preprocessor.Options(maxIncludeDepth: 4, expansionBudget: 10_000, inputBudget: 10_000)
        do throws(LinkerScriptError) {
            let script: LinkerScript
            if macroForm {
                script = try LinkerScript.parse(text, file: "self.h", options: options, loader: { _ in text })
            } else {
                script = try LinkerScript.parse(text, file: "fuzz.lds")
            }
            _ = try LinkMap(script: script, inputs: inputs)
            return true
        } catch {
            // Every error must carry a place and a message.
            #expect(!error.diagnostic.message.isEmpty && error.diagnostic.location.line >= 1)
            return false
        }
    }

    @Test(arguments: 0..<8)
    func mutatedScripts(_ shard: Int) {
        var rng = SplitMix64(state: 0x1234_5678 &+ UInt64(shard))
        let clock = ContinuousClock()
        var slowest = Duration.zero
        var parsed = 0
        let perShard = 12_500
        for i in 0..<perShard {
            let macroForm = i % 2 == 0
            let seeds = macroForm ? Self.macroSeeds : Self.ldSeeds
            let text = Self.mutate(seeds[rng.below(seeds.count)], &rng, others: Self.macroSeeds + Self.ldSeeds)
            let start = clock.now
            if Self.run(text, macroForm: macroForm) { parsed += 1 }
            slowest = max(slowest, clock.now - start)
        }
        // No input may take long: budgets bound every loop.
        #expect(slowest < .seconds(2))
        // The mutations keep a fair share of inputs valid, so layout code runs too.
        #expect(parsed > perShard / 20)
    }
}
