import KernelModel

/// The machine and build facts that reports print.
struct Machine: Sendable {
    var version: KernelVersion
    var architecture: Architecture
    var hardwareName: String
    var build = KernelBuild()
    var config = KernelConfig()
    /// The KASLR offset of this boot; nil when disabled.
    var kaslrOffset: UInt64?

    init(
        version: KernelVersion, architecture: Architecture, hardwareName: String, build: KernelBuild = KernelBuild(),
        config: KernelConfig = KernelConfig(), kaslrOffset: UInt64? = nil
    ) {
        self.version = version
        self.architecture = architecture
        self.hardwareName = hardwareName
        self.build = build
        self.config = config
        self.kaslrOffset = kaslrOffset
    }

    /// The machine a description describes.
    init(_ description: KernelDescription) {
        self.init(
            version: description.version, architecture: description.architecture,
            hardwareName: description.hardwareName, build: description.build, config: description.config,
            kaslrOffset: description.kaslrOffset)
    }
}
