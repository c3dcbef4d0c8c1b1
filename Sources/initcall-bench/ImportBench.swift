import Foundation
import KernelLink
import KernelModel
import Reports

/// The way in and the whole path: `.boot` parsing in MB/s on a 100,000-initcall file (goal
/// ≥ 50 MB/s), `initcall-sim import` of a 100,000-call log, and parse + link + boot + render of
/// a 575-call boot shaped like a real Debian 6.1 one (goal < 3 ms in process, < 10 ms as a
/// process).
enum ImportBench {
    static func rows() -> [String] {
        [parseRow(), importRow(), wholePathRow(), processRow()].compactMap { $0 }
    }

    static func parseRow() -> String {
        let text = GeneratedBoot.text(initcalls: 100_000)
        let (_, seconds) = BenchTimer.best(of: 3) { try? BootFile.parse(text, file: "bench.boot") }
        let megabytes = Double(text.utf8.count) / 1e6
        return ".boot parse (100k initcalls, \(format1(megabytes)) MB): \(BenchTimer.ms(seconds)) ms, "
            + "\(format1(megabytes / seconds)) MB/s (goal >= 50)"
    }

    static func importRow() -> String {
        let log = GeneratedBoot.log(initcalls: 100_000)
        let (_, seconds) = BenchTimer.best(of: 3) { DmesgImport.read(log).bootFile(source: "bench.dmesg") }
        let megabytes = Double(log.utf8.count) / 1e6
        return "import (100k calls, \(format1(megabytes)) MB log): \(BenchTimer.ms(seconds)) ms, "
            + "\(format1(megabytes / seconds)) MB/s"
    }

    static func wholePathRow() -> String {
        let text = GeneratedBoot.debian()
        let (lines, seconds) = BenchTimer.best(of: 50) { () -> Int in
            guard let description = try? BootFile.parse(text, file: "debian.boot"),
                let image = try? Linker.link(description)
            else { return 0 }
            return DmesgRenderer.render(image.boot()).utf8.count
        }
        return "parse+link+boot+render (575-call Debian 6.1-shaped boot, \(lines) bytes of dmesg): "
            + "\(BenchTimer.ms(seconds)) ms (goal < 3)"
    }

    /// `initcall-sim boot` of the same file as a process, when the executable sits next to
    /// this one (a `swift build` of both).
    static func processRow() -> String? {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("initcall-sim")
        guard FileManager.default.isExecutableFile(atPath: executable.path) else { return nil }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("initcall-bench-debian.boot")
        guard (try? GeneratedBoot.debian().write(to: file, atomically: true, encoding: .utf8)) != nil else {
            return nil
        }
        var best = Double.infinity
        for _ in 0..<20 {
            let (status, seconds) = BenchTimer.timed { spawnAndWait(executable.path, ["boot", file.path]) }
            // Exit status 1 is a boot that ended in a panic (this one has no root to mount);
            // a signal, or 2 and up (bad input, usage), is a failed run.
            guard status & 0x7f == 0, (status >> 8) & 0xff <= 1 else {
                return "initcall-sim boot (575-call boot, as a process): failed (wait status \(status))"
            }
            best = min(best, seconds)
        }
        return "initcall-sim boot (575-call boot, as a process): \(BenchTimer.ms(best)) ms wall (goal < 10)"
    }

    /// Runs `path` with `arguments`, its output to /dev/null, and waits for it: `posix_spawn()`
    /// and `waitpid()`, as a shell does. Foundation's `Process` on Linux polls for the child's
    /// exit and added about 25 ms to every run, more than the process itself takes.
    static func spawnAndWait(_ path: String, _ arguments: [String]) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else { return -1 }
        var status: Int32 = 0
        guard waitpid(pid, &status, 0) == pid else { return -1 }
        return status
    }

    static func format1(_ value: Double) -> String { String((value * 10).rounded() / 10) }
}

/// Generated inputs: `.boot` text of any size, its log, and a boot shaped like a Debian 6.1
/// cloud kernel's 575 initcalls (the counts per level of a real one, a printk on one call in
/// five, return values and resources as real boots have them).
enum GeneratedBoot {
    static let macros = [
        "early_initcall", "pure_initcall", "core_initcall", "postcore_initcall", "arch_initcall",
        "subsys_initcall", "fs_initcall", "rootfs_initcall", "device_initcall", "device_initcall_sync",
        "late_initcall", "late_initcall_sync",
    ]

    /// `initcalls` registrations, ten per object, every level, with the attributes a real
    /// description uses.
    static func text(initcalls: Int) -> String {
        var text = "kernel \"6.1.0-bench\"\ncpus 4\ncmdline \"initcall_debug panic=-1\"\n"
        for n in 0..<initcalls {
            if n % 10 == 0 { text += "object drivers/bench/dir\(n / 1000)/obj\(n / 10).o\n" }
            text += "  \(macros[n % macros.count]) bench_init_\(n) time=\(n % 97 + 3)us"
            if n % 5 == 0 { text += " printk=KERN_INFO:\"bench: device \(n) ready at 0x\(String(n, radix: 16))\"" }
            if n % 13 == 0 { text += " returns=-ENODEV" }
            if n % 7 == 0 { text += " size=0x\(String(0x40 + n % 0x100, radix: 16))" }
            text += "\n"
        }
        return text
    }

    /// The dmesg of a boot of ``text(initcalls:)``.
    static func log(initcalls: Int) -> String {
        guard let description = try? BootFile.parse(text(initcalls: initcalls), file: "bench.boot"),
            let image = try? Linker.link(description)
        else { return "" }
        return DmesgRenderer.render(image.boot())
    }

    /// The per-level counts of a Debian 6.1 cloud kernel's boot (575 calls).
    static let debianLevels: [(String, Int)] = [
        ("console_initcall", 2), ("early_initcall", 31), ("pure_initcall", 3), ("core_initcall", 62),
        ("postcore_initcall", 36), ("arch_initcall", 38), ("subsys_initcall", 71), ("fs_initcall", 58),
        ("rootfs_initcall", 1), ("device_initcall", 190), ("device_initcall_sync", 6), ("late_initcall", 66),
        ("late_initcall_sync", 11),
    ]

    static func debian() -> String {
        var text = """
            kernel "6.1.0-56-cloud-amd64"
            arch x86_64
            cpus 2
            build compiler="gcc-12 (Debian 12.2.0-14+deb12u1) 12.2.0" linker="GNU ld (GNU Binutils for Debian) 2.40" version="#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2025-05-20)" user="debian-kernel@lists.debian.org" package=" Debian 6.1.192-2"
            hardware "QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014"
            kaslr 0x2ce00000
            cmdline "panic=-1 initcall_debug"

            """
        var n = 0
        for (macro, count) in debianLevels {
            for _ in 0..<count {
                if n % 4 == 0 { text += "object kernel/debian/part\(n / 4).o\n" }
                text += "  \(macro) debian_init_\(n) time=\(n * 37 % 900 + 1)us"
                if n % 5 == 0 { text += " printk=KERN_INFO:\"debian: subsystem \(n) initialised\"" }
                if n % 17 == 0 { text += " returns=-ENODEV" }
                text += "\n"
                n += 1
            }
        }
        return text
    }
}
