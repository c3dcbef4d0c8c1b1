/// What changed between kernel releases in what a boot prints and does, one switch per change,
/// each citing the change (see the project's research notes, `../shared/reference/` and the
/// kernel history). A release string the simulator cannot read (`KernelVersion("sim")`) is the
/// current kernel. Release numbers marked "about" were bracketed by reading the sources on
/// both sides; the text of each era's messages was read in the kernel sources of that era.
extension KernelVersion {
    // MARK: init/main.c: the shape of the initcall walks

    /// How `do_initcalls()` walks the table.
    public enum InitcallLoop: Sendable, Hashable {
        /// One `for (call = __initcall_start; call < __initcall_end; call++)` loop and no
        /// parameter passes: up to 3.3.
        case single
        /// `initcall_levels[]`, one `do_initcall_level()` per level, each with its own
        /// `parse_args()` pass: 3.4 and later.
        case perLevel
    }

    /// `do_initcalls()`: a single loop up to 3.3; per level, with `initcall_levels[]` and a
    /// parameter pass each, from 3.4 ("initcall: add the level name to initcall_level_names",
    /// the 3.4 rework of init/main.c).
    public var initcallLoop: InitcallLoop { isAtLeast(3, 4) ? .perLevel : .single }

    /// `early_initcall()` and `__early_initcall_end`, walked by `do_pre_smp_initcalls()`:
    /// 2.6.28 ("Full conversion to early_initcall() interface"); before it the pre-SMP work was
    /// a hard-coded list of calls, not a table.
    public var hasEarlyInitcalls: Bool { isAtLeast(2, 6, 28) }

    /// The 2.6.1x level macros: `__define_initcall(level, fn)`, levels 1–7 only, no sync
    /// levels, no `pure_initcall`, no `rootfs_initcall` — before 2.6.17.
    public var hasSyncLevels: Bool { isAtLeast(2, 6, 17) }

    /// `initcall_level_names[0]`: "early" from 3.4 until about 4.17, "pure" after
    /// (4ee7c60de83a "init, tracing: Add initcall trace events", which also names the pre-SMP
    /// walk "early" in the `initcall_level` event).
    public var levelZeroName: String { isAtLeast(4, 17) ? "pure" : "early" }

    // MARK: init/main.c: the initcall_debug lines and the sanity report

    /// How `initcall_debug` prints a call and its return.
    public enum InitcallDebugStyle: Sendable, Hashable {
        /// Up to 2.6.16: only `Calling initcall 0x%p: %s()` before the call; the return value
        /// is ignored, and the sanity report is `error in initcall at 0x%p: returned with %s`.
        case addressUntimed
        /// 2.6.17 to 2.6.21: the same line before the call, no line after it; the return
        /// value is checked (c1cda48af8b3 "[PATCH] initcall failure reporting") and the report
        /// names the function: `initcall at 0x%p: %s(): returned with %s`.
        case addressChecked
        /// 2.6.22 to 2.6.25: `Calling initcall 0x%p: %s()` / `initcall 0x%p: %s() returned %d.` /
        /// `initcall 0x%p ran for %Ld msecs: %s()` (Ingo Molnar, "enhance initcall_debug,
        /// measure latency", April 2007).
        case address
        /// 2.6.26 and 2.6.27: `calling  %pF` / `initcall %pF returned %d after %Ld msecs`.
        case milliseconds
        /// 2.6.28 and later: `calling  %pF @ %i` / `initcall %pF returned %d after %lld usecs`.
        case microseconds

        /// Whether the kernel printed the function's address (`0x%p`) rather than `%pF`.
        public var printsAddress: Bool { self == .addressUntimed || self == .addressChecked || self == .address }

        /// The records `initcall_debug` prints for one call: the line before it, and those after.
        public var recordsPerCall: Int {
            switch self {
            case .addressUntimed, .addressChecked: 1
            case .address: 3
            case .milliseconds, .microseconds: 2
            }
        }
    }

