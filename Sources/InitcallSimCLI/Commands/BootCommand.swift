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
                                        or json (records, per-initcall results, parameters)
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
              rootfs /sbin/init /bin/sh     executables init= and the defaults can find
              initramfs                     an initramfs with /init
              object drivers/x/y.o          an object file, in link order
            Under an object, one registration a line: any level macro (core_initcall,
            module_init, …, and a custom level's), __define_initcall FN ID, or module_exit FN,
            then the function name and attributes, run in this order:
              preempt=+N|-N  irqs=off  time=120us  sleep=2ms  requires=a,b  on-missing=…
              printk=KERN_ERR:"text"  panic="message"  returns=-ENODEV  provides=a,b
              size=0x40
            printk= takes a C format and arguments: printk=KERN_INFO:"age=%d arr[1]=%d\n",age,arr[1]
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

            EXIT STATUS: 0 the boot reached init, 1 it panicked, 2 bad input or usage.

            """,
        options: [
            .value("--cmdline"), .value("--link-order"), .flag("--allow-partial"), .value("--linker-script"),
            .value("--format"), .flag("--parameters"),
        ],
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        let path = try Loading.onePositional(arguments, ".boot file")
        let format = try Loading.format(arguments, allowed: ["dmesg", "raw", "console", "json"], default: "dmesg")
        let description = try Loading.description(
            path, linkerScript: arguments.value("--linker-script"), commandLine: arguments.value("--cmdline"))
        let linkOrder = try Loading.linkOrder(arguments.value("--link-order"))
        output.stderr += Loading.notes(linkOrder)
        let image = try Loading.link(description, linkOrder: linkOrder, allowPartial: arguments.has("--allow-partial"))
        let result = image.boot()
        if arguments.has("--parameters") {
            output.stdout = ParametersRenderer.render(result.parameters)
            output.exitCode = result.reachedInit ? ExitCode.success : ExitCode.failure
            return
        }
        switch format {
        case "json": output.stdout = BootJSON.document(result).rendered()
        case "raw": output.stdout = DmesgRenderer.render(result, style: .raw)
        case "console": output.stdout = DmesgRenderer.render(result, style: .console)
        default: output.stdout = DmesgRenderer.render(result, style: .dmesg)
        }
        if format != "json" {
            for orphan in image.orphans {
                let place = orphan.source.map { "\($0): " } ?? "initcall-sim: "
                output.stderr +=
                    "\(place)warning: \(orphan.function) (\(orphan.object)) is in \(orphan.section), which no pattern of the linker script collects: it never runs\n"
            }
        }
        output.exitCode = result.reachedInit ? ExitCode.success : ExitCode.failure
    }
}
