import KernelLink
import KernelModel
import ModuleLoader

/// The module rows: `depmod` over 5,000 described modules, and `modprobe` of the module at the
/// end of a 100-deep dependency chain then `modprobe -r` of it (goal: under 100 ms each, in
/// release mode). `initcall-bench --modules` runs only these.
enum ModuleBench {
    static func rows() -> [String] {
        [depmodRow(), modprobeRow()]
    }

    /// `count` modules, each exporting a symbol. As a chain, each uses the one before it;
    /// otherwise each uses those of modules (i-1)/2 and (i-1)/3, a tree about twelve deep as a
    /// distribution's modules are shallow.
    static func description(modules count: Int, chain: Bool) -> KernelDescription {
        var description = KernelDescription()
        description.initramfs = ["/init"]
        for index in 0..<count {
            var module = ModuleDescription(name: "m\(index)")
            module.info = [("license", "GPL")]
            module.exports = [.init(name: "m\(index)_get", gplOnly: false)]
            if index > 0 {
                let targets = chain ? [index - 1] : [(index - 1) / 2, (index - 1) / 3]
                for target in Set(targets).sorted() { module.uses.append("m\(target)_get") }
            }
            module.exitFunction = InitFunction("m\(index)_exit") { _ in 0 }
            description.add(module)
        }
        return description
    }

    static func depmodRow() -> String {
        let description = description(modules: 5_000, chain: false)
        let (result, seconds) = BenchTimer.best(of: 5) { Depmod.run(description) }
        return "depmod: 5000 modules, \(result.modulesDep.utf8.count / 1_000) kB modules.dep: "
            + "\(BenchTimer.ms(seconds)) ms (goal < 100 ms)"
    }

    static func modprobeRow() -> String {
        let description = description(modules: 100, chain: true)
        guard let image = try? Linker.link(description) else { return "modprobe: link failed" }
        let shell = ModuleShell(loader: ModuleLoader(kernel: image.bootLive()))
        _ = shell.execute("depmod")
        var load = Double.infinity
        var unload = Double.infinity
        var loaded = 0
        for _ in 0..<5 {
            load = min(load, BenchTimer.timed { shell.execute("modprobe m99") }.1)
            loaded = shell.loader.modules.count
            unload = min(unload, BenchTimer.timed { shell.execute("modprobe -r m99") }.1)
        }
        return "modprobe: 100-deep chain, \(loaded) modules loaded: modprobe \(BenchTimer.ms(load)) ms, "
            + "modprobe -r \(BenchTimer.ms(unload)) ms, \(shell.loader.modules.count) left (goal < 100 ms each)"
    }
}