    /// The `initcall_debug` line style: addresses up to 2.6.25; `%pF` with milliseconds in 2.6.26
    /// (`print_fn_descriptor_symbol`) and 2.6.27 (`%pF`, 0fe1ef24f7bd); the pid and
    /// microseconds from 2.6.28 (the boot tracer).
    public var initcallDebugStyle: InitcallDebugStyle {
        if isAtLeast(2, 6, 28) { return .microseconds }
        if isAtLeast(2, 6, 26) { return .milliseconds }
        if isAtLeast(2, 6, 22) { return .address }
        if isAtLeast(2, 6, 17) { return .addressChecked }
        return .addressUntimed
    }

    /// Whether the `initcall_debug` lines are `KERN_DEBUG`: from 2.6.36 (the split into
    /// `do_one_initcall_debug()`), and the lone `printk(KERN_DEBUG "Calling initcall …")` up to
    /// 2.6.21; in between, plain `printk()` at the default loglevel (4), so they reached the
    /// console.
    public var initcallDebugIsKernDebug: Bool { isAtLeast(2, 6, 36) || !isAtLeast(2, 6, 22) }

    /// The level of the sanity report up to 3.8: `KERN_WARNING` up to 2.6.26; from 2.6.27 a
    /// plain `printk()`, the default loglevel (4, the same number).
    public var sanityReportIsKernWarning: Bool { !isAtLeast(2, 6, 27) }

    /// The duration `initcall_debug` prints for `nanoseconds`: `ns >> 20` "msecs" up to
    /// 2.6.27, `ns >> 10` "usecs" from 2.6.28, and true microseconds (`ktime_us_delta()`)
    /// from about 5.18 ("init: Use ktime_us_delta() to make initcall_debug log more precise").
    public func initcallDuration(nanoseconds: UInt64) -> UInt64 {
        if isAtLeast(5, 18) { return nanoseconds / 1_000 }
        if isAtLeast(2, 6, 28) { return nanoseconds >> 10 }
        return nanoseconds >> 20
    }

    /// `do_one_initcall()`'s sanity report: a plain `printk("initcall %pF returned with %s\n")`
    /// with an `"error code %d "` clause (only with `initcall_debug`, not for `-ENODEV`) up to
    /// 3.8; `WARN(msgbuf[0], …)` without the error clause from about 3.9 (f91eb62f71b3).
    public var sanityReportIsWarn: Bool { isAtLeast(3, 9) }

    /// `%pF` (up to 5.1) or `%pS` (from 5.2): the same text on x86 and arm64.
    public var symbolFormat: String { isAtLeast(5, 2) ? "%pS" : "%pF" }

    /// Console initcalls go through the initcall tracepoints (and so `initcall_debug` prints
    /// them, `@ 0`): 4.17 (58eacfffc417 "init, tracing: instrument security and console
    /// initcall trace events"); before, `console_init()` called them silently.
    public var tracesConsoleInitcalls: Bool { isAtLeast(4, 17) }

    /// How `print_unknown_bootoptions()` names the parameters passed on to init: not at all
    /// before 5.14; `Unknown command line parameters: …` from 5.14 (86d1919a4fb0 "init: print
    /// out unknown kernel parameters", merged for 5.14-rc1); `Unknown kernel command line
    /// parameters "…", will be passed to user space.` from 5.16 (8bc2b3dca729 "init: make
    /// unknown command line param message clearer"), which 5.15.3 took as well. (Later 5.14
    /// stable releases may have taken it too; they keep the first text here.)
    public var unknownBootoptionsStyle: UnknownBootoptionsStyle {
        if isAtLeast(5, 15, 3) { return .clear }
        if isAtLeast(5, 14) { return .terse }
        return .none
    }

    /// The texts of ``unknownBootoptionsStyle``.
    public enum UnknownBootoptionsStyle: Sendable {
        case none, terse, clear
    }

