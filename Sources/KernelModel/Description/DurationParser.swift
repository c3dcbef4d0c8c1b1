/// Durations in `.boot` files: a decimal number and a unit, `120us`, `3ms`, `2.5ms`, `1s`,
/// `500ns` (`µs` too), or `0`. Converted to nanoseconds with integer arithmetic only; anything
/// over a day is rejected rather than overflowing.
enum DurationParser {
    static let maximum: UInt64 = 86_400 * 1_000_000_000

    static func nanoseconds(_ text: String) -> UInt64? {
        if text == "0" { return 0 }
        let units: [(String, UInt64)] = [
            ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000),
        ]
        guard let (suffix, scale) = units.first(where: { text.hasSuffix($0.0) }) else { return nil }
        let number = text.dropLast(suffix.count)
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholeText = parts.first, !wholeText.isEmpty, wholeText.allSatisfy(\.isASCII),
            wholeText.allSatisfy(\.isNumber), wholeText.count <= 12, let whole = UInt64(wholeText)
        else { return nil }
        var total = whole.multipliedReportingOverflow(by: scale)
        guard !total.overflow else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy({ $0.isASCII && $0.isNumber }),
                let digits = UInt64(fraction)
            else { return nil }
            var divisor: UInt64 = 1
            for _ in 0..<fraction.count { divisor *= 10 }
            let (scaled, overflow) = digits.multipliedReportingOverflow(by: scale)
            guard !overflow, scaled % divisor == 0 else { return nil }
            total = total.partialValue.addingReportingOverflow(scaled / divisor)
            guard !total.overflow else { return nil }
        }
        return total.partialValue <= maximum ? total.partialValue : nil
    }
}
