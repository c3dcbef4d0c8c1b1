/// The saved interrupt state of `local_irq_save()`.
public struct IRQFlags: Sendable, Hashable {
    /// Whether interrupts were disabled when saved; `local_irq_restore()` restores that state.
    public let wereDisabled: Bool

    /// A saved state with interrupts disabled or enabled.
    public init(wereDisabled: Bool) { self.wereDisabled = wereDisabled }
}
