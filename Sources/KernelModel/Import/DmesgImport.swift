import SourceInput

/// Reads a kernel log taken with `initcall_debug` into an ``ImportedBoot``: one pass over the
/// lines (``SourceText``, so CRLF/CR/LF alike), linear in the log and never trapping, whatever
/// the log holds. A function name is not a key: each `calling` line opens a call of its own,
/// and a `returned` line closes the latest open call of that name (of its pid, when the log
/// has caller ids).
public struct DmesgImport {
    var boot = ImportedBoot()
    /// Indices of calls opened, oldest first; closed ones are dropped lazily (from the end),
    /// so that every lookup stays amortized constant whatever the log holds.
    var open: [Int] = []
    var openByName: [String: [Int]] = [:]
    var openByPID: [Int32: [Int]] = [:]
    /// 2.6.17–2.6.21 calls that printed `returned %d.` and wait for the next call to close them.
    var oldReturnedOpen: [Int] = []
    /// The last closed call of each name, for `do_one_initcall()`'s sanity report.
    var lastClosedByName: [String: Int] = [:]
    /// How many open-call entries a lookup may skip before giving up.
    static let lookupBound = 64
    /// The id `entering initcall level:` announced last (6.16+ logs).
    var levelID: String?
    var smpSeen = false
    var initRan = false
    var sawARM64 = false
    /// The call whose WARN is being printed.
    var warnOwner: Int?
    /// What the `initcall_debug` lines' own format says of the era, for a log without a
    /// banner: `Calling initcall 0x%p` (2.6.22–2.6.25), `msecs` without `@ pid` (2.6.26–2.6.27).
    var sawAddressLines = false
    var sawMillisecondLines = false
    /// The release a stack dump's first line names (`CPU: 0 PID: 1 Comm: swapper/0 Not
    /// tainted 6.1.0-13-amd64 #1`, 2.6's `Pid: 1, comm: swapper Not tainted 2.6.26-rc9 #89`).
    var dumpRelease: String?
    /// The async entry each worker pid is running, and each cookie's latest entry.
    var asyncByPID: [Int32: Int] = [:]
    var asyncByCookie: [UInt64: Int] = [:]
    /// The last built-in call started.
    var lastBuiltIn: Int?

    /// The import of `text`; `systemMap` gives levels, table order and objects.
    public static func read(_ text: String, systemMap: SystemMap? = nil) -> ImportedBoot {
        var reader = DmesgImport()
        var number = 0
        let lines = SourceText.lines(text)
        // The last record read, held back while the next lines may be the rest of it.
        var pending: DmesgRecord?
        var joined = 0
        let quoted = Self.isQuoted(lines)
        for (index, quotedLine) in lines.enumerated() {
            // The line end of the last line is not an empty record.
            if index == lines.count - 1, quotedLine.isEmpty, index > 0 { break }
            number += 1
            let line = quoted ? Self.droppingQuote(quotedLine) : quotedLine
            let record = DmesgRecord(line, number: number)
            if let held = pending, held.microseconds != nil, record.isBare {
                // A timestamped log's line without a stamp is no record of its own: a blank
                // line a mailer put in, or the rest of a line it wrapped.
                if InitcallDebugLine.trimmingTrailingBlanks(line).isEmpty { continue }
                if joined < Self.joinBound, let whole = Self.joining(held, line) {
                    pending = whole
                    joined += 1
                    continue
                }
            }
            if let held = pending { reader.take(held) }
            var records = Self.records(record)
            pending = records.popLast()
            joined = 0
            for record in records { reader.take(record) }
        }
        if let held = pending { reader.take(held) }
        reader.boot.lineCount = number
        reader.finish()
        if let systemMap { reader.boot.apply(systemMap) }
        reader.boot.noteUnknownLevels()
        return reader.boot
    }

    /// How many wrapped pieces one record may gather (`initcall` / `name returned 0 after 7812`
    /// / `usecs`: a mailer's narrow wrap makes three).
    static let joinBound = 4

