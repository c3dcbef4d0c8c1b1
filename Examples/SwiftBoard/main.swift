// A board written in Swift against the InitcallSim library: the same drivers a `.boot` file
// describes, but with real logic in their bodies. Run it with
//
//     swift run swift-board
//
// It boots the board twice — in Makefile order, then with the SPI controller linked after its
// client — and prints both logs, so you can see a same-level dependency fail on link order.
import InitcallSim
import KernelLink
import KernelModel
import Reports

/// drivers/spi/spi-bitbang.c: registers the SPI bus after poking the controller under a lock.
let spiLock = SpinLock("bitbang_lock")
let spi_bitbang_init = InitFunction("spi_bitbang_init", size: 0x1c8, provides: ["spi"]) { k in
    k.spin_lock(spiLock)
    k.udelay(40)  // reset pulse; busy-waiting is fine under a spinlock
    k.spin_unlock(spiLock)
    k.provide("spi")
    k.pr_info("spi_bitbang: controller ready")
    return 0
}

/// drivers/net/ethernet/microchip/enc28j60.c: needs the SPI bus; without it, -ENODEV.
let enc28j60_init = InitFunction("enc28j60_init", size: 0x180, requires: ["spi"]) { k in
    guard k.require("spi") else {
        k.pr_err("enc28j60: SPI bus not ready")
        return -Errno.ENODEV
    }
    k.msleep(3)  // wait for the PHY; sleeping is fine here
    // dev_info(&spi->dev, …): "enc28j60 spi0.0: …", the driver's name and the device's.
    k.dev_info(KernelDevice("spi0.0", driver: "enc28j60"), "Ethernet driver 1.02 loaded")
    return 0
}

/// drivers/misc/as352x_afe.c: independent of the others.
let as352x_afe_init = InitFunction("as352x_afe_init", size: 0x30) { k in
    k.udelay(450)
    k.pr_info("as352x-afe: analog front end ready")
    return 0
}

var board = KernelDescription()
board.commandLine = "initcall_debug root=/dev/vda1"
// The root filesystem init runs from: a virtio disk whose first partition holds /sbin/init.
board.disks = [Disk.virtioRoot()]
// Both drivers and the controller are built in with module_init(): all three are level 6.
board.object("drivers/spi/spi-bitbang.o") { tu in tu.module_init(spi_bitbang_init) }
board.object("drivers/misc/as352x_afe.o") { tu in tu.module_init(as352x_afe_init) }
board.object("drivers/net/ethernet/microchip/enc28j60.o") { tu in tu.module_init(enc28j60_init) }

let orders: [(String, LinkOrder)] = [
    ("Makefile order", LinkOrder(board.objectPaths)),
    (
        "SPI controller linked last",
        LinkOrder([
            "drivers/misc/as352x_afe.o", "drivers/net/ethernet/microchip/enc28j60.o", "drivers/spi/spi-bitbang.o",
        ])
    ),
]
for (title, order) in orders {
    do {
        let result = try Linker.link(board, linkOrder: order).boot()
        print("== \(title): \(order.paths.joined(separator: " "))")
        print(DmesgRenderer.render(result), terminator: "")
        for run in result.runs {
            print("-> \(result.entry(of: run).function) returned \(Errno.describe(run.ret))")
        }
        print()
    } catch {
        print("link failed: \(error)")
    }
}
