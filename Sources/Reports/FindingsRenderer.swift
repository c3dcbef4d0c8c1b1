import BootAnalysis

/// Renders findings for people (text) and for scripts (JSON).
public enum FindingsRenderer {
    /// ```
    /// board.boot:12:3: error: [fragile-link-order] enc28j60_init requires 'spi' …
    ///   why: …
    ///   fix: …
    ///
    /// 1 finding (1 error, 0 warnings)
    /// ```
    public static func text(_ findings: [Finding]) -> String {
        var output = ""
        for finding in findings.sorted() {
            let place = finding.location.map { "\($0): " } ?? ""
            output += "\(place)\(finding.severity.rawValue): [\(finding.code)] \(finding.summary)\n"
            for line in finding.explanation { output += "  why: \(line)\n" }
            if let fix = finding.fix { output += "  fix: \(fix)\n" }
        }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        if findings.isEmpty { return "no findings\n" }
        output +=
            "\n\(findings.count) finding\(findings.count == 1 ? "" : "s") (\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"))\n"
        return output
    }

    /// Findings as JSON, schema `initcall-sim/check/1`, in the order ``text(_:)`` prints them.
    public static func json(_ findings: [Finding]) -> JSON {
        .object([
            ("schema", .string("initcall-sim/check/1")),
            (
                "findings",
                .array(
                    findings.sorted().map { finding in
                        .object([
                            ("severity", .string(finding.severity.rawValue)),
                            ("code", .string(finding.code)),
                            ("file", .optional(finding.location?.file)),
                            ("line", finding.location.map { .int($0.line) } ?? .null),
                            ("column", finding.location.map { .int($0.column) } ?? .null),
                            ("summary", .string(finding.summary)),
                            ("explanation", .strings(finding.explanation)),
                            ("fix", .optional(finding.fix)),
                            ("subjects", .strings(finding.subjects)),
                        ])
                    })
            ),
        ])
    }
}