    /// `initcall_debug` prints "entering initcall level: %s" for every level (init/main.c,
    /// `trace_initcall_level_cb`): Francesco Valla, "init/main.c: log initcall level when
    /// initcall_debug is used" (posted 2025-03-16; taken into akpm's mm-nonmm tree on
    /// 2025-04-03, during the 6.15 merge window, so first released in 6.16).
    public var printsInitcallLevel: Bool { isAtLeast(6, 16) }

    // MARK: printk

    /// Whether a `printk()` without `KERN_CONT` continues a record that did not end in a
    /// newline: up to 4.8; from 4.9 it starts a new record (4bcc595ccd80 "printk: reinstate
    /// KERN_CONT for printing continuation lines").
    public var continuesWithoutKernCont: Bool { !isAtLeast(4, 9) }

    // MARK: Reports (dump_stack, WARN, panic, scheduler bugs)

    /// The number of taint flags `print_tainted()` prints: 15 (3.x), 18 (5.x), 19 from 6.0
    /// (`N`, TAINT_TEST), 20 from 6.15 (`J`, TAINT_FWCTL).
    public var taintFlagCount: Int {
        if isAtLeast(6, 15) { return 20 }
        if isAtLeast(6, 0) { return 19 }
        if isAtLeast(5, 0) { return 18 }
        return 15
    }

    /// The `dump_stack_print_info()` header: `Pid: %d, comm: %.20s …` up to about 3.9;
    /// `CPU: %d PID: %d Comm: …` from 3.10 (the dump_stack consolidation).
    public var dumpStackHeaderHasCPU: Bool { isAtLeast(3, 10) }

    /// `CPU: %d UID: %u PID: %d …` and the separate `Tainted: [W]=WARN` line once tainted:
    /// about 6.11 ("dump_stack: report process UID in dump_stack_print_info()", "kernel/panic:
    /// add verbose logging of kernel taints in backtraces").
    public var dumpStackHeaderHasUIDAndVerboseTaint: Bool { isAtLeast(6, 11) }

    /// The preemption model after the release in the header (`PREEMPT(voluntary)`, with a
    /// trailing space before the build id): 6.15 ("lib/dump_stack: Use preempt_model_str()").
    public var dumpStackHeaderHasPreemptModel: Bool { isAtLeast(6, 15) }

    /// The WARN banner `WARNING: %s:%d at %pS, CPU#%d: %s/%d` from 6.19 (28ea295f941e);
    /// `WARNING: CPU: %d PID: %d at %s:%d %pS` before.
    public var warnBannerNamesFileFirst: Bool { isAtLeast(6, 19) }

    /// `---[ end trace 0000000000000000 ]---`: zeros from about 5.17 ("panic: Remove oops_id");
    /// a random `oops_id` before.
    public var endTraceIsZero: Bool { isAtLeast(5, 17) }

    /// `panic_on_warn` names its origin (`kernel: panic_on_warn set ...`): 6.2 (79cc1ba7badf
    /// "panic: Consolidate open-coded panic_on_warn checks"), backported to 6.1.y in January
    /// 2023 (6.1.7 and later).
    public var panicOnWarnNamesOrigin: Bool { isAtLeast(6, 1, 7) }

    /// x86-64 `ret_from_fork_asm` under `ret_from_fork` in PID 1's call traces: 6.5
    /// (3aec4ecb3d1f "x86: Rewrite ret_from_fork() in C").
    public var hasRetFromForkAsm: Bool { isAtLeast(6, 5) }

    /// `might_sleep()` reports in initcalls: from 4.13 (1c3c5eab1715 "sched/core: Enable
    /// might_sleep() and smp_processor_id() checks early"); before, initcalls ran in
    /// `SYSTEM_BOOTING` and the check was silent.
    public var checksMightSleepDuringInitcalls: Bool { isAtLeast(4, 13) }

    /// `__might_resched()` adds `preempt_count: %x, expected: %x` and `RCU nest depth: …`
    /// lines: 5.16 ("sched: Make might_sleep() output less confusing").
    public var mightReschedPrintsCounts: Bool { isAtLeast(5, 16) }

