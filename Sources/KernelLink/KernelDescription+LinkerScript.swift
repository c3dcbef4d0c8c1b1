import KernelModel
import LinkerScript

extension KernelDescription {
    /// The script this description is linked with: its own, or the shipped Linux 6.x layout.
    /// The one place that decides; the linker, the checks and the commands all ask it.
    public func effectiveLinkerScript() throws(LinkError) -> LinkerScript {
        if let linkerScript { return linkerScript }
        return try DefaultLinkerScript.parsed()
    }
}
