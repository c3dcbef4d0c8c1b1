// swift-tools-version: 6.0
// initcall-sim: a faithful, deterministic simulator of Linux initcalls and the linker script
// that orders them. No package dependencies, by design: only the Swift toolchain.
//
// One library target per layer, in the direction the data flows; each depends only on the
// layers before it:
//
//   SourceInput → LinkerScript → KernelModel → KernelLink → KernelBoot → ModuleLoader → BootAnalysis → Reports
//
// `InitcallSim` re-exports them all, so `import InitcallSim` is the whole library.
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
        // What every reader of user input shares: source locations and diagnostics, the line
        // reader, file access, "did you mean" suggestions.
        .target(name: "SourceInput"),
        // The GNU ld script language: C preprocessor, lexer, parser, layout. Knows nothing of kernels.
        .target(name: "LinkerScript", dependencies: ["SourceInput"]),
        // What a kernel is before it is linked: levels, registrations, descriptions, the `.boot`
        // reader, and the `KernelContext` an initcall body sees.
        .target(name: "KernelModel", dependencies: ["SourceInput", "LinkerScript"]),
        // The final link: objects in link order placed by the linker script into the tables
        // `do_initcalls()` walks; relinking; the probe that answers where each level goes.
        .target(name: "KernelLink", dependencies: ["SourceInput", "LinkerScript", "KernelModel"]),
        // The boot: `start_kernel()` to init, `do_one_initcall()`, the command line, printk.
        .target(name: "KernelBoot", dependencies: ["SourceInput", "LinkerScript", "KernelModel", "KernelLink"]),
        // The module loader on top of a booted kernel: init_module/delete_module, symbols,
        // refcounts, /proc/modules and sysfs, depmod/modprobe and the userland tools.
        .target(
            name: "ModuleLoader",
            dependencies: ["SourceInput", "LinkerScript", "KernelModel", "KernelLink", "KernelBoot"]),
        // What no kernel tells you: compare boots, check hazards, explore link orders.
        .target(
            name: "BootAnalysis",
            dependencies: ["SourceInput", "LinkerScript", "KernelModel", "KernelLink", "KernelBoot"]),
        // Every renderer: dmesg text, JSON documents, tables, reports.
        .target(
            name: "Reports",
            dependencies: ["SourceInput", "LinkerScript", "KernelModel", "KernelLink", "KernelBoot", "BootAnalysis"]),
        // The umbrella: re-exports every layer.
        .target(
            name: "InitcallSim",
            dependencies: [
                "SourceInput", "LinkerScript", "KernelModel", "KernelLink", "KernelBoot", "ModuleLoader",
                "BootAnalysis",
                "Reports",
            ]
        ),
        // Argument parsing and rendering for the command-line tool, kept in a library so that
        // tests can run commands in-process; the executable is a three-line main.
        .target(name: "InitcallSimCLI", dependencies: ["InitcallSim"]),
        .executableTarget(name: "initcall-sim", dependencies: ["InitcallSimCLI"]),
        .executableTarget(name: "initcall-bench", dependencies: ["InitcallSim"]),
        // libFuzzer target over every parser users feed (INITCALL_FUZZ picks one); inert in a
        // normal build (.ci/fuzz builds and runs it; see README, "Fuzzing the parsers").
        .executableTarget(
            name: "initcall-fuzz",
            dependencies: ["SourceInput", "LinkerScript", "KernelModel", "KernelLink", "KernelBoot", "ModuleLoader"],
            exclude: ["Corpus", "Dictionaries"]),
        // A board written in Swift against the library (see Examples/SwiftBoard/README.md).
        .executableTarget(
            name: "swift-board",
            dependencies: ["InitcallSim"],
            path: "Examples/SwiftBoard",
            exclude: ["README.md"]
        ),
        // Tests mirror the library targets, one folder each; `TestSupport` holds the one fixture
        // and golden-file helper they share.
        .target(name: "TestSupport", dependencies: ["InitcallSim"], path: "Tests/Support"),
        .testTarget(name: "SourceInputTests", dependencies: ["SourceInput", "TestSupport"]),
        .testTarget(name: "LinkerScriptTests", dependencies: ["LinkerScript", "SourceInput", "TestSupport"]),
        .testTarget(name: "KernelModelTests", dependencies: ["InitcallSim", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "KernelLinkTests", dependencies: ["InitcallSim", "TestSupport"]),
        .testTarget(name: "KernelBootTests", dependencies: ["InitcallSim", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ModuleLoaderTests", dependencies: ["InitcallSim", "ModuleLoader", "TestSupport"]),
        .testTarget(name: "BootAnalysisTests", dependencies: ["InitcallSim", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["InitcallSim", "TestSupport"], exclude: ["Golden"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["InitcallSimCLI", "initcall-sim", "swift-board", "TestSupport"],
            exclude: ["Golden", "Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