    /// `___might_sleep()`'s second line names `non_block: %d` (`in_atomic(): %d,
    /// irqs_disabled(): %d, non_block: %d, pid: %d, name: %s`): about 5.4, with Daniel Vetter's
    /// "kernel.h: Add non_block_start/end()" (2019, the non-blocking mmu-notifier sections);
    /// before, `in_atomic(): %d, irqs_disabled(): %d, pid: %d, name: %s`.
    public var mightSleepPrintsNonBlock: Bool { isAtLeast(5, 4) }

    // MARK: Root mount and init memory

    /// The 6.5 rework of init/do_mounts.c (Christoph Hellwig, "init: rename mount_block_root
    /// to mount_root_generic" and "init: pass root_device_name explicitly", with
    /// `early_lookup_bdev()`): the `root=` text verbatim in "VFS: Cannot open root device"
    /// (`""` when unset; before, `/dev/` stripped and `"(null)"` when unset), `root=` checked
    /// once by `parse_root_device()` ("Disabling rootwait; root= is invalid."), the no-filesystem
    /// panic naming the device (`"VFS: Unable to mount root fs on \"%s\" or %s"`), and the
    /// "List of all bdev filesystems:" block before the panic (Angus Chen, "init: Add bdev fs
    /// printk if mount_block_root failed", 2023-05).
    public var hasEarlyLookupMounts: Bool { isAtLeast(6, 5) }

    /// `rootwait=<seconds>`: a bounded wait for the root device (Loic Poulain, "init: Add
    /// support for rootwait timeout parameter", written against the 6.5 `early_lookup_bdev()`
    /// code, released in 6.6); before, only the bare `rootwait`, which waits for ever.
    public var hasRootwaitTimeout: Bool { isAtLeast(6, 6) }

    /// `prepare_namespace()` ends with `init_pivot_root()` and `pr_info("VFS: Pivoted into new
    /// rootfs\n")` instead of `MS_MOVE` + `chroot`: Christian Brauner's nullfs rootfs work,
    /// seen in 7.0 boots (about 7.0; the release is inferred from real 7.0 logs).
    public var pivotsIntoNewRootfs: Bool { isAtLeast(7, 0) }

    /// `__schedule_bug()` and `__warn()` call `check_panic_on_warn(origin)` (6.2, 79cc1ba7badf,
    /// backported to 6.1.7): `panic("%s: panic_on_warn set ...\n", origin)`. Before, `__warn()`
    /// panicked with "panic_on_warn set ..." and `__schedule_bug()` with "scheduling while
    /// atomic".
    public func panicOnWarnMessage(origin: String) -> String {
        if panicOnWarnNamesOrigin { return "\(origin): panic_on_warn set ..." }
        return origin == "kernel" ? "panic_on_warn set ..." : origin
    }

    /// The call-trace frames x86-64 prints for PID 1: `ret_from_fork` written in assembly
    /// under `kernel_init` up to 6.4 (with the unreliable `? rest_init` word a 6.1 trace
    /// shows), `ret_from_fork` in C under `ret_from_fork_asm` from 6.5 (see
    /// ``hasRetFromForkAsm``).
    public var hasUnreliableRestInitFrame: Bool { !hasRetFromForkAsm && isAtLeast(5, 0) }

    // MARK: The frame around the initcalls: smp_init(), free_initmem(), init

    /// What `smp_init()` prints once the secondary CPUs are up.
    public enum SmpAnnouncement: Sendable, Hashable {
        /// `pr_info("Bringing up secondary CPUs ...\n")`, then `pr_info("Brought up %d node%s,
        /// %d CPU%s\n", …)`, with `pr_fmt` "smp: " (kernel/smp.c): 4.10 (92b23278d8ab
        /// "kernel/smp: Make the SMP boot message common on all arches"; about 4.10).
        case common
        /// x86's `smp_announce()`: `"x86: Booted up %d node%s, %d CPUs\n"` (KERN_INFO), other
        /// architectures the generic `"Brought up %d CPUs\n"`: 3.11–4.9 (the x86 "compress CPUs
        /// bootup message" rework; about 3.11).
        case x86BootedUp
        /// `printk(KERN_INFO "Brought up %ld CPUs\n", …)`, "CPUs" whatever the count: in
        /// init/main.c's `smp_init()` (2.6.11's "make loglevels in init/main.c a little more
        /// sane"), moved to kernel/smp.c in 2.6.39 with the same text; up to 3.10.
        case broughtUp

