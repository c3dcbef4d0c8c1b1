import KernelModel
import LinkerScript

extension KernelDescription {
    /// The script this description is linked with: its own, or the shipped script of its
    /// kernel's era (the Linux 6.x layout unless `kernel` names an older release). The one
    /// place that decides; the linker, the checks and the commands all ask it.
    public func effectiveLinkerScript() throws(LinkError) -> LinkerScript {
        if let linkerScript { return linkerScript }
        return try DefaultLinkerScript.parsed(for: version)
    }
}
