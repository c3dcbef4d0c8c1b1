/// The saved interrupt state of `local_irq_save()`.
public struct IRQFlags: Sendable, Hashable {
    public let wereDisabled: Bool

    public init(wereDisabled: Bool) { self.wereDisabled = wereDisabled }
}
