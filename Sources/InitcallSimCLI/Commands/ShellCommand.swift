import Foundation
import KernelBoot
import KernelLink
import KernelModel
import ModuleLoader
import Reports

enum ShellCommand {
    static let command = Command(
        name: "shell",
        summary: "boot, then run module commands (insmod, rmmod, modprobe, lsmod, …) in a shell",
        help: """
            OVERVIEW: boot a .boot description, then run a shell on the running kernel: load
            and unload its modules with kmod's (or BusyBox's) tools, read and write their
            parameters in /sys/module, read /proc/modules and dmesg

            USAGE: initcall-sim shell <file.boot> [--script <file>] [--userland kmod|busybox]

            The shell starts as root in /root, which holds every module's .ko (module NAME
            blocks of the .boot file); after 'depmod' they are installed under
            /lib/modules/<release>/extra for modprobe and 'modinfo NAME'. Commands:
              insmod FILE [param=value…]   rmmod [-f] NAME…   modprobe [-r] [-D] [-v] NAME
              lsmod   modinfo [-F field] NAME|FILE   depmod   dmesg [-c|-C]
              cat FILE   echo TEXT > FILE   ls [-l] DIR   su user   exit   whoami
            Files: /proc/modules, /proc/sys/kernel/modules_disabled, /proc/sys/kernel/tainted,
            /sys/module/<m>/parameters/<p>, /sys/module/<m>/{refcnt,initstate,coresize,taint,…},
            /etc/modprobe.d/<name>.conf (options, blacklist, alias, softdep),
            /lib/modules/<release>/modules.{dep,symbols,alias}.

            With --script (or when standard input is not a terminal) the commands are read from
            the file and printed as a transcript: each after its prompt ('# ' for root, '$ '
            otherwise), then its output. On a terminal the shell prompts and reads lines.

            OPTIONS:
              --script <file>           read the commands from a file
              --userland <kind>         kmod (default) or busybox: whose tools and messages

            EXIT STATUS: 0 the boot reached init and the script ran, 1 the boot failed or a
            module function panicked, 2 bad input or usage.

            """,
        options: [.value("--script"), .value("--userland")],
        run: run)

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        let path = try Loading.onePositional(arguments, ".boot file")
        let userlandName = arguments.value("--userland") ?? "kmod"
        guard let userland = ModuleShell.Userland(rawValue: userlandName) else {
            throw .usage("unknown userland '\(userlandName)': expected kmod or busybox")
        }
        let description = try Loading.description(path)
        output.stderr += Loading.warnings(description)
        let image = try Loading.link(description, linkOrder: nil, allowPartial: false)
        let kernel = image.bootLive()
        guard kernel.result.reachedInit else {
            output.stdout = DmesgRenderer.render(kernel.result, style: .dmesg)
            output.stderr += "initcall-sim: the boot did not reach init; no shell\n"
            output.exitCode = ExitCode.failure
            return
        }
        let loader = ModuleLoader(kernel: kernel)
        // The description's `load` statements: what user space loaded before the shell.
        if loader.replay(description.loads) != nil {
            output.stdout = DmesgRenderer.render(kernel.resultNow(), style: .dmesg)
            output.stderr += "initcall-sim: a module loaded at boot panicked the kernel; no shell\n"
            output.exitCode = ExitCode.failure
            return
        }
        let shell = ModuleShell(loader: loader, userland: userland)
        if let script = arguments.value("--script") {
            output.stdout = shell.runScript(try Loading.read(script, what: "script"))
        } else if isatty(0) != 0 {
            interactive(shell)
        } else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            output.stdout = shell.runScript(String(decoding: data, as: UTF8.self))
        }
        output.exitCode = shell.halted ? ExitCode.failure : ExitCode.success
    }

    /// A terminal: prompt, read a line, run it, until end of input or a panic.
    private static func interactive(_ shell: ModuleShell) {
        while !shell.halted {
            FileHandle.standardOutput.write(Data(shell.prompt.utf8))
            guard let line = readLine() else { break }
            FileHandle.standardOutput.write(Data(shell.execute(line.trimmingCharacters(in: .whitespaces)).utf8))
        }
    }
}