        /// The records `smp_init()` prints: two with the common text, one before it.
        public var records: Int { self == .common ? 2 : 1 }
    }

    /// See ``SmpAnnouncement``.
    public var smpAnnouncement: SmpAnnouncement {
        if isAtLeast(4, 10) { return .common }
        return isAtLeast(3, 11) ? .x86BootedUp : .broughtUp
    }

    /// How x86-64's `free_init_pages()` (and the generic `free_reserved_area()`) word a freed
    /// part of the kernel image.
    public enum InitmemFreeStyle: Sendable, Hashable {
        /// `printk(KERN_INFO "Freeing %s: %luk freed\n", "unused kernel memory", …)`: up to 3.10.
        case kernelFreed
        /// `pr_info("Freeing %s memory: %ldK (%p - %p)\n", "unused kernel", …)` from
        /// mm/page_alloc.c (Jiang Liu, "mm/x86: use free_reserved_area() to simplify code";
        /// about 3.11) until 4.9.
        case kernelWithRange
        /// The same without the addresses (adb1fe9ae2ee "mm/page_alloc: Remove kernel address
        /// exposure in free_reserved_area()", 4.10).
        case kernel
        /// `"unused kernel image"` for every part (Dave Hansen's `free_kernel_image_pages()`
        /// helper; read in 4.19) until 5.4.
        case image
        /// `"unused kernel image (initmem)"`, `"(text/rodata gap)"`, `"(rodata/data gap)"`
        /// (Kees Cook, "x86/mm: Report which part of kernel image is freed"; about 5.5).
        case imagePart
    }

    /// See ``InitmemFreeStyle``.
    public var initmemFreeStyle: InitmemFreeStyle {
        if isAtLeast(5, 5) { return .imagePart }
        if isAtLeast(4, 19) { return .image }
        if isAtLeast(4, 10) { return .kernel }
        return isAtLeast(3, 11) ? .kernelWithRange : .kernelFreed
    }

    /// x86-64's `mark_rodata_ro()` frees the text/rodata and rodata/data gaps after "Write
    /// protecting the kernel read-only data" (74e08179, 2.6.33); before, it frees nothing.
    public var freesRodataGaps: Bool { isAtLeast(2, 6, 33) }

    /// "Write protecting the kernel read-only data: %luk" is `KERN_INFO` from 2.6.24; before,
    /// a `printk` without a level (`KERN_DEFAULT`).
    public var writeProtectIsKernInfo: Bool { isAtLeast(2, 6, 24) }

    /// How kernel/async.c prints its workers' `calling  %lli_%pF @ %i` / `initcall %lli_%pF
    /// returned 0 after %lld usecs` lines and its `async_waiting`/`async_continuing` pairs.
    public enum AsyncDebug: Sendable, Hashable {
        /// Before 2.6.29: there is no kernel/async.c.
        case none
        /// 2.6.29 (22a9d645677f, "async: Asynchronous function calls to speed boot") to 3.17:
        /// `printk()` under `initcall_debug` while the system boots — `async_synchronize_full()`'s
        /// `async_waiting @ %i` / `async_continuing @ %i after %lli usec` pair after the
        /// initcalls and before init memory is freed (read as printk in 3.13's source). 2.6.29's
        /// `run_one_entry()` printed the worker lines without a level; "async: use workqueue for
        /// worker pool" (083b804c4d3e, 2.6.36) moved them into `async_run_entry_fn()` at
        /// `KERN_DEBUG` (the waiting pair was `KERN_DEBUG` from the start).
        case printk(workerLevel: LogLevel)
        /// 3.18 on ("kernel/async.c: switch to pr_foo()", 27fb10edcacb, committed 9 October
        /// 2014 in the 3.18 merge window; read as pr_debug in 4.0): `pr_debug()`, printed
        /// only when kernel/async.c is built with DEBUG or dynamic debug turns its call sites
        /// on. `guarded`: still only
        /// under `initcall_debug` while booting, and the worker says `returned 0 after` — until
        /// "kernel/async.c: stop guarding pr_debug() statements" and "kernel/async.c: fix
        /// pr_debug statement" (Rasmus Villemoes, akpm's batch for 5.13 with "init/initramfs.c:
        /// do unpacking asynchronously", e7cb072eb988), after which it prints at any time and
        /// says `returned after`.
        case prDebug(guarded: Bool)
    }

