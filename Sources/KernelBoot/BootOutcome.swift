/// How a boot ended.
public enum BootOutcome: Sendable, Hashable {
    /// `run_init_process()` succeeded with this path.
    case reachedInit(String)
    /// `panic()` with this message.
    case panicked(String)
}