    /// Whether the log is quoted in a mail reply (`> [    0.000000] Booting Linux …`): its
    /// first line with a timestamp has one only once the quote marks are dropped.
    static func isQuoted(_ lines: [Substring]) -> Bool {
        for line in lines where line.first == ">" || line.first == "[" || line.first == "<" {
            if !isBareLine(line) { return false }
            if !isBareLine(droppingQuote(line)) { return true }
        }
        return false
    }

    /// `line` without its quote marks (`> `, `>> `, `> > `), at most sixteen deep.
    static func droppingQuote(_ line: Substring) -> Substring {
        var rest = line
        for _ in 0..<16 where rest.first == ">" {
            rest = rest.dropFirst()
            if rest.first == " " { rest = rest.dropFirst() }
        }
        return rest
    }

    /// A line with no level prefix, timestamp or caller id.
    static func isBareLine(_ line: Substring) -> Bool { DmesgRecord(line, number: 0).isBare }

    /// `held` with `line` put back after it, when `held` is an `initcall_debug` message cut
    /// short (`initcall foo+0x0/0x200 returned 0 after ` then `0 usecs`), or a stack dump's
    /// first line cut before its release (`… Tainted: G` then `        T 5.7.0-rc2 #1`): a
    /// wrap that ate a space gets one back. Nil when `held` is complete or neither. (Other
    /// messages stay as they came: on a console, a line without a stamp may be user space's.)
    static func joining(_ held: DmesgRecord, _ line: Substring) -> DmesgRecord? {
        let text = held.text
        let debugLine =
            (text.hasPrefix("initcall") || text.hasPrefix("calling ") || text.hasPrefix("Calling initcall"))
            && InitcallDebugLine(text) == nil
        let dumpLine =
            text.hasPrefix("CPU: ") && text.firstASCIIRange(of: " Comm: ") != nil && release(inDumpLine: text) == nil
        // The banner ends in UTS_VERSION, which starts with `#` and the build number.
        let bannerLine = text.hasPrefix("Linux version") && !hasBuildNumber(text)
        guard debugLine || dumpLine || bannerLine else { return nil }
        let piece = InitcallDebugLine.trimmingTrailingBlanks(line)
        let space = text.last == " " || piece.first == " " ? "" : " "
        var whole = held
        whole.text = Substring(String(text) + space + String(piece))
        return whole
    }

    /// Whether `text` holds ` #` and a digit: the banner's `UTS_VERSION` (`#1 SMP …`).
    static func hasBuildNumber(_ text: Substring) -> Bool {
        var rest = text[...]
        while let hash = rest.firstASCIIRange(of: " #") {
            if rest[hash.upperBound...].first?.isASCIIDigit == true { return true }
            rest = rest[hash.upperBound...]
        }
        return false
    }

    /// The records of one line: usually one; messages run together (a continuation that lost
    /// its newline) are split where a second timestamp starts.
    static func records(_ first: DmesgRecord) -> [DmesgRecord] {
        var result: [DmesgRecord] = []
        var record = first
        while true {
            guard record.microseconds != nil, let split = Self.secondTimestamp(in: record.text) else {
                result.append(record)
                return result
            }
            var head = record
            head.text = record.text[..<split]
            result.append(head)
            record = DmesgRecord(record.text[split...], number: record.line)
        }
    }

    /// Where a `[   1.234567]` stamp starts inside `text` (not at its start).
    static func secondTimestamp(in text: Substring) -> Substring.Index? {
        // By bytes: '[' is ASCII, so every match is a character boundary.
        let bytes = text.utf8
        var index = bytes.startIndex
        while let bracket = bytes[index...].firstIndex(of: UInt8(ascii: "[")) {
            var probe = text[bracket...]
            if bracket != text.startIndex, DmesgRecord.timestamp(&probe) != nil { return bracket }
            index = bytes.index(after: bracket)
        }
        return nil
    }

    mutating func take(_ record: DmesgRecord) {
        if record.caller != nil { boot.callerIDs = true }
        if let line = InitcallDebugLine(record.text) {
            debugLine(line, record)
        } else {
            otherLine(record)
        }
    }

