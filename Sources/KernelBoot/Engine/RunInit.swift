import KernelModel

/// The end of `kernel_init()`: try `rdinit=` (or `/init`), `init=`, then the default paths, and
/// panic if nothing runs. Every attempt logs "Run %s as init process" (from 4.19).
extension BootEngine {
    func runInit(root: RootFilesystem) throws(KernelPanic) -> String {
        if let ramdisk = root.ramdiskCommand, runInitProcess(ramdisk, on: root) { return ramdisk }
        if let command = options.executeCommand {
            if runInitProcess(command, on: root) { return command }
            try ctx.panic("Requested init \(command) failed (error -\(Errno.ENOENT)).", innermost: [])
        }
        for path in ["/sbin/init", "/etc/init", "/bin/init", "/bin/sh"] where runInitProcess(path, on: root) {
            return path
        }
        try ctx.panic(
            "No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance.",
            innermost: [])
    }

    /// `run_init_process()`: logs the attempt (from 4.19) with its arguments and environment
    /// (pr_debug, always on in init/main.c, which defines DEBUG; from about 5.7); succeeds if
    /// the file exists.
    private func runInitProcess(_ path: String, on root: RootFilesystem) -> Bool {
        ctx.mark(.runInit, detail: path)
        if version.announcesInitProcess { ctx.log(.KERN_INFO, "Run \(path) as init process") }
        if version.listsInitArguments {
            ctx.log(.KERN_DEBUG, "  with arguments:")
            for argument in [path] + options.argvInit.dropFirst() { ctx.log(.KERN_DEBUG, "    \(argument)") }
            ctx.log(.KERN_DEBUG, "  with environment:")
            for variable in options.envpInit { ctx.log(.KERN_DEBUG, "    \(variable)") }
        }
        return root.holds.contains(path)
    }
}
