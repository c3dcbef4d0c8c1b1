// swift-tools-version: 6.0
// initcall-sim: a faithful, deterministic simulator of Linux initcalls and the linker script
// that orders them. No package dependencies, by design: only the Swift toolchain.
import PackageDescription

let package = Package(
    name: "initcall-sim",
    products: [
        .library(name: "InitcallSim", targets: ["InitcallSim"]),
        .library(name: "LinkerScript", targets: ["LinkerScript"]),
        .executable(name: "initcall-sim", targets: ["initcall-sim"]),
        .executable(name: "initcall-bench", targets: ["initcall-bench"]),
    ],
    targets: [
        // The GNU ld script language: lexer, parser, layout. Knows nothing of kernels.
        .target(name: "LinkerScript"),
        // The kernel model and boot engine.
        .target(name: "InitcallSim", dependencies: ["LinkerScript"]),
        // Argument parsing and rendering for the command-line tool, kept in a library so that
        // tests can run commands in-process; the executable is a three-line main.
        .target(name: "InitcallSimCLI", dependencies: ["InitcallSim", "LinkerScript"]),
        .executableTarget(name: "initcall-sim", dependencies: ["InitcallSimCLI"]),
        .executableTarget(name: "initcall-bench", dependencies: ["InitcallSim"]),
        // libFuzzer target over the preprocessor and the ld parser; inert in a normal build
        // (see README, "Fuzzing the parsers").
        .executableTarget(name: "linkerscript-fuzz", dependencies: ["LinkerScript"]),
        // A board written in Swift against the library (see Examples/SwiftBoard/README.md).
        .executableTarget(
            name: "swift-board",
            dependencies: ["InitcallSim"],
            path: "Examples/SwiftBoard",
            exclude: ["README.md"]
        ),
        .testTarget(name: "LinkerScriptTests", dependencies: ["LinkerScript"]),
        .testTarget(name: "InitcallSimTests", dependencies: ["InitcallSim", "LinkerScript"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["InitcallSimCLI", "initcall-sim", "swift-board"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