    // MARK: initcall_debug lines

    mutating func debugLine(_ line: InitcallDebugLine, _ record: DmesgRecord) {
        switch line {
        case .calling(let symbol, let pid, let address):
            if address != nil { sawAddressLines = true }
            closeOldReturned()
            startCall(symbol, pid: pid ?? record.callerPID, address: address, record)
        case .returned(let symbol, let ret, let duration, let milliseconds):
            if milliseconds { sawMillisecondLines = true }
            guard let index = openCall(symbol.name, record) else { return boot.events.append(.record(record)) }
            boot.calls[index].ret = ret
            boot.calls[index].duration = duration
            boot.calls[index].durationUnit = milliseconds ? .milliseconds : .microseconds
            close(index, record)
        case .returnedOld(let symbol, let ret):
            guard let index = openCall(symbol.name, record) else { return boot.events.append(.record(record)) }
            boot.calls[index].ret = ret
            boot.calls[index].oldReturned = true
            boot.calls[index].rettime = record.microseconds
            boot.calls[index].returnedLineTime = record.microseconds
            oldReturnedOpen.append(index)
        case .ranFor(let symbol, let milliseconds):
            guard let index = openCall(symbol.name, record) else { return boot.events.append(.record(record)) }
            boot.calls[index].duration = milliseconds
            boot.calls[index].durationUnit = .milliseconds
            close(index, record)
        case .returnedWith(let symbol, let reasons):
            // do_one_initcall()'s sanity report follows the call it is about.
            if let index = lastClosedByName[symbol.name] {
                boot.calls[index].sanity = reasons
                boot.calls[index].warnRecords += 1
            } else {
                boot.events.append(.record(record))
            }
        case .blacklisted(let name):
            closeOldReturned()
            var call = newCall(name, pid: 1, record)
            call.blacklisted = true
            call.open = false
            call.ret = -1
            appendCall(call)
        case .enteringLevel(let name):
            levelID = Self.id(ofLevelName: name)
            if levelID == nil { boot.events.append(.record(record)) }
        case .asyncCalling(let cookie, let symbol, let pid):
            asyncCalling(cookie, symbol, pid: pid, record)
        case .asyncReturned(let cookie, let symbol, let duration):
            if let index = asyncByCookie[cookie], boot.asyncEntries[index].open,
                boot.asyncEntries[index].function == symbol.name
            {
                boot.asyncEntries[index].open = false
                boot.asyncEntries[index].duration = duration
                boot.asyncEntries[index].rettime = record.microseconds
                boot.asyncEntries[index].lines.append(record.line)
            }
            boot.events.append(.record(record))
        case .async:
            boot.events.append(.record(record))
        }
    }

    /// A worker's `calling  %lli_%pF @ %i`: an entry of its own, hosted by the built-in call
    /// that had last started (which the writer may make the one that scheduled it).
    mutating func asyncCalling(_ cookie: UInt64, _ symbol: PrintedSymbol, pid: Int32, _ record: DmesgRecord) {
        var entry = ImportedBoot.AsyncEntry(
            cookie: cookie, function: symbol.name, size: symbol.size, pid: pid, line: record.line,
            start: record.microseconds)
        entry.lines = [record.line]
        // After init ran, no built-in call is running to have scheduled it.
        if let host = lastBuiltIn, !initRan {
            entry.host = host
            entry.hostRecords = boot.calls[host].open ? boot.calls[host].records.count : nil
        }
        boot.asyncEntries.append(entry)
        asyncByPID[pid] = boot.asyncEntries.count - 1
        asyncByCookie[cookie] = boot.asyncEntries.count - 1
        boot.events.append(.record(record))
    }

