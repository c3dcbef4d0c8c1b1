import KernelBoot
import KernelLink
import KernelModel

extension KernelImage {
    /// Boots the image and, once init runs, loads the modules its description's `load`
    /// statements name, in order, as user space does at boot (udev's coldplug calling
    /// `finit_module()`): each from its own task, at its own moment, its init through
    /// `do_init_module()` and `do_one_initcall()`. Without loads this is ``boot(commandLine:traceCommandLine:)``.
    public func bootLoadingModules(commandLine: String? = nil) -> BootResult {
        guard !description.loads.isEmpty else { return boot(commandLine: commandLine) }
        let kernel = bootLive(commandLine: commandLine)
        // No init, no user space to load anything.
        guard kernel.result.reachedInit else { return kernel.result }
        let loader = ModuleLoader(kernel: kernel)
        return kernel.resultNow(panic: loader.replay(description.loads))
    }
}

extension ModuleLoader {
    /// Runs `loads` in order. A load with `at=` is a task of its own that starts then, even
    /// while earlier ones are still in their inits (udev runs a worker per device, each on
    /// whichever CPU is free), and their lines reach the ring buffer in time order; without
    /// `at=` a load starts once every earlier one is done. None starts before init ran. A
    /// load that fails (its init's errno, a blacklist, `nomodule`) leaves the next ones to
    /// run, as udev goes on. Returns the panic that stops the machine.
    package func replay(_ loads: [ModuleLoad]) -> KernelPanic? {
        let firstRecord = kernel.records.count
        let initRan = kernel.now
        var latestEnd = initRan
        defer {
            kernel.setClock(latestEnd)
            kernel.orderRecordsByTime(from: firstRecord)
        }
        for load in loads {
            guard let image = installed[load.module] else { continue }
            kernel.setClock(max(load.at ?? latestEnd, initRan))
            let result = initModule(image, args: load.args, caller: Caller(pid: load.pid, comm: load.comm))
            latestEnd = max(latestEnd, kernel.now)
            if let panic = result.panic { return panic }
        }
        return nil
    }
}
