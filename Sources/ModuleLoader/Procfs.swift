import KernelBoot
import KernelModel

extension ModuleLoader {
    /// `/proc/modules` (kernel/module/procfs.c `m_show()`): newest first, UNFORMED skipped;
    /// `name size refcount users state 0xaddress[ (taints)]`.
    package func procModules(privileged: Bool = true) -> String {
        var text = ""
        for module in modules where module.state != .unformed {
            var users = module.sourceList.map { "\($0)," }.joined()
            if module.isPermanent { users += "[permanent]," }
            if users.isEmpty { users = "-" }
            let address = privileged ? module.base : 0
            let width = kernel.description.architecture == .generic ? 8 : 16
            let hex = String(address, radix: 16)
            var line =
                "\(module.name) \(module.totalSize) \(module.refcount) \(users) \(module.state.procText) 0x"
                + String(repeating: "0", count: max(0, width - hex.count)) + hex
            let taints = TaintBit.letters(module.taints)
            if !taints.isEmpty {
                let mark = module.state == .coming ? "+" : module.state == .going ? "-" : ""
                line += " (\(taints)\(mark))"
            }
            text += line + "\n"
        }
        return text
    }

    /// The files of `/sys/module/<m>/` a loadable module has, by name (parameters aside).
    package func sysfsAttribute(_ module: Module, _ attribute: String) -> String? {
        switch attribute {
        case "refcnt": return "\(module.refcount)\n"
        case "initstate": return "\(module.state.sysfsText)\n"
        case "coresize": return "\(module.coreSize)\n"
        case "initsize": return "\(module.initSize)\n"
        case "taint": return TaintBit.letters(module.taints) + "\n"
        case "version": return module.image.modinfoValue("version").map { $0 + "\n" }
        case "srcversion": return module.image.modinfoValue("version") != nil ? module.image.srcversion + "\n" : nil
        default: return nil
        }
    }

    /// The holders of a module, as `/sys/module/<m>/holders/` lists them (sorted by name: the
    /// simulation does not model kernfs hash order).
    package func holders(_ module: Module) -> [String] { module.sourceList.sorted() }
}
