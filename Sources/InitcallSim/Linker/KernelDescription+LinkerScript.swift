import LinkerScript

extension KernelDescription {
    /// The script a link uses: the description's own, or the shipped Linux 6.x layout.
    func effectiveLinkerScript() throws(LinkError) -> LinkerScript {
        if let linkerScript { return linkerScript }
        return try DefaultLinkerScript.parsed()
    }
}
