import InitcallSim
import ModuleLoader
import TestSupport
import Testing

/// Kernels with modules, booted and handed to a loader.
enum ModuleFixtures {
    /// A 6.8 kernel with an initramfs, the given statements after it.
    static func loader(_ text: String, cmdline: String = "", version: String = "6.8.0-sim") throws -> ModuleLoader {
        let header = "kernel \"\(version)\"\ninitramfs /init\ncmdline \"\(cmdline)\"\n"
        let description = try Fixtures.parse(header + text)
        let kernel = try Linker.link(description).bootLive()
        return ModuleLoader(kernel: kernel)
    }

    static let par = """
        module par
          MODULE_LICENSE "GPL"
          module_param age int 0644 default=25
          module_param_array arr int 0444 max=4 default=1,2,3,4
          module_init par_init printk=KERN_INFO:"age:%d\\n",age
          module_exit par_exit printk=KERN_INFO:"bye\\n"

        """

    static let depUser = """
        module dep
          MODULE_LICENSE "GPL"
          EXPORT_SYMBOL dep_get
          EXPORT_SYMBOL_GPL dep_gpl
          module_exit dep_exit
        module user
          MODULE_LICENSE "GPL"
          uses dep_get dep_gpl printk
          module_init user_init
          module_exit user_exit
        module prop
          MODULE_LICENSE "Proprietary"
          uses dep_gpl
          module_init prop_init

        """
}

extension ModuleLoader {
    /// The image named `name` as the description declared it.
    func image(_ name: String) -> ModuleDescription {
        kernel.description.modules.first { $0.name == name } ?? ModuleDescription(name: name)
    }

    /// insmod as root.
    @discardableResult
    func insmod(_ name: String, _ args: String = "", flags: Int = 0) -> Int32 {
        initModule(image(name), args: args, flags: flags).ret
    }

    /// rmmod as root.
    @discardableResult
    func rmmod(_ name: String, force: Bool = false) -> Int32 {
        deleteModule(name, flags: DeleteFlags.nonblock | (force ? DeleteFlags.trunc : 0)).ret
    }

    /// The log's texts.
    var lines: [String] { kernel.records.map(\.text) }

    /// What a failed operation must leave as it found: modules, states, refcounts, users,
    /// exported symbols, taint.
    var snapshot: Snapshot {
        Snapshot(
            modules: modules.map { "\($0.name) \($0.state) \($0.refcnt) \($0.sourceList) \($0.targetList)" },
            symbols: modules.flatMap { $0.image.exports.map(\.name) }, taint: kernel.taintMask,
            procModules: procModules())
    }
}

struct Snapshot: Equatable {
    var modules: [String]
    var symbols: [String]
    var taint: UInt32
    var procModules: String
}
