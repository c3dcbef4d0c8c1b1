import Foundation
import KernelBoot
import KernelLink
import KernelModel

/// Timing with the monotonic clock: benchmarks are the one place wall time is allowed.
enum BenchTimer {
    /// Runs `work` `count` times; returns the last result and the fastest time in seconds.
    static func best<T>(of count: Int, _ work: () -> T) -> (T, Double) {
        var (result, best) = timed(work)
        for _ in 1..<max(1, count) {
            let (value, seconds) = timed(work)
            result = value
            best = min(best, seconds)
        }
        return (result, best)
    }

    static func timed<T>(_ work: () -> T) -> (T, Double) {
        let clock = ContinuousClock()
        let start = clock.now
        let value = work()
        let elapsed = start.duration(to: clock.now)
        return (value, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    static func ms(_ seconds: Double) -> String {
        let value = (seconds * 1e5).rounded() / 100
        return String(value)
    }
}

/// Synthetic kernels: `n` initcalls spread over every level, ten per object.
enum SyntheticKernel {
    static let macros = [
        "early_initcall", "pure_initcall", "core_initcall", "core_initcall_sync", "postcore_initcall",
        "arch_initcall", "subsys_initcall", "fs_initcall", "rootfs_initcall", "device_initcall",
        "device_initcall_sync", "late_initcall", "late_initcall_sync",
    ]

    static func description(initcalls: Int) -> KernelDescription {
        var description = KernelDescription()
        // An initramfs with /init: the boot ends at init without mounting a root.
        description.initramfs = ["/init"]
        let perObject = 10
        for objectIndex in 0..<(initcalls + perObject - 1) / perObject {
            description.object("drivers/synthetic/obj\(objectIndex).o") { tu in
                for i in 0..<min(perObject, initcalls - objectIndex * perObject) {
                    let n = objectIndex * perObject + i
                    let fn = InitFunction("synthetic_init_\(n)", size: 0x40) { k in
                        k.udelay(2)
                        return 0
                    }
                    tu.register(fn, macro: macros[n % macros.count])
                }
            }
        }
        return description
    }

    /// The synthetic kernel uses only the default table and script, so it always links; should
    /// that ever break, the benchmark says so and stops.
    static func link(_ description: KernelDescription) -> KernelImage {
        do {
            return try Linker.link(description)
        } catch {
            print("initcall-bench: the synthetic kernel does not link: \(error)")
            exit(1)
        }
    }

    /// The floor: the same bodies called in table order by a plain loop.
    static func floor(_ image: KernelImage) -> Int32 {
        let context = RunningKernel(benchmarkFor: image.description)
        var sum: Int32 = 0
        for body in image.bodies {
            do {
                sum &+= try body(context)
            } catch {
                sum &+= 1
            }
        }
        return sum
    }
}
