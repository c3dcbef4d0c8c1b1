/// The `.modinfo` section of a built `.ko`: NUL-terminated `tag=value` strings. The module's own
/// (`MODULE_*()`, `__MODULE_PARM_TYPE()`, `MODULE_PARM_DESC()`) come first, then what modpost
/// writes into `<mod>.mod.c` (scripts/mod/modpost.c: `add_header()`, `add_depends()`,
/// `add_srcversion()`). GCC emits one translation unit's strings in reverse source order, so
/// the section reads `version … license, parmtype…, srcversion, depends, retpoline, intree,
/// name, vermagic`.
public struct Modinfo: Sendable, Hashable {
    /// The strings in section order.
    public var strings: [String]

    /// The strings as given.
    public init(strings: [String]) { self.strings = strings }

    /// The `tag=value` pairs in section order.
    public var pairs: [(tag: String, value: String)] {
        strings.map { string in
            guard let equals = string.firstIndex(of: "=") else { return (string, "") }
            return (String(string[..<equals]), String(string[string.index(after: equals)...]))
        }
    }

    /// `get_modinfo()` (kernel/module/main.c): the first string `tag=`.
    public func value(_ tag: String) -> String? { pairs.first { $0.tag == tag }?.value }

    /// Every value of `tag`, in section order.
    public func values(_ tag: String) -> [String] { pairs.filter { $0.tag == tag }.map(\.value) }
}

extension ModuleDescription {
    /// The module's own strings in source order: `MODULE_*()`, then one `parmtype=` per typed
    /// parameter and one `parm=` per description (their relative order only matters to
    /// `modinfo`, which prints parameters last).
    public var ownModinfo: [String] {
        var strings = info.map { "\($0.tag)=\($0.value)" }
        var described: Set<String> = []
        for param in object.params {
            // module_param_cb() has no __MODULE_PARM_TYPE().
            if param.macro != "module_param_cb" { strings.append("parmtype=\(param.name):\(param.typeName)") }
            for description in object.paramDescriptions where description.name == param.name {
                strings.append("parm=\(description.name):\(description.text)")
                described.insert(description.name)
            }
        }
        for description in object.paramDescriptions where !described.contains(description.name) {
            strings.append("parm=\(description.name):\(description.text)")
        }
        return strings
    }

    /// The section as the build produces it for a kernel whose vermagic is `kernelVermagic`,
    /// with `depends` the modules whose exports it uses (modpost's `add_depends()`).
    public func modinfo(kernel: KernelDescription, depends: [String]) -> Modinfo {
        var modpost: [String] = []
        modpost.append("vermagic=\(vermagic ?? kernel.vermagic)")
        modpost.append("name=\(name)")
        if kernel.architecture == .x86_64, kernel.version.isAtLeast(4, 15) { modpost.append("retpoline=Y") }
        modpost.append("depends=\(depends.joined(separator: ","))")
        if modinfoValue("version") != nil { modpost.append("srcversion=\(srcversion)") }
        return Modinfo(strings: ownModinfo.reversed() + modpost.reversed())
    }

    /// A built-in module's strings as `modules.builtin.modinfo` keeps them (without the
    /// `<modname>.` prefix): its own, `MODULE_LICENSE()` adding `file=<KBUILD_MODFILE>` before
    /// the license; no modpost strings.
    public var builtinModinfo: Modinfo {
        var strings: [String] = []
        let file = object.path.hasSuffix(".o") ? String(object.path.dropLast(2)) : object.path
        for string in ownModinfo {
            if string.hasPrefix("license=") { strings.append("file=\(file)") }
            strings.append(string)
        }
        return Modinfo(strings: strings.reversed())
    }

    /// `srcversion=`: modpost's MD4 of the sources, here a stable FNV-1a digest of what was
    /// declared, 23 uppercase hex digits as such values usually show.
    public var srcversion: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in (ownModinfo.joined(separator: "\n") + name).utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01b3 &+ 7
        }
        let text = String(hash, radix: 16, uppercase: true) + String(second, radix: 16, uppercase: true)
        return String(String(repeating: "0", count: max(0, 32 - text.count)) + text).prefix(23).description
    }
}

extension KernelDescription {
    /// `VERMAGIC_STRING` (include/linux/vermagic.h): the release, `SMP ` with more than one
    /// CPU, `mod_unload `, the architecture's part — with the trailing space.
    public var vermagic: String {
        var text = "\(version) "
        if cpus > 1 { text += "SMP " }
        text += "mod_unload "
        if architecture == .arm64 { text += "aarch64" }
        return text
    }

    /// Which module exports each symbol (the first to export it), for modpost's `depends=`.
    public var moduleExports: [String: String] {
        var owners: [String: String] = [:]
        for module in modules where module.build == .module {
            for export in module.exports where owners[export.name] == nil { owners[export.name] = module.name }
        }
        return owners
    }

    /// `depends=` of `module`: the modules owning the symbols it uses, in first-use order.
    public func depends(of module: ModuleDescription, owners: [String: String]? = nil) -> [String] {
        let owners = owners ?? moduleExports
        var result: [String] = []
        for symbol in module.uses {
            if let owner = owners[symbol], owner != module.name, !result.contains(owner) { result.append(owner) }
        }
        return result
    }

    /// The `.modinfo` of every loadable module, by name.
    public func modinfo(of module: ModuleDescription) -> Modinfo {
        module.modinfo(kernel: self, depends: depends(of: module))
    }
}
