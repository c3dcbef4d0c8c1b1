import InitcallSimCLI
import TestSupport
import Testing

/// The examples with their expected `check`, `compare` and `explore` output.
@Suite struct ExampleGoldenTests {
    struct Case: Sendable, CustomStringConvertible {
        var golden: String
        var arguments: [String]
        var exitCode: Int32
        var description: String { golden }
    }

    static func ex(_ name: String) -> String { CLIFixtures.example(name) }

    static let cases: [Case] = [
        // check
        Case(
            golden: "check-seed-pair-dependency.txt", arguments: ["check", ex("seed-pair-dependency.boot")], exitCode: 1
        ),
        Case(
            golden: "check-seed-pair-dependency.json",
            arguments: ["check", ex("seed-pair-dependency.boot"), "--format", "json"], exitCode: 1),
        Case(
            golden: "check-seed-pair-dependency-reversed.txt",
            arguments: [
                "check", ex("seed-pair-dependency.boot"), "--link-order", ex("seed-pair-dependency.reversed.order"),
            ], exitCode: 1),
        Case(golden: "check-pci-cma-keyring.txt", arguments: ["check", ex("pci-cma-keyring.boot")], exitCode: 1),
        Case(
            golden: "check-pci-cma-keyring-fixed.txt", arguments: ["check", ex("pci-cma-keyring-fixed.boot")],
            exitCode: 0),
        Case(golden: "check-tpm-ima.txt", arguments: ["check", ex("tpm-ima.boot")], exitCode: 1),
        Case(golden: "check-tpm-ima-fixed.txt", arguments: ["check", ex("tpm-ima-fixed.boot")], exitCode: 0),
        Case(golden: "check-board.txt", arguments: ["check", ex("board.boot")], exitCode: 1),
        // compare
        Case(
            golden: "compare-seed-pair-dependency.txt",
            arguments: [
                "compare", ex("seed-pair-dependency.boot"), "--link-order", ex("seed-pair-dependency.reversed.order"),
            ],
            exitCode: 1),
        Case(
            golden: "compare-seed-pair-dependency.json",
            arguments: [
                "compare", ex("seed-pair-dependency.boot"), "--link-order", ex("seed-pair-dependency.reversed.order"),
                "--format", "json",
            ], exitCode: 1),
        Case(
            golden: "compare-same-level-pair.txt",
            arguments: ["compare", ex("same-level-pair.boot"), "--link-order", ex("same-level-pair.reversed.order")],
            exitCode: 0),
        Case(
            golden: "compare-pci-cma-keyring-acpi-first.txt",
            arguments: ["compare", ex("pci-cma-keyring.boot"), "--link-order", ex("pci-cma-keyring.acpi-first.order")],
            exitCode: 1),
        Case(
            golden: "compare-pci-cma-keyring-fix.txt",
            arguments: [
                "compare", ex("pci-cma-keyring.boot"), ex("pci-cma-keyring-fixed.boot"), "--link-order",
                ex("pci-cma-keyring.acpi-first.order"),
            ], exitCode: 1),
        Case(
            golden: "compare-tpm-ima-fix.txt", arguments: ["compare", ex("tpm-ima.boot"), ex("tpm-ima-fixed.boot")],
            exitCode: 1),
        // explore
        Case(
            golden: "explore-seed-pair-dependency.txt", arguments: ["explore", ex("seed-pair-dependency.boot")],
            exitCode: 1),
        Case(
            golden: "explore-seed-pair-dependency.json",
            arguments: ["explore", ex("seed-pair-dependency.boot"), "--format", "json"],
            exitCode: 1),
        Case(golden: "explore-pci-cma-keyring.txt", arguments: ["explore", ex("pci-cma-keyring.boot")], exitCode: 1),
        Case(
            golden: "explore-pci-cma-keyring-fixed.txt", arguments: ["explore", ex("pci-cma-keyring-fixed.boot")],
            exitCode: 0),
        Case(golden: "explore-tpm-ima.txt", arguments: ["explore", ex("tpm-ima.boot")], exitCode: 1),
        Case(golden: "explore-tpm-ima-fixed.txt", arguments: ["explore", ex("tpm-ima-fixed.boot")], exitCode: 0),
        Case(
            golden: "explore-board.txt", arguments: ["explore", ex("board.boot"), "--runs", "300", "--seed", "1"],
            exitCode: 1),
    ]

    @Test(arguments: cases)
    func matchesGolden(_ testCase: Case) throws {
        let output = CLIFixtures.run(testCase.arguments)
        #expect(output.exitCode == testCase.exitCode)
        #expect(output.stderr == "")
        try CLIFixtures.checkGolden(output.stdout, testCase.golden)
    }
}
