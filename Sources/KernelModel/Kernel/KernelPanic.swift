/// Thrown by ``KernelContext/panic(_:)`` after the panic report is in the log: the boot stops
/// there, as `panic()` never returns.
public struct KernelPanic: Error, Sendable, Hashable {
    /// The message after "Kernel panic - not syncing: ".
    public let message: String

    /// A panic with `message`, the text after "Kernel panic - not syncing: ".
    public init(_ message: String) {
        self.message = message
    }
}
