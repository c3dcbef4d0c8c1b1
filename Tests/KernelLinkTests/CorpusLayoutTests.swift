import BootAnalysis
import KernelLink
import KernelModel
import LinkerScript
import TestSupport
import Testing

/// The exact INIT_CALLS layout of every script of LinkerScripts/.
@Suite("Corpus layouts")
struct CorpusLayoutTests {
    static let linux6Lines: [String] = {
        var lines = ["sym __initcall_start [early start]", "KEEP(*(.initcallearly.init)) early -> early"]
        let names = [
            "0": "pure", "1": "core", "2": "postcore", "3": "arch", "4": "subsys", "5": "fs", "rootfs": "fs",
            "6": "device", "7": "late",
        ]
        let numbers = ["0": 0, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "rootfs": 5, "6": 6, "7": 7]
        var index = 0
        for level in ["0", "1", "2", "3", "4", "5", "rootfs", "6", "7"] {
            let n = numbers[level] ?? 0
            let runs = "level \(n) \(names[level] ?? "")"
            lines.append(
                level == "rootfs"
                    ? "sym __initcallrootfs_start" : "sym __initcall\(level)_start [initcall_levels[\(index)]]")
            if level != "rootfs" { index += 1 }
            lines.append("KEEP(*(.initcall\(level).init)) \(level) -> \(runs)")
            lines.append("KEEP(*(.initcall\(level)s.init)) \(level)s -> \(runs)")
        }
        lines += [
            "sym __initcall_end [initcall_levels[8]]", "sym __con_initcall_start [console start]",
            "KEEP(*(.con_initcall.init)) con -> console", "sym __con_initcall_end [console end]",
        ]
        return lines
    }()

    static let linux6Walks = [
        "console: con", "early: early", "level 0 pure: 0 0s", "level 1 core: 1 1s", "level 2 postcore: 2 2s",
        "level 3 arch: 3 3s", "level 4 subsys: 4 4s", "level 5 fs: 5 5s rootfs rootfss", "level 6 device: 6 6s",
        "level 7 late: 7 7s",
    ]

