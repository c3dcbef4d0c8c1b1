import SourceInput

/// The statements that describe the machine and the build rather than the objects: the
/// initramfs, disks and partitions, the filesystems, the build stamp, the timeline, the
/// configuration and the KASLR offset.
extension BootFileParser {
    /// One `key=value` word of a statement.
    struct Setting {
        var key: String
        var value: String
        var word: BootFileLexer.Word
        var valueColumn: Int
    }

    /// The `key=value` words of a statement, each key one of `allowed`; `repeatable` keys may
    /// come more than once.
    func settings(
        _ keyword: BootFileLexer.Word, _ words: some Collection<BootFileLexer.Word>, allowed: [String],
        repeatable: Set<String> = []
    ) throws(BootDescriptionError) -> [Setting] {
        var result: [Setting] = []
        var seen: Set<String> = []
        for word in words {
            guard let equals = word.unquotedPrefix.firstIndex(of: "=") else {
                throw invalid(
                    "expected 'name=value' after '\(keyword.text)', found '\(word.text)'", at: word.column,
                    notes: ["'\(keyword.text)' takes: \(allowed.map { $0 + "=" }.joined(separator: ", "))"])
            }
            let key = String(word.unquotedPrefix[..<equals])
            guard allowed.contains(key) else {
                let suggestions = Suggestions.closest(to: key, in: allowed)
                throw invalid(
                    "unknown setting '\(key)' for '\(keyword.text)'", at: word.column,
                    notes: suggestions.isEmpty
                        ? ["'\(keyword.text)' takes: \(allowed.map { $0 + "=" }.joined(separator: ", "))"]
                        : ["did you mean \(suggestions.map { "'\($0)='" }.joined(separator: " or "))?"])
            }
            if seen.contains(key), !repeatable.contains(key) {
                throw invalid("'\(key)=' is given twice", at: word.column)
            }
            seen.insert(key)
            result.append(
                Setting(
                    key: key, value: String(word.text.dropFirst(key.count + 1)), word: word,
                    valueColumn: word.column + key.count + 1))
        }
        return result
    }

    // MARK: initramfs, filesystems

    /// `initramfs [PATH…]`: an initramfs; without paths it holds `/init`.
    mutating func initramfs(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        for word in arguments where !word.text.hasPrefix("/") {
            throw invalid(
                "expected an absolute path in the initramfs, found '\(word.text)'", at: word.column,
                notes: ["the executables it holds: initramfs /init /bin/sh"])
        }
        description.initramfs = arguments.isEmpty ? ["/init"] : arguments.map(\.text)
    }

    /// `filesystems NAME…`: the block-device filesystems built in, in registration order.
    mutating func filesystems(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        guard !arguments.isEmpty else {
            throw invalid(
                "'filesystems' expects the filesystem types built in, in registration order",
                at: keyword.column + keyword.text.count + 1, notes: ["for example: filesystems ext3 ext2 ext4 vfat"])
        }
        for word in arguments where !Self.isFilesystemName(word.text) {
            throw invalid("invalid filesystem type '\(word.text)'", at: word.column, notes: ["a name such as ext4"])
        }
        description.filesystems = arguments.map(\.text)
    }

    static func isFilesystemName(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32
            && text.unicodeScalars.allSatisfy {
                $0.isASCII
                    && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" || $0 == ".")
            }
    }

    // MARK: disk, partition

    static let diskSettings = ["size", "driver", "devt", "requires", "appears", "fs", "holds", "printk"]
    static let partitionSettings = ["size", "fs", "holds", "uuid", "label", "devt", "printk"]

