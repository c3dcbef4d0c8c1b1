import LinkerScript

/// libFuzzer entry point over both parsers: the input is preprocessed as a `vmlinux.lds.S`
/// (with itself available as an include, to exercise include bounds), the result parsed and
/// laid out; then the raw input is parsed as an expanded script. Errors are expected; crashes,
/// hangs and sanitizer reports are what the fuzzer looks for. Build and run as README says:
///
///     swift build --scratch-path .build-fuzz --product linkerscript-fuzz --sanitize=fuzzer --sanitize=address
///     SWIFT_BACKTRACE=enable=no .build-fuzz/debug/linkerscript-fuzz -max_total_time=60 \
///         -artifact_prefix=fuzz-artifacts/ fuzz-corpus
///
/// In a normal build nothing calls it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let options = Preprocessor.Options(expansionBudget: 100_000, inputBudget: 200_000)
    let inputs = [
        InputSection(file: "a.o", name: ".initcall6.init", size: 8, alignment: 8),
        InputSection(file: "b.o", name: ".initcall6.init..kmod_b__1_2_b", size: 8, alignment: 8),
        InputSection(file: "b.o", name: ".con_initcall.init", size: 8, alignment: 8),
    ]
    if let script = try? LinkerScript.parse(text, file: "fuzz.lds.S", options: options, loader: { _ in text }) {
        _ = try? LinkMap(script: script, inputs: inputs)
    }
    if let script = try? LinkerScript.parse(text, file: "fuzz.lds") {
        _ = try? LinkMap(script: script, inputs: inputs)
    }
    return 0
}
