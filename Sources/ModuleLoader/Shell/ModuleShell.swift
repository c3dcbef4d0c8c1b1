import KernelBoot
import KernelModel
import SourceInput

/// The user space a booted kernel hands over to, as far as module work needs: a shell whose
/// commands are kmod's (or BusyBox's) module tools, `dmesg`, and `cat`/`echo`/`ls` on
/// `/proc` and `/sys`. It starts as root in `/root`, which holds every described module's
/// `.ko`; `depmod` installs the index under `/lib/modules/<release>/`. Virtual time moves on
/// between commands.
package final class ModuleShell {
    /// Whose tools and messages: kmod (a desktop distribution) or BusyBox (an embedded board).
    package enum Userland: String, Sendable, CaseIterable {
        case kmod
        case busybox
    }

    package let loader: ModuleLoader
    package let userland: Userland
    var kernel: LiveKernel { loader.kernel }
    /// The user: root (0) or `user` (1000).
    var uid = 0
    /// The next process id a command gets.
    var nextPID: Int32 = 412
    /// `depmod` output, once it ran.
    var depmod: DepmodResult?
    /// `/etc/modprobe.d/*.conf`, by file name.
    var modprobeFiles: [String: String] = [:]
    /// How many records `dmesg -c` already cleared.
    var dmesgCleared = 0
    /// The working directory's `.ko` files, by file name.
    let koFiles: [String: ModuleDescription]

    package init(loader: ModuleLoader, userland: Userland = .kmod) {
        self.loader = loader
        self.userland = userland
        var files: [String: ModuleDescription] = [:]
        for module in loader.kernel.description.modules where module.build == .module {
            files[module.fileName] = module
        }
        koFiles = files
    }

    var release: String { kernel.description.version.release }
    var modulesDirectory: String { "/lib/modules/\(release)" }
    var userName: String { uid == 0 ? "root" : "user" }
    var shellName: String { userland == .busybox ? "sh" : "bash" }

    /// `# ` for root, `$ ` otherwise.
    package var prompt: String { uid == 0 ? "# " : "$ " }

    /// Runs a script: each command echoed after the prompt, then its output, as a terminal
    /// transcript reads.
    package func runScript(_ text: String) -> String {
        var transcript = ""
        for line in SourceText.lines(text) {
            let command = String(line)
            let trimmed = command.trimmingSpaces
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            transcript += prompt + trimmed + "\n"
            transcript += execute(trimmed)
            if halted { break }
        }
        return transcript
    }

    /// Set when a panic stopped the machine.
    package private(set) var halted = false

    /// One command line; returns what it printed (and, if a module function panicked, what the
    /// console showed of the panic).
    package func execute(_ line: String) -> String {
        let parsed = ShellWords(line)
        guard let name = parsed.words.first else { return "" }
        // A live system's clock: a second and a bit between commands.
        kernel.advance(nanoseconds: 1_000_000_000 &+ UInt64(line.utf8.count) &* 7_919_000)
        nextPID += 1
        kernel.setCurrent(pid: nextPID, comm: name)
        var output = ToolOutput()
        let recordsBefore = kernel.records.count
        dispatch(name, Array(parsed.words.dropFirst()), parsed, &output)
        if halted { output.text += console(since: recordsBefore) }
        return output.text
    }

    private func dispatch(_ name: String, _ args: [String], _ parsed: ShellWords, _ output: inout ToolOutput) {
        if let target = parsed.redirect {
            write(name, args, to: target, append: parsed.append, output: &output)
            return
        }
        switch name {
        case "insmod": insmod(args, &output)
        case "rmmod": rmmod(args, &output)
        case "modprobe": modprobe(args, &output)
        case "lsmod":
            if args.isEmpty || userland == .busybox {
                lsmod(&output)
            } else {
                output.err("lsmod: ERROR: too many arguments provided.")
            }
        case "modinfo": modinfo(args, &output)
        case "depmod": runDepmod(&output)
        case "dmesg": dmesg(args, &output)
        case "cat": cat(args, &output)
        case "ls": ls(args, &output)
        case "echo": output.out(args.filter { $0 != "-n" }.joined(separator: " "))
        case "whoami": output.out(userName)
        case "su": su(args, &output)
        case "exit": if uid != 0 { uid = 0 }
        default:
            output.err(userland == .busybox ? "sh: \(name): not found" : "bash: \(name): command not found")
        }
    }

    /// What the console showed of a panic: the records since `start`, with their timestamps.
    func console(since start: Int) -> String {
        kernel.records.dropFirst(start).map { "[\(ModuleShell.timestamp($0.timestamp))] \($0.text)\n" }.joined()
    }

    var caller: Caller { Caller(uid: uid, pid: nextPID, comm: "") }

    func callerNamed(_ comm: String) -> Caller { Caller(uid: uid, pid: nextPID, comm: comm) }

    /// A panic inside a module function: the machine stops; what it printed is in the log.
    func stop(_ panic: KernelPanic?) {
        if panic != nil { halted = true }
    }

    private func su(_ args: [String], _ output: inout ToolOutput) {
        let target = args.last { $0 != "-" } ?? "root"
        if target == "root" {
            if uid != 0 { output.err("su: Authentication failure") }
            return
        }
        guard target == "user" else {
            output.err("su: user \(target) does not exist or the user entry does not contain all the required fields")
            return
        }
        uid = 1000
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
