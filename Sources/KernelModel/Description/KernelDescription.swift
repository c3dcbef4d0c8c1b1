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
    /// The drivers declared with `module` blocks, built in or as loadable modules, in
    /// description order. Built-in ones are also among ``objects``.
    public var modules: [ModuleDescription] = []
    /// The modules user space loads after init, in order (`load` statements): the boot
    /// replays them once init runs (``ModuleLoad``).
    public var loads: [ModuleLoad] = []
    /// The level table: the registration macros, their sections, and the tables `do_initcalls()`
    /// walks. Set it before adding objects, whose registrations use its macros.
    public var levels: LevelTable = .linux6
    /// The linker script; nil means the shipped Linux 6.x layout (``DefaultLinkerScript``).
    public var linkerScript: LinkerScript?
    /// The disks the kernel finds, with their partitions and what each filesystem holds:
    /// `prepare_namespace()` mounts the one `root=` names. None: a kernel without an initramfs
    /// `/init` panics with "VFS: Unable to mount root fs", as a real one does.
    public var disks: [Disk] = []
    /// The block-device filesystems the kernel registers, in registration order: what
    /// `mount_block_root()` tries without `rootfstype=` (`list_bdev_fs_names()`). ext4 built
    /// in registers `ext3` and `ext2` before itself.
    public var filesystems: [String] = ["ext3", "ext2", "ext4"]
    /// The executables of the initramfs unpacked into rootfs (nil: none). With `/init` (or the
    /// `rdinit=` path) in it, that runs and no root is mounted.
    public var initramfs: [String]?
    /// The `Hardware name:` of stack dumps.
    public var hardwareName: String = "initcall-sim virtual machine, BIOS 0.0 01/01/2026"
    /// What the build stamped in: the banner's compiler, linker, user and version, and the
    /// stack-dump details that follow from them.
    public var build = KernelBuild()
    /// The configuration options that change what a boot prints.
    public var config = KernelConfig()
    /// The KASLR offset this boot got (x86-64), printed by `panic()` as "Kernel Offset: 0x…";
    /// nil (or `nokaslr`) prints "Kernel Offset: disabled".
    public var kaslrOffset: UInt64?
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
    ///
    /// `defines` are the `-D` names the object was compiled with (`CFLAGS_foo.o += -DDEBUG`):
    /// `DEBUG` turns its `pr_debug()` and `dev_dbg()` calls on.
    public mutating func object(_ path: String, defines: [String] = [], _ build: (TranslationUnit) -> Void) {
        var object = ObjectFile(path, levels: levels, build)
        object.defines = defines
        objects.append(object)
    }

    /// Adds a driver: a loadable module (kept in ``modules`` for the loader), or built in —
    /// then its object, with its init registered and its exit discarded, joins ``objects`` too.
    public mutating func add(_ module: ModuleDescription) {
        var module = module
        if module.build == .builtin {
            var object = module.object
            object.entries += module.builtinEntries(levels: levels)
            objects.append(object)
            module.object = object
        }
        modules.append(module)
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
