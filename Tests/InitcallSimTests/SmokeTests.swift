import InitcallSim
import Testing

@Test func smokeBoot() throws {
    var kernel = KernelDescription()
    kernel.commandLine = "initcall_debug loglevel=8 foo=bar baz"
    kernel.object("drivers/base/core.o") { tu in
        tu.core_initcall(InitFunction("driver_core_init") { k in k.udelay(120); k.provide("driver-core"); return 0 })
    }
    kernel.object("drivers/tty/serial/8250.o") { tu in
        tu.console_initcall(InitFunction("univ8250_console_init") { k in k.printk(.KERN_INFO, "printk: legacy console [ttyS0] enabled"); return 0 })
    }
    kernel.object("drivers/net/enc28j60.o") { tu in
        tu.module_init(InitFunction("enc28j60_init") { k in k.preempt_disable(); k.msleep(3); return -Errno.ENODEV })
        tu.module_exit(InitFunction("enc28j60_exit") { _ in 0 })
    }
    let image = try Linker.link(kernel)
    let result = image.boot()
    print(DmesgRenderer.render(result))
    #expect(result.reachedInit)
}
