import KernelModel

/// The `initcall_debug` lines, as each era printed them (init/main.c): `trace_initcall_start_cb`,
/// `trace_initcall_finish_cb` and `trace_initcall_level_cb` on the tracepoints from 4.17
/// (registered once by `initcall_debug_enable()` in `start_kernel()`), `do_one_initcall_debug()`
/// from 2.6.36, inline `printk`s in `do_one_initcall()` before. See
/// ``KernelVersion/initcallDebugStyle`` for the texts and the releases that changed them.
extension BootEngine {
    /// "entering initcall level: %s" — 6.16 and later (``KernelVersion/printsInitcallLevel``);
    /// earlier kernels only fire the tracepoint.
    func traceInitcallLevel(_ name: String) {
        guard initcallDebug, version.printsInitcallLevel else { return }
        ctx.log(.KERN_DEBUG, "entering initcall level: \(name)")
    }

    /// The loglevel of the lines: KERN_DEBUG up to 2.6.21 and from 2.6.36, the default
    /// loglevel in between.
    private var debugLevel: LogLevel { version.initcallDebugIsKernDebug ? .KERN_DEBUG : .KERN_DEFAULT }

    /// Before the call: `calling  %pS @ %i` (two spaces after "calling"; 2.6.28 and later),
    /// `calling  %pF` (2.6.26, 2.6.27), or `Calling initcall 0x%p: %s()` (up to 2.6.25, built
    /// from three printks into one record).
    func traceInitcallStart(_ index: Int) {
        guard initcallDebug else { return }
        let symbol = image.table[index].symbolText
        switch version.initcallDebugStyle {
        case .microseconds:
            var line = TextBuffer()
            line.append("calling  ")
            line.append(symbol)
            line.append(" @ ")
            line.appendDecimal(Int64(ctx.pid))
            ctx.log(debugLevel, line.text)
        case .milliseconds: ctx.log(debugLevel, "calling  \(symbol)")
        case .address, .addressChecked, .addressUntimed:
            ctx.log(debugLevel, "Calling initcall 0x\(textAddress(of: index)): \(symbol)()")
        }
        // The line's printk() returns once the consoles have it; the start time comes after.
        if image.hasGaps { ctx.clock.advance(by: image.table[index].flush) }
    }

    /// After it: `initcall %pS returned %d after %lld usecs` (2.6.28 and later; `>> 10` of the
    /// nanoseconds until 5.18, `ktime_us_delta()` from it), `initcall %pF returned %d after %Ld
    /// msecs` (2.6.26, 2.6.27; `>> 20`), the two lines of 2.6.22 to 2.6.25, and nothing
    /// before 2.6.22.
    func traceInitcallFinish(_ index: Int, ret: Int32, nanoseconds: UInt64) {
        guard initcallDebug else { return }
        let symbol = image.table[index].symbolText
        let duration = version.initcallDuration(nanoseconds: nanoseconds)
        switch version.initcallDebugStyle {
        case .microseconds:
            var line = TextBuffer()
            line.append("initcall ")
            line.append(symbol)
            line.append(" returned ")
            line.appendDecimal(Int64(ret))
            line.append(" after ")
            line.appendDecimal(duration)
            line.append(" usecs")
            ctx.log(debugLevel, line.text)
        case .milliseconds:
            ctx.log(debugLevel, "initcall \(symbol) returned \(ret) after \(duration) msecs")
        case .address:
            let address = textAddress(of: index)
            ctx.log(debugLevel, "initcall 0x\(address): \(symbol)() returned \(ret).")
            ctx.log(debugLevel, "initcall 0x\(address) ran for \(duration) msecs: \(symbol)()")
        case .addressChecked, .addressUntimed:
            break
        }
    }

    /// `%p` of an initcall function in the kernels that printed it: its own address where the
    /// description gives one (`address=`, as an imported log printed it), else the functions
    /// laid out one after another, in table order, from the start of `.init.text` (a stable
    /// stand-in for the addresses of a real build).
    func textAddress(of index: Int) -> String {
        if image.table.indices.contains(index), let address = image.table[index].functionAddress {
            return HexDigits.lowercase(address)
        }
        if textAddresses.isEmpty {
            var next = architecture.initTextBase
            textAddresses = image.table.map { entry in
                defer { next = next &+ UInt64(max(0, entry.size)) }
                return next
            }
        }
        let address = textAddresses.indices.contains(index) ? textAddresses[index] : architecture.initTextBase
        return HexDigits.lowercase(address)
    }
}
