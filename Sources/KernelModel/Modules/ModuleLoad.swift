import SourceInput

/// A module user space loads after init: `load NAME at=2.307595s pid=180`. On a real system
/// udev's coldplug (libkmod in `systemd-udevd`, or `modprobe`) calls `finit_module()`, whose
/// `do_init_module()` runs the init through `do_one_initcall()`; with `initcall_debug` that
/// prints the `calling  fn+0x0/0x… [mod] @ PID` lines an imported log shows after
/// `Run /init as init process`.
public struct ModuleLoad: Sendable, Hashable {
    /// The module's name: a `module NAME` block built as a module (`build=m`).
    public var module: String
    /// `local_clock()` (ns) at which the load starts; nil, or a moment already past: as soon
    /// as the previous one is done.
    public var at: UInt64?
    /// The task making the system call: the pid `@ %i` prints.
    public var pid: Int32
    /// Its name (`comm`), which a stack dump inside the init shows.
    public var comm: String
    /// The module parameters it passes (`param=value …`, as `insmod` takes them).
    public var args: String
    /// Where the `load` statement is.
    public var source: SourceLocation?

    /// A load of `module` from task `pid` (`comm`), at `at` or at once.
    public init(
        module: String, at: UInt64? = nil, pid: Int32 = 200, comm: String = "modprobe", args: String = "",
        source: SourceLocation? = nil
    ) {
        self.module = module
        self.at = at
        self.pid = pid
        self.comm = comm
        self.args = args
        self.source = source
    }
}
