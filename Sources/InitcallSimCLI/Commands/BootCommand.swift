import Reports

enum BootCommand {
    static let command = Command(
        name: "boot",
        summary: "boot a .boot description and print the kernel log",
        help: """
            OVERVIEW: boot a described kernel and print its log as dmesg would

            USAGE: initcall-sim boot <file.boot> [options]

            OPTIONS:
              --cmdline <text>          the kernel command line (replaces the file's 'cmdline')
              --link-order <file>       object paths in link order, one a line ('#' comments)
              --allow-partial           let the link order name unknown objects or leave some out
              --linker-script <file>    the linker script (replaces the file's 'linker-script')
              --format <format>         dmesg (default), raw (dmesg -r, with <level>),
                                        console (what the console shows at console_loglevel),
                                        json (records, per-initcall results, parameters),
                                        perfetto (Chrome trace-event JSON for ui.perfetto.dev
                                        and chrome://tracing: a track per PID, levels
                                        enclosing their calls, stage and WARN markers),
                                        ftrace (the initcall:initcall_level/_start/_finish
                                        events as /sys/kernel/tracing/trace prints them), or
                                        svg (a timeline: levels as bands, a row per long
                                        call, short calls folded per level)
              --parameters              list every parameter instead of the log: type,
                                        permission, the pass that sets it, its value as
                                        /sys/module/<module>/parameters/<name> reads

            THE .boot FILE: one statement a line; '#' starts a comment; strings are "…" with
            \", \\, \n and \t. At the top:
              kernel "6.8.0-sim"            the release (banner; picks what changed between
                                            releases)
              arch x86_64|arm64|generic     the architecture
              cpus 4                        CPUs smp_init() brings up
              hardware "…"                  the "Hardware name:" of stack dumps
              cmdline "…"                   the kernel command line
              linker-script "path" [-DNAME[=V]] [-UNAME] [-IDIR]
                                            the linker script, relative to the file (.lds.S
                                            macro form is preprocessed)
              levels "init.h" ["main.c"] [-DNAME]…
                                            level definitions, before the first object
              initramfs [/init /bin/sh]     an initramfs and the executables it holds (/init
                                            alone by default); with /init no root is mounted
              disk vda size=20G [driver=virtio_blk] [devt=254:0] [requires=a,b] [appears=1s]
                   [fs=ext4 holds=/sbin/init,…] [printk=KERN_INFO:"…"]
                                            a disk the kernel finds (requires=: resources its
                                            driver provides; appears=: an asynchronous probe)
              partition vda1 size=19G [fs=ext4] [holds=/sbin/init,/bin/sh] [uuid=…] [label=…]
                   [devt=…] [printk=…]      a partition of the disk before it; root= names it
              filesystems ext3 ext2 ext4    block filesystems built in, in registration order
              build compiler="…" linker="…" version="#1 SMP …" user="…" host="…"
                   package="…" preempt="…"  what linux_banner and stack dumps print
              timeline console_init=40ms kernel_init=20ms smp_init=2ms do_basic_setup=1ms
                   prepare_namespace=0 free_initmem=3ms printk=1us [jiffies=4ms jiffies_phase=1ms]
                                            the virtual time of each fixed stage; jiffies=:
                                            ktime_get() reads whole ticks until
                                            clocksource_done_booting() switches
              config CONFIG_DYNAMIC_DEBUG=y CONFIG_DEVTMPFS_MOUNT=n CONFIG_DEBUG_ATOMIC_SLEEP=y
              kaslr 0x2ce00000              the KASLR offset "Kernel Offset:" prints
              object drivers/x/y.o [-DDEBUG]
                                            an object file, in link order (-DDEBUG turns its
                                            pr_debug on)
            Under an object, one registration a line: any level macro (core_initcall,
            module_init, …, and a custom level's), __define_initcall FN ID, or module_exit FN,
            then the function name and attributes, run in this order:
              preempt=+N|-N  irqs=off  time=120us  sleep=2ms  requires=a,b  on-missing=…
              printk=KERN_ERR:"text"  pr_debug="text"  panic="message"  returns=-ENODEV
              provides=a,b  size=0x40
            and, for replaying a real log: gap=DUR (time before the call is reached),
            flush=DUR (the calling line's console output), address=0x… (%p of 2.6.22-2.6.25),
            printk=+DUR:KERN_INFO:"…" (a line printed DUR into time=; the leading lines only)
            printk= takes a C format and arguments: printk=KERN_INFO:"age=%d arr[1]=%d\n",age,arr[1];
            without a level it is a bare printk() (continues a line before 4.9), KERN_CONT: is
            pr_cont(); request_module=NAME asks for a module (see 'initcall-sim shell').
            async=NAME (or async=+DUR:NAME) hands an entry to async_schedule(); declare it
            before, under the object:
              async NAME [function=FN] [time=DUR] [delay=DUR] [pid=N] [size=0x..]
                    [synchronize=cookie] [printk=[+DUR:]KERN_INFO:"…"]
                                            a worker (pid=, else the pool's first idle
                                            one, from pid 6) runs it delay= after it is
                                            scheduled, beside the boot; 2.6.29-3.17 print
                                            'calling  <cookie>_<fn>+0x0/0x.. @ <pid>' and its
                                            returned line with initcall_debug (3.18 on: with
                                            dyndbg= on kernel/async.c)
              module NAME [build=y|m]       a driver built in or as NAME.ko, then its lines:
                                            MODULE_LICENSE/AUTHOR/DESCRIPTION/VERSION/ALIAS
                                            "…", MODULE_INFO TAG "…", EXPORT_SYMBOL[_GPL] SYM,
                                            uses SYM…, module_init/module_exit FN (any level
                                            macro is module_init in a module), the parameter
                                            lines below, sizes core=N init=N, vermagic "…",
                                            signed
              load NAME [at=2.5s] [pid=180] [comm=systemd-udevd] [args="p=v …"]
                                            after init, user space loads module NAME
                                            (finit_module(), as udev does), in file order
            Parameters and boot options, under an object:
              modname par                   KBUILD_MODNAME (default: the object's base name)
              module_param NAME TYPE PERM [default=V]
              module_param_named NAME VARIABLE TYPE PERM [default=V]
              module_param_array NAME TYPE PERM max=N [default=a,b] [count=VAR|count=NULL]
              module_param_string NAME PERM size=N [default="text"]
              module_param_cb NAME TYPE PERM    core_param NAME TYPE PERM (no prefix)
              core_param_cb … late_param_cb NAME TYPE PERM (and <level>_param_cb for a
                                            custom level; __level_param_cb NAME TYPE PERM N)
              MODULE_PARM_DESC NAME "text"
              early_param "str" FN [printk=…,str] [returns=N]
              __setup "str=" FN [printk=…,str] [returns=N]
            TYPE: byte short ushort int uint long ulong ullong hexint charp bool invbool bint

            EXIT STATUS: 0 the boot reached init, 1 it panicked or hung, 2 bad input or usage.

            """,
        options: [
            .value("--cmdline"), .value("--link-order"), .flag("--allow-partial"), .value("--linker-script"),
            .value("--format"), .flag("--parameters"),
        ],
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        let path = try Loading.onePositional(arguments, ".boot file")
        let format = try Loading.format(
            arguments, allowed: ["dmesg", "raw", "console", "json", "perfetto", "ftrace", "svg"], default: "dmesg")
        let description = try Loading.description(
            path, linkerScript: arguments.value("--linker-script"), commandLine: arguments.value("--cmdline"))
        output.stderr += Loading.warnings(description)
        let linkOrder = try Loading.linkOrder(arguments.value("--link-order"))
        output.stderr += Loading.notes(linkOrder)
        let image = try Loading.link(description, linkOrder: linkOrder, allowPartial: arguments.has("--allow-partial"))
        output.stderr += Loading.warnings(image.layoutWarnings)
        let result = image.bootLoadingModules()
        if arguments.has("--parameters") {
            output.stdout = ParametersRenderer.render(result.parameters)
            output.exitCode = result.reachedInit ? ExitCode.success : ExitCode.failure
            return
        }
        switch format {
        case "json": output.stdout = BootJSON.document(result).rendered()
        case "perfetto": output.stdout = PerfettoTrace.render(result)
        case "svg": output.stdout = TimelineSVG.render(result)
        case "ftrace":
            output.stdout = FtraceRenderer.render(result)
            if !FtraceRenderer.hasInitcallEvents(description.version) {
                output.stderr +=
                    "initcall-sim: note: Linux \(description.version.release) has no initcall trace events (added in 4.17); this is the trace a 4.17 or later kernel would write\n"
            }
        case "raw": output.stdout = DmesgRenderer.render(result, style: .raw)
        case "console": output.stdout = DmesgRenderer.render(result, style: .console)
        default: output.stdout = DmesgRenderer.render(result, style: .dmesg)
        }
        if !["json", "perfetto"].contains(format) {
            for message in image.linkerMessages { output.stderr += message + "\n" }
            for orphan in image.orphans {
                let place = orphan.source.map { "\($0): " } ?? "initcall-sim: "
                output.stderr += "\(place)warning: \(image.neverRunsNote(orphan))\n"
            }
        }
        output.exitCode = result.reachedInit ? ExitCode.success : ExitCode.failure
    }
}
