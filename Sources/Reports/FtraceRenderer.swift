import KernelBoot
import KernelLink
import KernelModel

/// The `initcall:*` trace events of a boot as `/sys/kernel/tracing/trace` prints them after a
/// boot with `trace_event=initcall:*`, so that scripts written for real traces read it.
///
/// - Header: `print_event_info()` and `print_func_help_header_irq()` of kernel/trace/trace.c
///   (5.18 and later: the irqs-off/BH-disabled, need-resched, hardirq/softirq, preempt-depth
///   and migrate-disable legend).
/// - Lines: `trace_print_context()` of kernel/trace/trace_output.c, `"%16s-%-7d "` (comm, pid;
///   PID 0 is `<idle>`), `"[%03d] "` (CPU), the five flag columns of `trace_print_lat_fmt()`,
///   `" %5lu.%06lu"` (`ns2usecs()` rounds to the nearest microsecond), `": "`; then the event
///   name and the `TP_printk` of include/trace/events/initcall.h: `initcall_level: level=%s`,
///   `initcall_start: func=%pS`, `initcall_finish: func=%pS ret=%d`.
///
/// After the boot, the module inits of its `load`s fire the same two events in the task that
/// loaded each (its comm and pid), in time order.
///
/// Event order and times follow init/main.c: every walk fires `initcall_level` (empty levels
/// too), each call fires `initcall_start` before and `initcall_finish` after it; a blacklisted
/// call fires neither, a call that panics no `initcall_finish`. The trace-event probe is
/// registered before `initcall_debug`'s printk probe (`trace_init()` comes first in
/// `start_kernel()`), so `initcall_start` carries the time of the `calling` line.
public enum FtraceRenderer {
    /// The first release with the `initcall:*` trace events (commit 4ee7c60de83a, 4.17).
    public static func hasInitcallEvents(_ version: KernelVersion) -> Bool { version.isAtLeast(4, 17) }

    /// The whole trace file: header, then one line per event, each ending in a newline.
    public static func render(_ result: BootResult) -> String {
        let events = self.events(result)
        var output = header(entries: events.count, cpus: result.onlineCPUs)
        output.reserveCapacity(output.utf8.count + events.count * 96)
        for event in events { output += line(event, result) }
        return output
    }

    /// One trace event: what fired, when, in which task, with preemption disabled or not.
    struct Event {
        enum What {
            case level(String)
            case start(Int)
            case finish(Int)
            /// A module's init after the boot (``BootResult/moduleRuns``).
            case moduleStart(Int)
            case moduleFinish(Int)
        }

        var what: What
        var time: UInt64
        var pid: Int32
        /// The task's name, for a module's loader (the kernel's own tasks are named by pid).
        var comm: String? = nil
    }

    /// The events in the order they fired: walks in order, each call inside its walk.
    static func events(_ result: BootResult) -> [Event] {
        var events: [Event] = []
        events.reserveCapacity(result.levels.count + result.runs.count * 2)
        let debugLine: UInt64 = result.options.initcallDebug ? result.image.description.timeline.printk : 0
        var nextRun = 0
        func calls(upTo end: Int) {
            while nextRun < min(end, result.runs.count) {
                let run = result.runs[nextRun]
                defer { nextRun += 1 }
                if run.flags.contains(.blacklisted) { continue }
                // The calling line and its console time (flush=) come between the two.
                let before = debugLine &+ (result.options.initcallDebug ? result.entry(of: run).flush : 0)
                let start = run.calltime >= before ? run.calltime - before : run.calltime
                events.append(Event(what: .start(nextRun), time: start, pid: run.pid))
                if !run.flags.contains(.panicked) {
                    events.append(Event(what: .finish(nextRun), time: run.rettime, pid: run.pid))
                }
            }
        }
        for span in result.levels {
            calls(upTo: span.runs.lowerBound)
            events.append(Event(what: .level(span.name), time: span.start, pid: span.pid))
            calls(upTo: span.runs.upperBound)
        }
        calls(upTo: result.runs.count)
        return events + moduleEvents(result)
    }

    /// The module inits after the boot, in time order (loads side by side interleave): each
    /// fires in the task that loaded it, as `do_one_initcall()` does for any caller.
    static func moduleEvents(_ result: BootResult) -> [Event] {
        var events: [Event] = []
        for (index, run) in result.moduleRuns.enumerated() where !run.blacklisted {
            events.append(Event(what: .moduleStart(index), time: run.start, pid: run.pid, comm: run.comm))
            if !run.panicked {
                events.append(Event(what: .moduleFinish(index), time: run.rettime, pid: run.pid, comm: run.comm))
            }
        }
        return events.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }.map(\.element)
    }

    static func header(entries: Int, cpus: Int) -> String {
        """
        # tracer: nop
        #
        # entries-in-buffer/entries-written: \(entries)/\(entries)   #P:\(cpus)
        #
        #                                _-----=> irqs-off/BH-disabled
        #                               / _----=> need-resched
        #                              | / _---=> hardirq/softirq
        #                              || / _--=> preempt-depth
        #                              ||| / _-=> migrate-disable
        #                              |||| /     delay
        #           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION
        #              | |         |   |||||     |         |

        """
    }

    static func line(_ event: Event, _ result: BootResult) -> String {
        var text = context(event)
        switch event.what {
        case .level(let name):
            text += "initcall_level: level=" + name
        case .start(let run):
            text += "initcall_start: func=" + result.entry(of: result.runs[run]).symbolText
        case .finish(let run):
            let call = result.runs[run]
            text += "initcall_finish: func=" + result.entry(of: call).symbolText + " ret=" + String(call.ret)
        case .moduleStart(let run):
            text += "initcall_start: func=" + result.moduleRuns[run].symbolText
        case .moduleFinish(let run):
            let call = result.moduleRuns[run]
            text += "initcall_finish: func=" + call.symbolText + " ret=" + String(call.ret)
        }
        return text + "\n"
    }

    /// `trace_print_context()`: task, CPU, flags and time, then `": "`.
    static func context(_ event: Event) -> String {
        // trace_find_cmdline(): PID 0 is "<idle>"; PID 1 is still the kernel thread
        // kernel_init, named after its parent until it execs init.
        let comm = event.comm ?? (event.pid == 0 ? "<idle>" : "swapper/0")
        let pid = String(event.pid)
        // start_kernel() runs with preemption disabled (preempt_count 1) until the idle loop;
        // kernel_init runs preemptible, interrupts on.
        let flags = event.pid == 0 ? "...1." : "....."
        return pad(comm, 16) + comm + "-" + pid + pad(pid, 7) + " [000] " + flags + " " + time(event.time) + ": "
    }

    /// `" %5lu.%06lu"` of `ns2usecs(ts)`, which rounds to the nearest microsecond (the leading
    /// space is the caller's).
    package static func time(_ nanoseconds: UInt64) -> String {
        let micros = nanoseconds / 1_000 + (nanoseconds % 1_000 >= 500 ? 1 : 0)
        let seconds = String(micros / 1_000_000)
        let fraction = String(micros % 1_000_000)
        return pad(seconds, 5) + seconds + "." + String(repeating: "0", count: 6 - fraction.count) + fraction
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count))
    }
}
