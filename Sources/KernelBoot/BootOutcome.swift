/// How a boot ended.
public enum BootOutcome: Sendable, Hashable {
    /// `run_init_process()` succeeded with this path.
    case reachedInit(String)
    /// `panic()` with this message.
    case panicked(String)
    /// The kernel waits for ever and prints nothing more (`rootwait` for a root device that
    /// never appears); the text says what it waits for.
    case hung(String)
}
