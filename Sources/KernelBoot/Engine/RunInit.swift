import KernelModel

/// The end of `kernel_init()`: try `rdinit=` (or `/init`), `init=`, then the default paths, and
/// panic if nothing runs. Every attempt logs "Run %s as init process".
extension BootEngine {
    func runInit() throws(KernelPanic) -> String {
        if let ramdisk = ramdiskCommand, try runInitProcess(ramdisk) { return ramdisk }
        if let command = options.executeCommand {
            if try runInitProcess(command) { return command }
            try ctx.panic("Requested init \(command) failed (error -\(Errno.ENOENT)).")
        }
        for path in ["/sbin/init", "/etc/init", "/bin/init", "/bin/sh"] where try runInitProcess(path) {
            return path
        }
        try ctx.panic(
            "No working init found.  Try passing init= option to kernel. See Linux Documentation/admin-guide/init.rst for guidance."
        )
    }

    /// `ramdisk_execute_command` after `kernel_init_freeable()`'s access check: nil when the
    /// file is not in the initramfs (then the root filesystem is mounted instead).
    private var ramdiskCommand: String? {
        let path = options.ramdiskExecuteCommand
        if image.description.hasInitramfs, path == "/init" { return path }
        if image.description.hasInitramfs, image.description.rootFilesystem.contains(path) { return path }
        if options.ramdiskExecuteCommandSet, version.isAtLeast(6, 15) {
            ctx.pr_warn("check access for rdinit=\(path) failed: -\(Errno.ENOENT), ignoring")
        }
        return nil
    }

    /// `run_init_process()`: logs the attempt with its arguments and environment (pr_debug,
    /// always on in init/main.c, which defines DEBUG); succeeds if the file exists.
    private func runInitProcess(_ path: String) throws(KernelPanic) -> Bool {
        ctx.mark(.runInit, detail: path)
        ctx.pr_info("Run \(path) as init process")
        ctx.log(.KERN_DEBUG, "  with arguments:")
        for argument in [path] + options.argvInit.dropFirst() { ctx.log(.KERN_DEBUG, "    \(argument)") }
        ctx.log(.KERN_DEBUG, "  with environment:")
        for variable in options.envpInit { ctx.log(.KERN_DEBUG, "    \(variable)") }
        return image.description.rootFilesystem.contains(path)
            || (image.description.hasInitramfs && path == "/init")
    }
}