    /// `disk NAME size=20G [driver=virtio_blk] [devt=254:0] [requires=a,b] [appears=1.5s]
    /// [fs=ext4 holds=/sbin/init,…] [printk=KERN_INFO:"…"]…`
    mutating func disk(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        let name = try deviceName(keyword, arguments, "a disk name such as vda or sda")
        var size: UInt64?
        var number = DeviceNumber.defaultNumber(forDisk: name.text)
        var disk = Disk(name.text, kilobytes: 0)
        var sawFilesystem = false
        var holdsColumn: Int?
        for setting in try settings(
            keyword, arguments.dropFirst(), allowed: Self.diskSettings, repeatable: ["printk"])
        {
            switch setting.key {
            case "size": size = try kilobytes(setting)
            case "driver": disk.driver = try nonEmpty(setting, "the driver's name, as ' driver: NAME' prints it")
            case "devt": number = try deviceNumber(setting)
            case "requires": disk.requires = try names(setting)
            case "appears": disk.appearsAfter = try duration(setting)
            case "fs":
                disk.filesystem = try filesystem(setting)
                sawFilesystem = true
            case "holds":
                disk.holds = try executables(setting)
                holdsColumn = setting.word.column
            default: disk.mountMessages.append(try printkLine(setting))
            }
        }
        guard let size else {
            throw invalid(
                "'disk \(name.text)' needs size=", at: keyword.column,
                notes: ["the capacity the partition list prints, e.g. size=20G (K, M, G, T: binary units)"])
        }
        guard let number else {
            throw invalid(
                "no default device number for a disk named '\(name.text)'", at: name.column,
                notes: ["give it: devt=MAJOR:MINOR (sdX, vdX, hdX, mmcblkN, nvmeXnY and mtdblockN have defaults)"])
        }
        if let holdsColumn, !sawFilesystem {
            throw invalid(
                "'holds=' without 'fs=': the disk has no filesystem to hold files", at: holdsColumn,
                notes: ["add fs=ext4, or give the files to a partition"])
        }
        disk.kilobytes = size
        disk.number = number
        deviceLines[name.text] = lineNumber
        description.disks.append(disk)
        currentDisk = description.disks.count - 1
    }

    /// `partition NAME size=19G [fs=ext4] [holds=/sbin/init,…] [uuid=…] [label=…] [devt=…]
    /// [printk=…]…`, after its disk.
    mutating func partition(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        let name = try deviceName(keyword, arguments, "a partition name such as vda1")
        guard let diskIndex = currentDisk else {
            throw invalid(
                "'partition \(name.text)' before any disk", at: keyword.column,
                notes: ["partitions follow their disk: write 'disk vda size=20G' first"])
        }
        let disk = description.disks[diskIndex]
        guard let number = Self.partitionNumber(name.text, disk: disk.name) else {
            throw invalid(
                "'\(name.text)' is not a partition of \(disk.name)", at: name.column,
                notes: [
                    "partition names are the disk's name and a number: \(disk.name)1, or \(disk.name)p1 when it ends in a digit"
                ])
        }
        if disk.partitions.contains(where: { $0.number == number }) {
            throw invalid("\(disk.name) already has partition \(number)", at: name.column)
        }
        var size: UInt64?
        var partition = Partition(name.text, number: number, kilobytes: 0)
        var holdsColumn: Int?
        for setting in try settings(
            keyword, arguments.dropFirst(), allowed: Self.partitionSettings, repeatable: ["printk"])
        {
            switch setting.key {
            case "size": size = try kilobytes(setting)
            case "fs": partition.filesystem = try filesystem(setting)
            case "holds":
                partition.holds = try executables(setting)
                holdsColumn = setting.word.column
            case "uuid": partition.uuid = try nonEmpty(setting, "the PARTUUID, e.g. uuid=0ad5a0c6-01")
            case "label": partition.label = try nonEmpty(setting, "the GPT partition name (PARTLABEL)")
            case "devt": partition.deviceNumber = try deviceNumber(setting)
            default: partition.mountMessages.append(try printkLine(setting))
            }
        }
        guard let size else {
            throw invalid(
                "'partition \(name.text)' needs size=", at: keyword.column,
                notes: ["its size, e.g. size=19G (K, M, G, T: binary units)"])
        }
        if let holdsColumn, partition.filesystem == nil {
            throw invalid(
                "'holds=' without 'fs=': the partition has no filesystem to hold files", at: holdsColumn,
                notes: ["add fs=ext4"])
        }
        partition.kilobytes = size
        deviceLines[name.text] = lineNumber
        description.disks[diskIndex].partitions.append(partition)
    }

