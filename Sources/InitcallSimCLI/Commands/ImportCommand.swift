import Foundation
import KernelModel

enum ImportCommand {
    static let command = Command(
        name: "import",
        summary: "write a .boot description of a real boot from its initcall_debug log",
        help: """
            OVERVIEW: read a kernel log taken with initcall_debug (dmesg, dmesg -r, -x or -T,
            with or without printk.time and caller ids, journalctl -k, or as a mail quoted and
            wrapped it) and write a .boot description that boots the same: every built-in initcall in
            log order with its duration (time=), its start (gap=), its return value and what
            it printed (printk=, at its moment of the call); the banner, command line, CPUs
            and hardware; the jiffies tick the early calls were timed with (timeline jiffies=);
            kernel/async.c's worker lines (calling  3_async_port_probe+0x0/0x49 @ 91) as async
            entries scheduled by the call that had started (async=); module inits after the
            boot as loads; the other lines as comments

            USAGE: initcall-sim import <dmesg> [--system-map <file>] [-o <file.boot>]

            OPTIONS:
              --system-map <file>   System.map or `nm -n vmlinux` output: its __initcall_*
                                    symbols give each call's level and, from 5.12, its object;
                                    without it only what the log proves is known (console
                                    calls, the early slice, 'entering initcall level' records)
              -o <file.boot>        write the description there (default: standard output)

            EXIT STATUS: 0 success, 2 bad input (no initcall_debug lines) or usage.

            """,
        options: [.value("--system-map"), .value("-o", short: "o")],
        run: run)

    /// The log's text. A kernel log may hold bytes that are not UTF-8 (a console's line noise,
    /// a driver printing raw data): they become U+FFFD, with a warning, instead of failing.
    static func readLog(_ path: String, _ output: inout CLI.Output) throws(CLIError) -> String {
        do throws(CLIError) {
            return try Loading.read(path, what: "kernel log")
        } catch {
            guard case .diagnostic(let diagnostic) = error, let data = FileManager.default.contents(atPath: path) else {
                throw error
            }
            output.stderr += "initcall-sim import: warning: \(diagnostic.message); read with U+FFFD in its place\n"
            return String(decoding: data, as: UTF8.self)
        }
    }

    @Sendable static func run(_ arguments: ParsedArguments, _ output: inout CLI.Output) throws(CLIError) {
        let path = try Loading.onePositional(arguments, "kernel log")
        let log = try readLog(path, &output)
        let map = try arguments.value("--system-map").map { (file: String) throws(CLIError) in
            SystemMap(try Loading.read(file, what: "System.map"))
        }
        let boot = DmesgImport.read(log, systemMap: map)
        guard !boot.calls.isEmpty else {
            throw .input(
                "\(path): no initcall_debug lines ('calling  …', 'initcall … returned …'): "
                    + "boot with initcall_debug (and loglevel=8 or ignore_loglevel to see them on the console)")
        }
        let text = boot.bootFile(source: (path as NSString).lastPathComponent)
        guard let destination = arguments.value("-o") else {
            output.stdout = text
            return
        }
        do {
            try text.write(toFile: destination, atomically: true, encoding: .utf8)
        } catch {
            throw .input("cannot write '\(destination)': \(error.localizedDescription)")
        }
    }
}
