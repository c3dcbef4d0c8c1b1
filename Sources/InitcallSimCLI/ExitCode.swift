/// Exit statuses scripts can rely on.
public enum ExitCode {
    /// The boot reached init; no findings; outcomes equal.
    public static let success: Int32 = 0
    /// The boot panicked; findings were reported; outcomes differ.
    public static let failure: Int32 = 1
    /// Bad input or usage.
    public static let usage: Int32 = 2
}
