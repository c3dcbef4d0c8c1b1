import LinkerScript
import SourceInput

/// Everything that defines a simulated kernel before it is linked: the objects with their
/// registrations, the link order, the linker script and level table, the command line and the
/// machine. A `.boot` file parses into one of these; Swift code builds one directly.
public struct KernelDescription: Sendable {
    /// The release string printed in the banner (`Linux version 6.8.0-sim …`).
    public var version: KernelVersion = KernelVersion("6.8.0-sim")
    /// The architecture: it decides the size of a table entry and what freeing init memory prints.
    public var architecture: Architecture = .x86_64
    /// CPUs brought up by `smp_init()` (limited by `nosmp` / `maxcpus=`).
    public var cpus: Int = 4
    /// The boot command line (`saved_command_line`).
    public var commandLine: String = ""
    /// The objects in description order, which is the link order unless one is given.
    public var objects: [ObjectFile] = []
    /// The level table: the registration macros, their sections, and the tables `do_initcalls()`
    /// walks. Set it before adding objects, whose registrations use its macros.
    public var levels: LevelTable = .linux6
    /// The linker script; nil means the shipped Linux 6.x layout (``DefaultLinkerScript``).
    public var linkerScript: LinkerScript?
    /// Executables present in the root filesystem, for `run_init_process()`.
    public var rootFilesystem: [String] = ["/sbin/init", "/bin/sh"]
    /// Whether an initramfs provides `/init` (`rdinit=` default).
    public var hasInitramfs: Bool = false
    /// The `Hardware name:` of stack dumps.
    public var hardwareName: String = "initcall-sim virtual machine, BIOS 0.0 01/01/2026"
    /// The virtual time the parts of the boot that are not initcalls take.
    public var timeline: BootTimeline = BootTimeline()
    /// Where the description came from, for messages (`Examples/board.boot`).
    public var sourceFile: String?

    /// An empty description of an x86-64 `6.8.0-sim` kernel: 4 CPUs, no command line, no objects,
    /// the Linux 6.x level table and the shipped linker script.
    public init() {}

    /// A kernel of release `release` with that era's level table (``LevelTable/linux(for:)``):
    /// what `kernel "2.6.27"` does in a `.boot` file. The linker script follows the release
    /// too while ``linkerScript`` is nil.
    public init(release: KernelVersion) {
        version = release
        levels = LevelTable.linux(for: release)
    }

    /// Adds an object file written with the registration macros:
    ///
    ///     kernel.object("drivers/base/core.o") { tu in
    ///         tu.core_initcall(driver_core_init)
    ///     }
    public mutating func object(_ path: String, _ build: (TranslationUnit) -> Void) {
        objects.append(ObjectFile(path, levels: levels, build))
    }

    /// The object paths in description order.
    public var objectPaths: [String] { objects.map(\.path) }
}

extension KernelDescription {
    /// What reading the inputs warned about, as GCC and ld would print it: the linker
    /// script's warnings (its preprocessing included), then the level files'.
    public var inputWarnings: [Diagnostic] {
        (linkerScript?.warnings ?? []) + (levels.sources?.warnings ?? [])
    }
}
