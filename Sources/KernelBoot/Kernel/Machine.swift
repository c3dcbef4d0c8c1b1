import KernelModel

/// The machine facts that stack dumps print.
struct Machine: Sendable {
    var version: KernelVersion
    var architecture: Architecture
    var hardwareName: String
}
