import KernelModel
import TestSupport
import Testing

/// One test per branch of `do_one_initcall()` (reference §6.4) and of `console_init()` (§6.7).
@Suite("do_one_initcall")
struct DoOneInitcallTests {
    @Test func callingAndReturnedLinesHaveTheKernelFormat() throws {
        let result = try TestKernel.boot { k in
            k.object("drivers/base/core.o") { tu in
                tu.core_initcall(
                    TestKernel.fn("driver_core_init", size: 0x40) { k in
                        k.udelay(120)
                        return 0
                    })
            }
        }
        let lines = TestKernel.lines(result)
        let calling = try #require(lines.firstIndex(of: "calling  driver_core_init+0x0/0x40 @ 1"))
        #expect(lines[calling + 1] == "initcall driver_core_init+0x0/0x40 returned 0 after 120 usecs")
        #expect(result.records[calling].level == .KERN_DEBUG)
        #expect(result.runs[0].durationMicroseconds == 120)
    }

    @Test func withoutInitcallDebugNothingIsPrinted() throws {
        let result = try TestKernel.boot("") { k in
            k.object("a.o") { tu in tu.device_initcall(TestKernel.fn("a_init")) }
        }
        #expect(!TestKernel.lines(result).contains { $0.hasPrefix("calling ") || $0.hasPrefix("initcall ") })
        #expect(TestKernel.called(result) == ["a_init"])
    }