    /// A worker's `async_waiting @ %i` / `async_continuing @ %i after %lli usec`: the entry it
    /// runs waits for the ones before it (`async_synchronize_cookie()`). False for any other line.
    mutating func asyncWait(_ record: DmesgRecord) -> Bool {
        guard let pid = Self.asyncWaitPID(record.text), let index = asyncByPID[pid], boot.asyncEntries[index].open
        else { return false }
        if record.text.hasPrefix("async_waiting") {
            guard !boot.asyncEntries[index].waits else { return false }
            boot.asyncEntries[index].waits = true
        } else {
            guard boot.asyncEntries[index].waits, boot.asyncEntries[index].waited == nil,
                let after = record.text.firstASCIIRange(of: " after "),
                let usec = UInt64(record.text[after.upperBound...].prefix { $0.isASCIIDigit })
            else { return false }
            boot.asyncEntries[index].waited = usec
            boot.asyncEntries[index].continuedAt = record.microseconds
        }
        boot.asyncEntries[index].lines.append(record.line)
        boot.events.append(.record(record))
        return true
    }

    /// The ids of `initcall_level_names[]` (and the trace-only "early" and "console").
    static func id(ofLevelName name: String) -> String? {
        let names = ["pure", "core", "postcore", "arch", "subsys", "fs", "device", "late"]
        if name == "early" { return "early" }
        if name == "console" { return "con" }
        return names.firstIndex(of: name).map(String.init)
    }

    mutating func startCall(_ symbol: PrintedSymbol, pid: Int32?, address: UInt64?, _ record: DmesgRecord) {
        var call = newCall(symbol.name, pid: pid, record)
        call.size = symbol.size
        call.address = address
        call.module = symbol.module
        if symbol.module != nil { call.phase = .outside }
        // One task runs one initcall at a time: a call of the same pid still open lost its
        // returned line (a log cut short, lines dropped by the ring buffer).
        let key = pid ?? -1
        for index in openByPID[key] ?? [] where boot.calls[index].open { boot.calls[index].open = false }
        appendCall(call)
        let index = boot.calls.count - 1
        open.append(index)
        openByName[symbol.name, default: []].append(index)
        openByPID[key] = [index]
    }

    func newCall(_ name: String, pid: Int32?, _ record: DmesgRecord) -> ImportedBoot.Call {
        var phase: ImportedBoot.Phase = smpSeen ? .levels : .early
        if pid == 0 { phase = .console }
        if let pid, pid > 1 { phase = .outside }
        if initRan { phase = .outside }
        var call = ImportedBoot.Call(function: name, pid: pid, phase: phase, line: record.line)
        call.calltime = record.microseconds
        if phase != .outside, let levelID {
            call.id = levelID
            call.idSource = "entering initcall level"
        }
        if phase == .console {
            call.id = "con"
            call.idSource = "@ 0: console_init()"
        }
        return call
    }

    mutating func appendCall(_ call: ImportedBoot.Call) {
        if call.phase != .outside { lastBuiltIn = boot.calls.count }
        boot.calls.append(call)
        boot.events.append(.call(boot.calls.count - 1))
    }

    /// The latest open call named `name` (of the record's pid, when it has a caller id).
    mutating func openCall(_ name: String, _ record: DmesgRecord) -> Int? {
        guard var list = openByName[name] else { return nil }
        while let last = list.last, !boot.calls[last].open { list.removeLast() }
        openByName[name] = list.isEmpty ? nil : list
        let pid = record.callerPID
        return list.suffix(Self.lookupBound).last { boot.calls[$0].open && (pid == nil || boot.calls[$0].pid == pid) }
    }

    mutating func close(_ index: Int, _ record: DmesgRecord) {
        boot.calls[index].open = false
        boot.calls[index].rettime = record.microseconds
        lastClosedByName[boot.calls[index].function] = index
    }

    /// 2.6.17–2.6.21 print `returned %d.` without a `ran for` line: the next call closes it.
    mutating func closeOldReturned() {
        for index in oldReturnedOpen {
            boot.calls[index].open = false
            lastClosedByName[boot.calls[index].function] = index
        }
        oldReturnedOpen.removeAll()
    }

    /// The latest call still open.
    mutating func latestOpen() -> Int? {
        while let last = open.last, !boot.calls[last].open { open.removeLast() }
        return open.last
    }

    // MARK: Other lines