    @Test(arguments: ["vmlinux-6.x-x86_64.lds", "vmlinux-6.x-x86_64.lds.S"])
    func linux6(_ name: String) throws {
        let layout = try InitcallLayout(script: try Fixtures.script(name))
        #expect(layout.lines == Self.linux6Lines)
        #expect(layout.walkLines == Self.linux6Walks)
        #expect(layout.orphans.isEmpty)
        #expect(
            layout.items.allSatisfy {
                if case .pattern(let p) = $0 { return p.outputSection == ".init.data" }
                return true
            })
    }

    @Test func linux2_6_27() throws {
        let layout = try InitcallLayout(
            script: try Fixtures.script("vmlinux-2.6.2x-initcalls.lds.S"), levels: .linux2_6_27)
        // 2.6.27 has no early initcalls and no pure_initcall_sync(): `.initcall0s.init` is
        // in the script, but no macro of that release places anything there.
        var expected = ["sym __initcall_start [do_initcalls() start]"]
        for id in ["0", "0s", "1", "1s", "2", "2s", "3", "3s", "4", "4s", "5", "5s", "rootfs", "6", "6s", "7", "7s"] {
            expected.append("*(.initcall\(id).init) \(id == "0s" ? " -> " : "\(id) -> initcalls")")
        }
        expected += [
            "sym __initcall_end [do_initcalls() end]", "sym __con_initcall_start [console start]",
            "*(.con_initcall.init) con -> console", "sym __con_initcall_end [console end]",
        ]
        #expect(layout.lines == expected)
        #expect(
            layout.walkLines == [
                "console: con", "initcalls: 0 1 1s 2 2s 3 3s 4 4s 5 5s rootfs 6 6s 7 7s",
            ])
        #expect(
            layout.items.contains {
                if case .pattern(let p) = $0 { return p.outputSection == ".initcall.init" }
                return false
            })
        #expect(layout.discarded.isEmpty && layout.orphans.isEmpty)
    }

    @Test func linux2_6_28() throws {
        let layout = try InitcallLayout(script: try Fixtures.script("vmlinux-2.6.28-3.3.lds"), levels: .linux2_6_28)
        var expected = [
            "sym __initcall_start [early start]", "*(.initcallearly.init) early -> early",
            "sym __early_initcall_end [do_initcalls() start]",
        ]
        for id in ["0", "0s", "1", "1s", "2", "2s", "3", "3s", "4", "4s", "5", "5s", "rootfs", "6", "6s", "7", "7s"] {
            expected.append("*(.initcall\(id).init) \(id == "0s" ? " -> " : "\(id) -> initcalls")")
        }
        expected += [
            "sym __initcall_end [do_initcalls() end]", "sym __con_initcall_start [console start]",
            "*(.con_initcall.init) con -> console", "sym __con_initcall_end [console end]",
            "sym __security_initcall_start", "*(.security_initcall.init)  -> ", "sym __security_initcall_end",
        ]
        #expect(layout.lines == expected)
        #expect(layout.walkLines.prefix(2) == ["console: con", "early: early"])
    }

    @Test func customNineLevels() throws {
        let levels = try Fixtures.levels("Examples/custom-level/init.h", "Examples/custom-level/main.c")
        let layout = try InitcallLayout(script: try Fixtures.script("vmlinux-custom-9-levels.lds.S"), levels: levels)
        #expect(
            layout.walkLines == [
                "console: con", "early: early", "level 0 pure: 0 0s", "level 1 core: 1 1s", "level 2 postcore: 2 2s",
                "level 3 arch: 3 3s", "level 4 subsys: 4 4s", "level 5 fs: 5 5s rootfs rootfss",
                "level 6 prev_device: 6 6s", "level 7 device: 7 7s", "level 8 late: 8 8s",
            ])
        #expect(layout.lines.contains("sym __initcall8_start [initcall_levels[8]]"))
        #expect(layout.lines.contains("KEEP(*(.initcall8s.init)) 8s -> level 8 late"))
        #expect(layout.lines.last == "sym __con_initcall_end [console end]")
        #expect(layout.orphans.isEmpty)
    }

    @Test func ltoPerEntrySections() throws {
        let layout = try InitcallLayout(script: try Fixtures.script("vmlinux-lto-clang.lds.S"))
        #expect(layout.walkLines == Self.linux6Walks)
        #expect(layout.lines.contains("KEEP(*(.initcall6.init .initcall6.init..*)) 6 -> level 6 device"))
        #expect(layout.lines.contains("KEEP(*(.con_initcall.init .con_initcall.init..*)) con -> console"))
        // Every id's per-entry sections are collected where its plain section is.
        let patterns = layout.items.compactMap { item -> InitcallLayout.Pattern? in
            if case .pattern(let p) = item { return p }
            return nil
        }
        #expect(patterns.allSatisfy { $0.ids == $0.ltoIDs && !$0.ids.isEmpty })
        #expect(patterns.count == 20)
    }

    @Test func ltoEntriesKeepLevelThenLinkOrder() throws {
        let script = try Fixtures.script("vmlinux-lto-clang.lds.S")
        let inputs = [
            InputSection(file: "a.o", name: ".initcall6s.init..kmod_a__3_40_a_sync", size: 4, alignment: 4),
            InputSection(file: "a.o", name: ".initcall6.init..kmod_a__1_20_a_init", size: 4, alignment: 4),
            InputSection(file: "b.o", name: ".initcall6.init..kmod_b__7_11_b_init", size: 4, alignment: 4),
            InputSection(file: "b.o", name: ".initcall1.init..kmod_b__2_9_b_core", size: 4, alignment: 4),
            InputSection(file: "c.o", name: ".initcall6.init", size: 4, alignment: 4),
        ]
        let map = try LinkMap(script: script, inputs: inputs)
        #expect(
            map.placements.map { inputs[$0.input].name } == [
                ".initcall1.init..kmod_b__2_9_b_core", ".initcall6.init..kmod_a__1_20_a_init",
                ".initcall6.init..kmod_b__7_11_b_init", ".initcall6.init", ".initcall6s.init..kmod_a__3_40_a_sync",
            ])
        #expect(map.orphans.isEmpty)
    }

    /// tinyk's own level file and walk (Examples/tinyk): four levels, no console, no early.
    static func tinyk() throws -> LevelTable {
        try Fixtures.levels("Examples/tinyk/tinyk_init.h", "Examples/tinyk/init.c")
    }

    @Test func tinyk() throws {
        let levels = try Self.tinyk()
        #expect(levels.ids.map(\.id) == ["board", "bus", "driver", "app"])
        #expect(levels.id(forMacro: "driver_initcall")?.section == ".tinyk_init.driver.init")
        #expect(levels.consoleSlice == nil && levels.earlySlice == nil && levels.loop == .perLevel)
        let layout = try InitcallLayout(script: try Fixtures.script("tinyk.lds"), levels: levels)
        #expect(
            layout.lines == [
                "sym __tinyk_init_board [initcall_levels[0]]", "KEEP(*(.tinyk_init.board.init)) board -> level 0 board",
                "sym __tinyk_init_bus [initcall_levels[1]]", "KEEP(*(.tinyk_init.bus.init)) bus -> level 1 bus",
                "sym __tinyk_init_driver [initcall_levels[2]]",
                "KEEP(*(SORT_BY_NAME(.tinyk_init.driver.init*))) driver -> level 2 driver",
                "sym __tinyk_init_app [initcall_levels[3]]", "KEEP(*(.tinyk_init.app.init)) app -> level 3 app",
                "sym __tinyk_init_end [initcall_levels[4]]",
            ])
        #expect(
            layout.walkLines == [
                "level 0 board: board", "level 1 bus: bus", "level 2 driver: driver", "level 3 app: app",
            ])
        #expect(LayoutChecks.run(script: try Fixtures.script("tinyk.lds"), levels: levels).isEmpty)
    }

    @Test func tinykDriverPrioritiesSortByName() throws {
        let inputs = [
            InputSection(file: "a.o", name: ".tinyk_init.driver.init.20", size: 8, alignment: 8),
            InputSection(file: "b.o", name: ".tinyk_init.driver.init.10", size: 8, alignment: 8),
            InputSection(file: "c.o", name: ".tinyk_init.driver.init", size: 8, alignment: 8),
        ]
        let map = try LinkMap(script: try Fixtures.script("tinyk.lds"), inputs: inputs)
        #expect(map.placements.map(\.input) == [2, 1, 0])
    }
}