    @Test func blacklistedInitcallIsNotCalledAndGetsEPERM() throws {
        let result = try TestKernel.boot("initcall_debug initcall_blacklist=b_init") { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("b_init") { k in
                        k.printk(.KERN_INFO, "b ran")
                        return 0
                    })
                tu.device_initcall(TestKernel.fn("c_init"))
            }
        }
        let lines = TestKernel.lines(result)
        #expect(lines.contains("blacklisting initcall b_init"))
        #expect(lines.contains("initcall b_init blacklisted"))
        #expect(!lines.contains("b ran"))
        #expect(!lines.contains { $0.hasPrefix("calling  b_init") || $0.hasPrefix("initcall b_init+") })
        let run = try #require(result.runs.first { result.entry(of: $0).function == "b_init" })
        #expect(run.ret == -Errno.EPERM)
        #expect(run.flags.contains(.blacklisted))
        #expect(TestKernel.called(result) == ["c_init"])
    }

    @Test func blacklistMatchesExactlyWithoutDashFolding() throws {
        let result = try TestKernel.boot("initcall_blacklist=b-init,,B_INIT initcall_blacklist=c_init") { k in
            k.object("a.o") { tu in
                tu.device_initcall(TestKernel.fn("b_init"))
                tu.device_initcall(TestKernel.fn("c_init"))
            }
        }
        // Several occurrences accumulate; empty tokens are entries too, and harmless.
        #expect(result.options.initcallBlacklist == ["b-init", "", "B_INIT", "c_init"])
        #expect(TestKernel.lines(result).contains("blacklisting initcall "))
        #expect(TestKernel.called(result) == ["b_init"])
    }

    @Test func returnValueIsIgnoredAndLaterInitcallsRun() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(TestKernel.fn("fails_init") { _ in -Errno.ENODEV })
                tu.device_initcall(TestKernel.fn("next_init"))
            }
        }
        #expect(TestKernel.lines(result).contains("initcall fails_init+0x0/0x40 returned -19 after 0 usecs"))
        #expect(TestKernel.called(result) == ["fails_init", "next_init"])
        #expect(result.reachedInit)
        #expect(result.taint == "")
    }

    @Test func preemptionImbalanceIsRepairedAndWarned() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("leak_init") { k in
                        k.preempt_disable()
                        return 3
                    })
                tu.device_initcall(
                    TestKernel.fn("after_init") { k in
                        k.printk(.KERN_INFO, "count \(k.preemptCount)")
                        return 0
                    })
            }
        }
        let lines = TestKernel.lines(result)
        let message = "initcall leak_init+0x0/0x40 returned with preemption imbalance "
        let index = try #require(lines.firstIndex(of: message))
        #expect(lines[index - 1] == "------------[ cut here ]------------")
        #expect(lines[index + 1].hasPrefix("WARNING: CPU: 0 PID: 1 at init/main.c:"))
        #expect(lines.contains("---[ end trace 0000000000000000 ]---"))
        #expect(lines.contains("count 0"))
        #expect(result.runs[0].flags.contains(.preemptionImbalance))
        #expect(result.runs[0].ret == 3)
        #expect(result.taint == "W")
        #expect(result.reachedInit)
    }

    @Test func negativeImbalanceIsAnImbalanceToo() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("over_init") { k in
                        k.preempt_enable()
                        return 0
                    })
            }
        }
        #expect(TestKernel.lines(result).contains("initcall over_init+0x0/0x40 returned with preemption imbalance "))
    }

    @Test func disabledInterruptsAreReenabledAndWarned() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("irq_init") { k in
                        k.local_irq_disable()
                        return 0
                    })
                tu.device_initcall(
                    TestKernel.fn("after_init") { k in
                        k.printk(.KERN_INFO, "irqs \(k.irqsDisabled)")
                        return 0
                    })
            }
        }
        let lines = TestKernel.lines(result)
        #expect(lines.contains("initcall irq_init+0x0/0x40 returned with disabled interrupts "))
        #expect(lines.contains("irqs false"))
        #expect(result.runs[0].flags == [.disabledInterrupts])
    }

    @Test func bothReasonsShareOneWarnWithTrailingSpaces() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("both_init") { k in
                        _ = k.spin_lock_irqsave(SpinLock("both_lock"))
                        return 0
                    })
            }
        }
        let lines = TestKernel.lines(result)
        #expect(lines.contains("initcall both_init+0x0/0x40 returned with preemption imbalance disabled interrupts "))
        #expect(lines.filter { $0 == "------------[ cut here ]------------" }.count == 1)
    }

    @Test func firstWarnIsUntaintedSecondShowsW() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("one_init") { k in
                        k.preempt_disable()
                        return 0
                    })
                tu.device_initcall(
                    TestKernel.fn("two_init") { k in
                        k.preempt_disable()
                        return 0
                    })
            }
        }
        let cpuLines = TestKernel.lines(result).filter { $0.hasPrefix("CPU: 0 PID: 1") }
        #expect(
            cpuLines == [
                "CPU: 0 PID: 1 Comm: swapper/0 Not tainted 6.8.0-sim #1",
                "CPU: 0 PID: 1 Comm: swapper/0 Tainted: G        W          6.8.0-sim #1",
            ])
    }

    @Test func balancedLocksDoNotWarn() throws {
        let lock = SpinLock("good_lock")
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("good_init") { k in
                        k.spin_lock(lock)
                        k.udelay(5)
                        k.spin_unlock(lock)
                        let flags = k.local_irq_save()
                        k.local_irq_restore(flags)
                        return 0
                    })
            }
        }
        #expect(result.taint == "")
        #expect(result.runs[0].flags.isEmpty)
    }

    @Test func mightSleepInAtomicContextReportsTheBugOncePerSecond() throws {
        let result = try TestKernel.boot { k in
            k.object("drivers/misc/sleepy.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("sleepy_init") { k in
                        k.preempt_disable()
                        k.might_sleep(line: 42)
                        k.might_sleep(line: 43)
                        k.preempt_enable()
                        return 0
                    })
            }
        }
        let lines = TestKernel.lines(result)
        #expect(
            lines.filter { $0.hasPrefix("BUG: sleeping function") } == [
                "BUG: sleeping function called from invalid context at drivers/misc/sleepy.c:42"
            ])
        let bug = try #require(lines.firstIndex { $0.hasPrefix("BUG: sleeping") })
        #expect(lines[bug + 1] == "in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1, name: swapper/0")
        #expect(lines[bug + 2] == "preempt_count: 1, expected: 0")
        #expect(lines.contains(" sleepy_init+0x20/0x40"))
        #expect(result.runs[0].flags == [.sleptInAtomic])
        #expect(result.taint == "W")
    }

    @Test func mightSleepWithIrqsOffReportsIrqsDisabled() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("irq_sleep_init") { k in
                        k.local_irq_disable()
                        k.might_sleep()
                        k.local_irq_enable()
                        return 0
                    })
            }
        }
        #expect(
            TestKernel.lines(result).contains(
                "in_atomic(): 0, irqs_disabled(): 1, non_block: 0, pid: 1, name: swapper/0"))
    }

    @Test func panicStopsTheBoot() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.device_initcall(TestKernel.fn("doomed_init") { k in try k.panic("doomed: cannot continue") })
                tu.device_initcall(TestKernel.fn("never_init"))
            }
        }
        #expect(result.outcome == .panicked("doomed: cannot continue"))
        let lines = TestKernel.lines(result)
        #expect(lines.contains("Kernel panic - not syncing: doomed: cannot continue"))
        #expect(lines.last == "---[ end Kernel panic - not syncing: doomed: cannot continue ]---")
        #expect(result.records.first { $0.text.hasPrefix("Kernel panic") }?.level == .KERN_EMERG)
        #expect(TestKernel.called(result) == ["doomed_init"])
        #expect(result.runs[0].flags.contains(.panicked))
        #expect(!lines.contains { $0.hasPrefix("Run ") })
    }

    @Test func panicOnWarnTurnsTheWarnIntoAPanic() throws {
        let result = try TestKernel.boot("panic_on_warn=1") { k in
            k.object("a.o") { tu in
                tu.device_initcall(
                    TestKernel.fn("leak_init") { k in
                        k.preempt_disable()
                        return 0
                    })
                tu.device_initcall(TestKernel.fn("never_init"))
            }
        }
        #expect(result.outcome == .panicked("kernel: panic_on_warn set ..."))
        #expect(TestKernel.called(result) == ["leak_init"])
    }

    @Test func consoleInitcallsBypassBlacklistAndChecks() throws {
        let result = try TestKernel.boot("initcall_debug initcall_blacklist=con_init") { k in
            k.object("drivers/tty/vt/vt.o") { tu in
                tu.console_initcall(
                    TestKernel.fn("con_init") { k in
                        k.preempt_disable()
                        return 0
                    })
            }
        }
        let lines = TestKernel.lines(result)
        #expect(lines.contains("calling  con_init+0x0/0x40 @ 0"))
        #expect(lines.contains("initcall con_init+0x0/0x40 returned 0 after 0 usecs"))
        #expect(!lines.contains { $0.contains("returned with") })
        #expect(result.runs[0].slice == .console)
        #expect(result.runs[0].pid == 0)
        #expect(result.taint == "")
    }

    @Test func consoleRunsFirstAndEarlyBeforeSmp() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.pure_initcall(TestKernel.fn("pure_fn"))
                tu.early_initcall(TestKernel.fn("early_fn"))
                tu.console_initcall(TestKernel.fn("console_fn"))
            }
        }
        let lines = TestKernel.lines(result)
        #expect(TestKernel.called(result) == ["console_fn", "early_fn", "pure_fn"])
        let smp = try #require(lines.firstIndex(of: "smp: Bringing up secondary CPUs ..."))
        let early = try #require(lines.firstIndex(of: "calling  early_fn+0x0/0x40 @ 1"))
        let pure = try #require(lines.firstIndex(of: "calling  pure_fn+0x0/0x40 @ 1"))
        #expect(early < smp && smp < pure)
    }

    @Test func orphanSectionsNeverRunAndExitcallsAreDiscarded() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.__define_initcall(TestKernel.fn("level8_init"), "8")
                tu.module_exit(TestKernel.fn("a_exit"))
                tu.module_init(TestKernel.fn("a_init"))
            }
        }
        #expect(TestKernel.called(result) == ["a_init"])
        #expect(result.image.orphans.map(\.section) == [".initcall8.init"])
        #expect(result.image.discarded.map(\.function) == ["a_exit"])
    }

    @Test func entersInitcallLevelFromLinux616() throws {
        let result = try TestKernel.boot(version: "6.16.0") { k in
            k.object("a.o") { tu in tu.device_initcall(TestKernel.fn("a_init")) }
        }
        let levels = TestKernel.lines(result).filter { $0.hasPrefix("entering initcall level: ") }
        #expect(
            levels
                == [
                    "console", "early", "pure", "core", "postcore", "arch", "subsys", "fs", "device", "late",
                ].map { "entering initcall level: \($0)" })
        let older = try TestKernel.boot(version: "6.15.9") { k in
            k.object("a.o") { tu in tu.device_initcall(TestKernel.fn("a_init")) }
        }
        #expect(!TestKernel.lines(older).contains { $0.hasPrefix("entering initcall level") })
    }

    @Test func runtimeResourcesAreRecordedPerRun() throws {
        let result = try TestKernel.boot { k in
            k.object("a.o") { tu in
                tu.subsys_initcall(
                    TestKernel.fn("bus_init") { k in
                        k.provide("bus")
                        return 0
                    })
                tu.device_initcall(
                    TestKernel.fn("dev_init") { k in k.require("bus") && k.require("clk") ? 0 : -Errno.ENODEV })
            }
        }
        #expect(result.resources(of: 0, .provided) == ["bus"])
        #expect(result.resources(of: 1, .required) == ["bus", "clk"])
        #expect(result.resources(of: 1, .missing) == ["clk"])
        #expect(result.runs[1].ret == -Errno.ENODEV)
    }
}