    mutating func otherLine(_ record: DmesgRecord) {
        if !asyncByPID.isEmpty, asyncWait(record) { return }
        machineLine(record.text, record)
        countWarn(record.text)
        // A line its caller id gives to a worker running an entry is that entry's output.
        if let pid = record.callerPID, let entry = asyncByPID[pid], boot.asyncEntries[entry].open {
            boot.asyncEntries[entry].records.append(record)
            boot.asyncEntries[entry].lines.append(record.line)
            boot.events.append(.record(record))
            return
        }
        if let owner = owner(of: record) {
            boot.calls[owner].records.append(record)
        } else {
            boot.events.append(.record(record))
        }
    }

    /// A WARN after a call (`__warn()`, from `------------[ cut here ]------------` to
    /// `---[ end trace … ]---`): its records count towards the call, whose replay prints one.
    mutating func countWarn(_ text: Substring) {
        if text == "------------[ cut here ]------------", latestOpen() == nil,
            let last = boot.calls.indices.last, boot.calls[last].phase != .outside
        {
            warnOwner = last
        }
        guard let owner = warnOwner else { return }
        boot.calls[owner].warnRecords += 1
        if text.hasPrefix("---[ end trace") { warnOwner = nil }
    }

    /// The open call a line belongs to: its pid's (caller id, or the pid kernel/async.c's
    /// `async_waiting @ %i` and `async_continuing @ %i after %lli usec` name), else the latest.
    mutating func owner(of record: DmesgRecord) -> Int? {
        if let pid = record.callerPID ?? Self.asyncWaitPID(record.text) {
            return openByPID[pid]?.last.flatMap { boot.calls[$0].open ? $0 : nil }
        }
        return latestOpen()
    }

    /// The pid of `async_synchronize_cookie_domain()`'s lines: an async worker waiting for the
    /// work before its own prints them from its pid, not from the call open at the time.
    static func asyncWaitPID(_ text: Substring) -> Int32? {
        guard text.hasPrefix("async_waiting @ ") || text.hasPrefix("async_continuing @ ") else { return nil }
        let afterAt = text.drop { $0 != "@" }.dropFirst(2)
        return Int32(afterAt.prefix { $0.isASCIIDigit })
    }

    mutating func machineLine(_ text: Substring, _ record: DmesgRecord) {
        if text.hasPrefix("Linux version "), boot.banner == nil {
            boot.banner = String(text)
            boot.release = text.dropFirst(14).prefix { $0 != " " }.description
        } else if text.hasPrefix("Kernel command line: ") {
            boot.commandLine = String(text.dropFirst(21))
        } else if text.hasPrefix("Command line: ") {
            boot.architecture = "x86_64"
            if boot.commandLine == nil { boot.commandLine = String(text.dropFirst(14)) }
        } else if text.hasPrefix("Booting Linux on physical CPU") || text.hasPrefix("Freeing unused kernel memory: ")
            || text.hasPrefix("Machine model: ")
        {
            // setup_arch() and free_initmem() of arm64.
            sawARM64 = true
        } else if text.hasPrefix("smp: Bringing up secondary CPUs") {
            boot.smpBringUp = record.microseconds
        } else if text.hasPrefix("smp: Brought up ") || text.hasPrefix("Brought up ") {
            smpSeen = true
            boot.smpBroughtUp = record.microseconds
            boot.cpus = Self.cpuCount(text)
        } else if text.hasPrefix("Hardware name: "), boot.hardware == nil {
            boot.hardware = String(text.dropFirst(15))
        } else if text.hasPrefix("Kernel Offset: 0x") {
            boot.kaslr = text.dropFirst(15).prefix { $0 != " " }.description
        } else if text.hasPrefix("Run "), text.hasSuffix(" as init process"), !initRan {
            initRan = true
            boot.initPath = String(text.dropFirst(4).dropLast(16))
        } else if text.hasPrefix("Kernel panic - not syncing: "), boot.panic == nil {
            panicLine(String(text.dropFirst(28)), record)
        } else if text.hasPrefix("WARNING: CPU: ") {
            boot.warnings += 1
        } else if text.hasPrefix("CPU: "), text.contains(" PID: ") {
            boot.dumpStackLine = boot.dumpStackLine ?? String(text)
            dumpRelease = dumpRelease ?? Self.release(inDumpLine: text)
            if let tainted = text.firstASCIIRange(of: " Tainted: ") {
                boot.taint = text[tainted.upperBound...].prefix { $0 != " " }.description
            }
        } else if let tainted = text.firstASCIIRange(of: " Tainted: ") {
            boot.taint = text[tainted.upperBound...].prefix { $0 != " " }.description
            if text.hasPrefix("Pid: ") { dumpRelease = dumpRelease ?? Self.release(inDumpLine: text) }
        } else if text.hasPrefix("Pid: "), text.contains(", comm: ") {
            dumpRelease = dumpRelease ?? Self.release(inDumpLine: text)
        }
    }