    /// The device name after `disk`/`partition`: a word of letters, digits and `_`, declared once.
    private func deviceName(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word], _ expected: String)
        throws(BootDescriptionError) -> BootFileLexer.Word
    {
        guard let name = arguments.first, !name.text.contains("=") else {
            throw invalid(
                "'\(keyword.text)' expects \(expected)",
                at: arguments.first?.column ?? keyword.column + keyword.text.count + 1)
        }
        guard !name.text.isEmpty, name.text.count <= 31,
            name.text.unicodeScalars.allSatisfy({
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_")
            })
        else {
            throw invalid(
                "invalid device name '\(name.text)'", at: name.column,
                notes: ["a block device name as /dev shows it: vda, sda1, mmcblk0p2"])
        }
        if let previous = deviceLines[name.text] {
            throw invalid("'\(name.text)' is already declared at line \(previous)", at: name.column)
        }
        return name
    }

    /// `vda1` of `vda` is 1; `mmcblk0p2` of `mmcblk0` is 2 (disk names ending in a digit put a
    /// `p` before the number, as `disk_name()` does); nil otherwise.
    static func partitionNumber(_ name: String, disk: String) -> Int? {
        guard name.hasPrefix(disk) else { return nil }
        var rest = name.dropFirst(disk.count)
        if disk.last?.isNumber == true {
            guard rest.first == "p" else { return nil }
            rest = rest.dropFirst()
        }
        guard !rest.isEmpty, rest.count <= 3, rest.allSatisfy({ $0.isASCII && $0.isNumber }),
            let number = Int(rest), (1...255).contains(number)
        else { return nil }
        return number
    }

    // MARK: build, timeline, config, kaslr

    static let buildSettings = ["compiler", "linker", "version", "user", "host", "package", "preempt"]

    /// `build compiler="…" linker="…" version="#1 SMP …" user="…" host="…" package="…" preempt="…"`.
    mutating func build(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        guard !arguments.isEmpty else {
            throw invalid(
                "'build' expects settings", at: keyword.column + keyword.text.count + 1,
                notes: ["build compiler=\"…\" linker=\"…\" version=\"#1 SMP …\" user=\"…\""])
        }
        var build = description.build
        var hostGiven = false
        for setting in try settings(keyword, arguments, allowed: Self.buildSettings) {
            switch setting.key {
            case "compiler": build.compiler = try nonEmpty(setting, "the compiler text the banner prints")
            case "linker": build.linker = try nonEmpty(setting, "the linker text the banner prints after the compiler")
            case "version":
                let version = try nonEmpty(
                    setting, "UTS_VERSION, e.g. \"#1 SMP PREEMPT_DYNAMIC Debian 6.1.192-2 (2025-05-20)\"")
                guard version.hasPrefix("#") else {
                    throw invalid(
                        "UTS_VERSION starts with the build number: '#1 …'", at: setting.valueColumn,
                        notes: ["e.g. version=\"#1 SMP PREEMPT_DYNAMIC Thu Jan  1 00:00:00 UTC 1970\""])
                }
                build.version = version
            case "user": build.user = try nonEmpty(setting, "KBUILD_BUILD_USER, or user@host")
            case "host":
                build.host = try nonEmpty(setting, "KBUILD_BUILD_HOST")
                hostGiven = true
            case "package": build.packageID = setting.value
            default:
                build.preemptModel = try nonEmpty(setting, "what preempt_model_str() returns, e.g. PREEMPT(voluntary)")
            }
        }
        // `user="debian-kernel@lists.debian.org"` is the whole of `user@host`.
        if !hostGiven, build.user.contains("@") { build.host = nil }
        description.build = build
    }

    static let timelineSettings = [
        "console_init", "kernel_init", "smp_init", "do_basic_setup", "prepare_namespace", "free_initmem", "printk",
        "jiffies", "jiffies_phase",
    ]

    /// `timeline console_init=40ms kernel_init=20ms smp_init=2ms do_basic_setup=1ms
    /// prepare_namespace=0 free_initmem=3ms printk=1us jiffies=4ms jiffies_phase=1ms`.
    mutating func timeline(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        guard !arguments.isEmpty else {
            throw invalid(
                "'timeline' expects stages", at: keyword.column + keyword.text.count + 1,
                notes: ["stages: \(Self.timelineSettings.map { $0 + "=" }.joined(separator: ", "))"])
        }
        var phaseColumn: Int?
        for setting in try settings(keyword, arguments, allowed: Self.timelineSettings) {
            let value = try duration(setting)
            switch setting.key {
            case "console_init": description.timeline.startKernelToConsole = value
            case "kernel_init": description.timeline.consoleToKernelInit = value
            case "smp_init": description.timeline.perSecondaryCPU = value
            case "do_basic_setup": description.timeline.basicSetup = value
            case "prepare_namespace": description.timeline.prepareNamespace = value
            case "free_initmem": description.timeline.initcallsToFree = value
            case "jiffies": description.timeline.jiffies = value
            case "jiffies_phase":
                description.timeline.jiffiesPhase = value
                phaseColumn = setting.valueColumn
            default: description.timeline.printk = value
            }
        }
        // The phase is a moment within one tick.
        let timeline = description.timeline
        if let phaseColumn, timeline.jiffiesPhase > 0, timeline.jiffiesPhase >= timeline.jiffies {
            throw invalid(
                "jiffies_phase=\(DurationParser.describe(timeline.jiffiesPhase)) is not within a tick"
                    + (timeline.jiffies == 0
                        ? " (no jiffies= given)" : " of jiffies=\(DurationParser.describe(timeline.jiffies))"),
                at: phaseColumn,
                notes: ["jiffies=4ms (TICK_NSEC at HZ=250) jiffies_phase=1250us: the first tick 1.25 ms into the boot"])
        }
    }

    /// `config CONFIG_NAME=y|n …`.
    mutating func config(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        let allowed = KernelConfig.names.map { "CONFIG_" + $0 }
        guard !arguments.isEmpty else {
            throw invalid(
                "'config' expects options", at: keyword.column + keyword.text.count + 1,
                notes: ["options: \(allowed.map { $0 + "=y|n" }.joined(separator: ", "))"])
        }
        let normalized = arguments.map { word -> BootFileLexer.Word in
            guard !word.text.hasPrefix("CONFIG_") else { return word }
            return word.prefixed(by: "CONFIG_", in: scratch)
        }
        for (setting, original) in zip(try settings(keyword, normalized, allowed: allowed), arguments) {
            guard setting.value == "y" || setting.value == "n" else {
                let column = original.column + (original.text.count - setting.value.count)
                throw invalid("expected y or n for \(setting.key), found '\(setting.value)'", at: column)
            }
            _ = description.config.set(setting.key, setting.value == "y")
        }
    }

    /// `kaslr 0x2ce00000`: the KASLR offset of this boot, as "Kernel Offset:" prints it.
    mutating func kaslr(_ keyword: BootFileLexer.Word, _ arguments: [BootFileLexer.Word])
        throws(BootDescriptionError)
    {
        let text = try single(keyword, arguments, "the KASLR offset in hex, e.g. 0x2ce00000")
        guard text.hasPrefix("0x"), let offset = UInt64(text.dropFirst(2), radix: 16), text.count <= 18 else {
            throw invalid(
                "invalid KASLR offset '\(text)'", at: arguments[0].column,
                notes: ["a hex number such as 0x2ce00000, as \"Kernel Offset:\" prints it"])
        }
        description.kaslrOffset = offset
    }

    // MARK: Values

    /// `20G`, `512M`, `1048576K`, `2T`: binary units, in KiB.
    private func kilobytes(_ setting: Setting) throws(BootDescriptionError) -> UInt64 {
        let units: [Character: UInt64] = ["K": 1, "M": 1024, "G": 1024 * 1024, "T": 1024 * 1024 * 1024]
        let text = setting.value
        if let unit = text.last, let scale = units[unit],
            let number = NumberLiteral.unsignedDecimal(String(text.dropLast())),
            number > 0, case (let total, let overflow) = UInt64(number).multipliedReportingOverflow(by: scale),
            !overflow,
            total < (1 << 50)
        {
            return total
        }
        throw invalid(
            "invalid size '\(text)'", at: setting.valueColumn,
            notes: ["a whole number and a binary unit: 512M, 20G, 1048576K, 2T"])
    }

    /// `MAJOR:MINOR` in decimal.
    private func deviceNumber(_ setting: Setting) throws(BootDescriptionError) -> DeviceNumber {
        let parts = setting.value.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, let major = NumberLiteral.unsignedDecimal(String(parts[0])),
            let minor = NumberLiteral.unsignedDecimal(String(parts[1])), major < 4096, minor < (1 << 20)
        {
            return DeviceNumber(major, minor)
        }
        throw invalid(
            "invalid device number '\(setting.value)'", at: setting.valueColumn,
            notes: ["MAJOR:MINOR in decimal, e.g. devt=254:0 (major below 4096, minor below 1048576)"])
    }

    private func duration(_ setting: Setting) throws(BootDescriptionError) -> UInt64 {
        guard let value = DurationParser.nanoseconds(setting.value) else {
            throw invalid(
                "invalid duration '\(setting.value)' for \(setting.key)=", at: setting.valueColumn,
                notes: ["a number and a unit: 500ns, 120us, 3ms, 2.5ms, 1s (at most a day, whole nanoseconds)"])
        }
        return value
    }

    private func filesystem(_ setting: Setting) throws(BootDescriptionError) -> String {
        guard Self.isFilesystemName(setting.value) else {
            throw invalid(
                "invalid filesystem type '\(setting.value)'", at: setting.valueColumn, notes: ["e.g. fs=ext4"])
        }
        return setting.value
    }

    private func executables(_ setting: Setting) throws(BootDescriptionError) -> [String] {
        let paths = setting.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !paths.isEmpty, paths.allSatisfy({ $0.hasPrefix("/") && $0.count > 1 }) else {
            throw invalid(
                "expected a comma-separated list of absolute paths for holds=", at: setting.valueColumn,
                notes: ["the executables on the filesystem: holds=/sbin/init,/bin/sh"])
        }
        return paths
    }

    private func names(_ setting: Setting) throws(BootDescriptionError) -> [String] {
        let names = setting.value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !names.isEmpty, names.allSatisfy({ !$0.isEmpty }) else {
            throw invalid(
                "expected a comma-separated list of resource names for \(setting.key)=", at: setting.valueColumn)
        }
        return names
    }

    private func nonEmpty(_ setting: Setting, _ expected: String) throws(BootDescriptionError) -> String {
        guard !setting.value.isEmpty else {
            throw invalid("'\(setting.key)=' is empty", at: setting.valueColumn, notes: ["expected \(expected)"])
        }
        return setting.value
    }

    private func printkLine(_ setting: Setting) throws(BootDescriptionError) -> PrintkLine {
        let parsed = try message(setting.word, valueOffset: setting.key.utf8.count + 1, column: setting.valueColumn)
        return PrintkLine(parsed.level, parsed.text)
    }
}