    /// kernel/async.c's debug lines in this release (``AsyncDebug``).
    public var asyncDebug: AsyncDebug {
        if !isAtLeast(2, 6, 29) { return .none }
        if !isAtLeast(3, 18) { return .printk(workerLevel: isAtLeast(2, 6, 36) ? .KERN_DEBUG : .KERN_DEFAULT) }
        return .prDebug(guarded: !isAtLeast(5, 13))
    }

    /// `run_init_process()` announces each attempt, `pr_info("Run %s as init process\n")`:
    /// read in 4.19 and absent from 4.14 (the commit between was not found; modelled from 4.19).
    /// Before, nothing is printed when init starts.
    public var announcesInitProcess: Bool { isAtLeast(4, 19) }

    /// The KERN_DEBUG `  with arguments:` / `  with environment:` lists after it (Arvind
    /// Sankar, "init/main.c: log arguments and environment passed to init"; about 5.7).
    public var listsInitArguments: Bool { isAtLeast(5, 7) }

    /// devtmpfs, and with it `devtmpfs_mount()`'s "devtmpfs: mounted": 2.6.32.
    public var hasDevtmpfs: Bool { isAtLeast(2, 6, 32) }

    /// "VFS: Mounted root (%s filesystem)%s on device %u:%u.": the device from about 2.6.25
    /// (the 2.6.24 line ends after "readonly"; the commit between was not found).
    public var mountedRootNamesDevice: Bool { isAtLeast(2, 6, 25) }

    /// The same line is `KERN_INFO` from 2.6.39 (80cdc6dae "fs: use appropriate printk priority
    /// level"); before, a `printk` without a level (`KERN_DEFAULT`).
    public var mountedRootIsKernInfo: Bool { isAtLeast(2, 6, 39) }

    /// `initcall_blacklist=` (7b0b73d76651 "init/main.c: add initcall_blacklist kernel
    /// parameter", 3.16); before, the option is unknown and goes to init's environment.
    public var hasInitcallBlacklist: Bool { isAtLeast(3, 16) }

    // MARK: Build

    /// The banner names the linker as well as the compiler: 5.8 (4dcc9a88448a "kbuild:
    /// mkcompile_h: Include $LD version in /proc/version").
    public var bannerNamesLinker: Bool { isAtLeast(5, 8) }

    /// `UTS_VERSION` can say `PREEMPT_DYNAMIC` (Frederic Weisbecker, "sched/preempt: Tell about
    /// PREEMPT_DYNAMIC on kernel headers"; about 5.18); before, such a kernel says `PREEMPT`.
    public var utsVersionNamesPreemptDynamic: Bool { isAtLeast(5, 18) }

    /// `--orphan-handling=warn` on the vmlinux link (CONFIG_LD_ORPHAN_WARN, x86, arm, arm64,
    /// powerpc): 5.10; the level can be "error" (CONFIG_LD_ORPHAN_WARN_LEVEL, with WERROR)
    /// from about 6.2.
    public var warnsAboutOrphanSections: Bool { isAtLeast(5, 10) }
}