    /// The release in a stack dump's first line: the first word after `Not tainted` or
    /// `Tainted:` that starts with a digit (the taint flags are letters and padding spaces;
    /// `dump_stack_print_info()`, 2.6's `show_regs()`/`dump_stack()`).
    static func release(inDumpLine text: Substring) -> String? {
        guard let range = text.firstASCIIRange(of: " Not tainted ") ?? text.firstASCIIRange(of: " Tainted: ") else {
            return nil
        }
        let words = text[range.upperBound...].split(separator: " ").prefix(32)
        guard let release = words.first(where: { $0.first?.isASCIIDigit == true }), release.count <= 64 else {
            return nil
        }
        return String(release)
    }

    /// `panic()` inside a call: the call ends there, and the panic's own lines are the
    /// engine's to print (kept as comments).
    mutating func panicLine(_ message: String, _ record: DmesgRecord) {
        boot.panic = message
        guard let index = latestOpen(), boot.calls[index].phase != .outside else { return }
        boot.calls[index].panic = message
        close(index, record)
    }

    /// Without a banner, the release a stack dump names, else the era the `initcall_debug`
    /// lines' format proves (the last release of it), said in a note.
    mutating func inferRelease() {
        guard boot.release == nil else { return }
        if let dumpRelease {
            boot.release = dumpRelease
            boot.notes.append("no banner: the release \(dumpRelease) is the one a stack dump in the log names")
        } else if sawAddressLines {
            boot.release = "2.6.25"
            boot.notes.append(
                "no banner: the release is taken as 2.6.25, the last to print 'Calling initcall 0x%p' (2.6.22-2.6.25)")
        } else if sawMillisecondLines, !boot.calls.contains(where: { $0.pid != nil }) {
            boot.release = "2.6.27"
            boot.notes.append(
                "no banner: the release is taken as 2.6.27, the last to print msecs and no '@ pid' (2.6.26-2.6.27)")
        }
    }

    /// `Brought up 1 node, 4 CPUs` / `Brought up 4 CPUs`: the number before "CPU".
    static func cpuCount(_ text: Substring) -> Int? {
        let words = text.split(separator: " ")
        guard let cpu = words.firstIndex(where: { $0.hasPrefix("CPU") }), cpu > 0 else { return nil }
        return Int(words[cpu - 1]).map { min(max($0, 1), 8192) }
    }

    /// Calls still open at the end (the log stops, or the boot hung or panicked inside them).
    mutating func finish() {
        inferRelease()
        // Only x86's setup_arch() prints "Command line:".
        if boot.architecture == nil, boot.banner != nil { boot.architecture = sawARM64 ? "arm64" : "generic" }
        // Calls before an smp line that never came, or in a release without early_initcall()
        // (before 2.6.28): not proved early.
        let releaseHasEarly = boot.release.map { KernelVersion($0).hasEarlyInitcalls } ?? true
        if !smpSeen || !releaseHasEarly {
            for index in boot.calls.indices where boot.calls[index].phase == .early {
                boot.calls[index].phase = .levels
            }
        }
        for index in boot.calls.indices where boot.calls[index].phase == .early && boot.calls[index].id == nil {
            boot.calls[index].id = "early"
            boot.calls[index].idSource = "before smp_init()"
        }
    }
}
