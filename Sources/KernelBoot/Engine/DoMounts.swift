import KernelModel

/// init/do_mounts.c: `prepare_namespace()` finds the device `root=` names, waits for it when
/// asked (`rootdelay=`, `rootwait`), and mounts it with each filesystem type in turn
/// (`rootfstype=`, or every block-device filesystem built in), read-only unless `rw` was given.
/// Without a usable root it prints the kernel's own diagnosis — the device it could not open,
/// the partitions it has, from 6.5 the filesystems — and panics.
extension BootEngine {
    func prepareNamespace() throws(KernelPanic) -> RootFilesystem {
        // Disks that probe asynchronously appear relative to this moment.
        let mountStart = ctx.clock.now
        if options.rootDelay > 0 {
            ctx.log(.KERN_INFO, "Waiting \(options.rootDelay) sec before mounting root device...")
            ctx.clock.advance(by: UInt64(options.rootDelay) &* 1_000_000_000)
        }
        // wait_for_device_probe() (whose async_synchronize_full() prints in some releases) and
        // md_run_setup(): nothing is left probing synchronously.
        asyncSynchronizeFull()
        let savedRootName = options.rootName ?? ""
        var rootWait = options.rootWait
        if let wait = rootWait, wait > 0, !version.hasRootwaitTimeout { rootWait = nil }
        var rootDevice = DeviceNumber.none
        if !savedRootName.isEmpty {
            switch lookupRootDevice(savedRootName, since: mountStart) {
            case .found(let number): rootDevice = number
            case .absent: break
            case .invalid:
                // parse_root_device(): rootwait only makes sense for a device yet to appear.
                if version.hasEarlyLookupMounts, rootWait != nil {
                    ctx.log(.KERN_ERR, "Disabling rootwait; root= is invalid.")
                    rootWait = nil
                }
            }
        }
        if let wait = rootWait, rootDevice == .none {
            rootDevice = try waitForRoot(savedRootName, timeout: wait, since: mountStart)
        }
        let mounted = try mountRoot(rootDevice, rootName: savedRootName, since: mountStart)
        // devtmpfs_mount(), pr_fmt "devtmpfs: ".
        if image.description.config.devtmpfsMount, version.hasDevtmpfs { ctx.log(.KERN_INFO, "devtmpfs: mounted") }
        if version.pivotsIntoNewRootfs { ctx.log(.KERN_INFO, "VFS: Pivoted into new rootfs") }
        return mounted
    }

    // MARK: Finding the device

    /// What `root=` resolves to.
    enum RootLookup {
        case found(DeviceNumber)
        /// A well-formed name no device answers to (yet).
        case absent
        /// A name `early_lookup_bdev()` rejects (`-EINVAL`).
        case invalid
    }

    /// `name_to_dev_t()` (up to 6.4) / `early_lookup_bdev()` (6.5): `PARTUUID=`, `PARTLABEL=`,
    /// `/dev/<name>`, `MAJ:MIN` or a hex device number.
    func lookupRootDevice(_ name: String, since start: UInt64) -> RootLookup {
        let devices = presentDevices(since: start)
        if name.hasPrefix("PARTUUID=") {
            let uuid = name.dropFirst(9).prefix { $0 != "/" }
            guard !uuid.isEmpty else { return .invalid }
            let match = devices.first { $0.partUUID?.lowercased() == uuid.lowercased() }
            return match.map { .found($0.number) } ?? .absent
        }
        if name.hasPrefix("PARTLABEL=") {
            let label = name.dropFirst(10)
            let match = devices.first { $0.label == String(label) }
            return match.map { .found($0.number) } ?? .absent
        }
        if name.hasPrefix("/dev/") {
            let device = name.dropFirst(5)
            let match = devices.first { $0.name == String(device) }
            return match.map { .found($0.number) } ?? .absent
        }
        // devt_from_devnum(): "MAJ:MIN" or a hex number, whether or not a device has it.
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        if parts.count == 2, let major = Int(parts[0]), let minor = Int(parts[1]), major >= 0, minor >= 0,
            major < 4096, minor < (1 << 20)
        {
            return .found(DeviceNumber(major, minor))
        }
        if let value = Int(name, radix: 16), value > 0, value < (1 << 32) {
            // new_decode_dev()
            return .found(DeviceNumber((value & 0xfff00) >> 8, (value & 0xff) | ((value >> 12) & 0xfff00)))
        }
        return .invalid
    }

    /// `wait_for_root()`: "Waiting for root device %s..." and a `msleep(5)` loop until the
    /// device appears, or for ever; from 6.6 a `rootwait=` timeout ends the wait and the mount
    /// fails as it would have.
    private func waitForRoot(_ name: String, timeout: Int, since start: UInt64) throws(KernelPanic) -> DeviceNumber {
        ctx.log(.KERN_INFO, "Waiting for root device \(name)...")
        let waitStart = ctx.clock.now
        let deadline = timeout > 0 ? waitStart &+ UInt64(timeout) &* 1_000_000 : UInt64.max
        let appearance = presentDevices(since: start, at: .max).filter { matches(name, $0) }.map(\.appearsAt).min()
        guard let appearance, appearance <= deadline else {
            if timeout > 0 {
                ctx.clock.advance(by: ((deadline - waitStart) / 5_000_000 + 1) * 5_000_000)
                return .none
            }
            hangReason = "waits for ever for root device \(name) (rootwait)"
            throw KernelPanic("root device \(name) never appears")
        }
        if appearance > waitStart {
            // msleep(5) until the device is there.
            ctx.clock.advance(by: ((appearance - waitStart + 4_999_999) / 5_000_000) * 5_000_000)
        }
        if case .found(let number) = lookupRootDevice(name, since: start) { return number }
        return .none
    }

    private func matches(_ name: String, _ device: BlockDeviceView) -> Bool {
        if name.hasPrefix("PARTUUID=") {
            return device.partUUID?.lowercased() == name.dropFirst(9).prefix { $0 != "/" }.lowercased()
        }
        if name.hasPrefix("PARTLABEL=") { return device.label == String(name.dropFirst(10)) }
        if name.hasPrefix("/dev/") { return device.name == String(name.dropFirst(5)) }
        return false
    }

    // MARK: Mounting

    /// `mount_root()` → `mount_block_root()` (`mount_root_generic()` from 6.5) on `/dev/root`.
    private func mountRoot(_ rootDevice: DeviceNumber, rootName: String, since start: UInt64) throws(KernelPanic)
        -> RootFilesystem
    {
        ctx.frames.append(contentsOf: ctx.kernelFrames.mountRoot)
        defer { ctx.frames.removeLast(ctx.kernelFrames.mountRoot.count) }
        // The name the messages show: the root= text verbatim from 6.5; before, with /dev/
        // stripped, and "(null)" when root= was not given.
        let prettyName: String
        if version.hasEarlyLookupMounts {
            prettyName = rootName
        } else if rootName.isEmpty {
            prettyName = "(null)"
        } else {
            prettyName = rootName.hasPrefix("/dev/") ? String(rootName.dropFirst(5)) : rootName
        }
        let block = "unknown-block(\(rootDevice.major),\(rootDevice.minor))"
        let device = presentDevices(since: start).first { $0.number == rootDevice && rootDevice != .none }
        let fsNames: [String] =
            options.rootFilesystemTypes.map {
                $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            }
            ?? image.description.filesystems
        var readOnly = options.rootReadOnly
        while true {
            for fs in fsNames where !fs.isEmpty {
                let err = doMountRoot(device, fs: fs, readOnly: readOnly)
                if err == 0, let device { return RootFilesystem(holds: device.holds, ramdiskCommand: nil) }
                if err == -Errno.EACCES || err == -Errno.EINVAL { continue }
                // Not "this filesystem does not know the superblock": the device itself.
                ctx.printk("VFS: Cannot open root device \"\(prettyName)\" or \(block): error \(err)\n")
                ctx.printk("Please append a correct \"root=\" boot option; here are the available partitions:\n")
                printkAllPartitions(since: start)
                if version.hasEarlyLookupMounts { listBdevFilesystems() }
                try ctx.panic("VFS: Unable to mount root fs on \(block)", innermost: [])
            }
            if readOnly { break }
            readOnly = true
        }
        ctx.printk("List of all partitions:\n")
        printkAllPartitions(since: start)
        ctx.printk("No filesystem could mount root, tried: ")
        for fs in fsNames { ctx.printk(" \(fs)") }
        ctx.printk("\n")
        try ctx.panic(
            version.hasEarlyLookupMounts
                ? "VFS: Unable to mount root fs on \"\(prettyName)\" or \(block)"
                : "VFS: Unable to mount root fs on \(block)", innermost: [])
    }

    /// `do_mount_root("/dev/root", fs, flags, …)`: 0 on success, or the error `init_mount()`
    /// returns. A filesystem the kernel lacks is `-ENODEV`; a device that is not there cannot
    /// be opened (`get_tree_bdev()`: "/dev/root: Can't open blockdev", `-ENXIO`); a filesystem
    /// that does not recognise the superblock is `-EINVAL`, silently (`MS_SILENT`) — except
    /// ext4 asked to mount itself as ext3 or ext2, which says why.
    private func doMountRoot(_ device: BlockDeviceView?, fs: String, readOnly: Bool) -> Int32 {
        guard image.description.filesystems.contains(fs) else { return -Errno.ENODEV }
        guard let device else {
            ctx.log(.KERN_ERR, "/dev/root: Can't open blockdev")
            return -Errno.ENXIO
        }
        guard let filesystem = device.filesystem else { return -Errno.EINVAL }
        if filesystem == "ext4", fs == "ext3" || fs == "ext2" {
            ctx.log(.KERN_ERR, "EXT4-fs (\(device.name)): couldn't mount as \(fs) due to feature incompatibilities")
            return -Errno.EINVAL
        }
        guard filesystem == fs else { return -Errno.EINVAL }
        for line in device.mountMessages { ctx.printk(line.level, line.text) }
        let number = device.number
        let on = version.mountedRootNamesDevice ? " on device \(number.major):\(number.minor)" : ""
        ctx.log(
            version.mountedRootIsKernInfo ? .KERN_INFO : .KERN_DEFAULT,
            "VFS: Mounted root (\(fs) filesystem)\(readOnly ? " readonly" : "")\(on).")
        return 0
    }

    /// `printk_all_partitions()` (block/genhd.c, init/do_mounts.c from 6.5): per disk with a
    /// capacity, the disk and each partition: `"%s%s %10llu %pg %s"` (indent, `bdevt_str()`,
    /// KiB, name, `PARTUUID`), then `"\n"` for a partition and `" driver: %s\n"` or
    /// `" (driver?)\n"` for a disk — each its own printk, so from 4.9 (no `KERN_CONT`) each
    /// starts a record of its own: the disk line keeps a trailing space, the driver gets a line,
    /// and a partition is followed by an empty record.
    private func printkAllPartitions(since start: UInt64) {
        for disk in image.description.disks where isPresent(disk, since: start) && disk.kilobytes > 0 {
            ctx.printk("\(disk.number.bdevtString) \(pad(disk.kilobytes)) \(disk.name) ")
            if let driver = disk.driver {
                ctx.printk(" driver: \(driver)\n")
            } else {
                ctx.printk(" (driver?)\n")
            }
            for partition in disk.partitions.sorted(by: { $0.number < $1.number }) where partition.kilobytes > 0 {
                let number = partitionNumber(partition, of: disk)
                ctx.printk(
                    "  \(number.bdevtString) \(pad(partition.kilobytes)) \(partition.name) \(partition.partUUID)")
                ctx.printk("\n")
            }
        }
    }

    /// 6.5: after the partitions, "List of all bdev filesystems:" and one ` %s` record a type
    /// (all `pr_err`), then an empty one; or "Can't find any bdev filesystem to be used for
    /// mount!".
    private func listBdevFilesystems() {
        let names = image.description.filesystems
        guard !names.isEmpty else {
            ctx.log(.KERN_ERR, "Can't find any bdev filesystem to be used for mount!")
            return
        }
        ctx.log(.KERN_ERR, "List of all bdev filesystems:")
        for name in names { ctx.printk(LogLevel.KERN_ERR.marker + " \(name)") }
        ctx.printk(LogLevel.KERN_ERR.marker + "\n")
    }

    /// `%10llu`.
    private func pad(_ value: UInt64) -> String {
        let text = String(value)
        return String(repeating: " ", count: max(0, 10 - text.count)) + text
    }

    // MARK: Devices

    /// A disk or partition as the lookups see it.
    struct BlockDeviceView {
        var name: String
        var number: DeviceNumber
        var partUUID: String?
        var label: String?
        var filesystem: String?
        var holds: [String]
        var mountMessages: [PrintkLine]
        /// When it appears, in virtual time.
        var appearsAt: UInt64
    }

    /// Every disk and partition present at `time` (now by default): a disk whose required
    /// resources were provided and whose asynchronous probe has finished.
    func presentDevices(since start: UInt64, at time: UInt64? = nil) -> [BlockDeviceView] {
        var result: [BlockDeviceView] = []
        for disk in image.description.disks where disk.requires.allSatisfy({ ctx.has($0) }) {
            let appearsAt = start &+ disk.appearsAfter
            guard appearsAt <= (time ?? ctx.clock.now) else { continue }
            result.append(
                BlockDeviceView(
                    name: disk.name, number: disk.number, partUUID: nil, label: nil, filesystem: disk.filesystem,
                    holds: disk.holds, mountMessages: disk.mountMessages, appearsAt: appearsAt))
            for partition in disk.partitions {
                result.append(
                    BlockDeviceView(
                        name: partition.name, number: partitionNumber(partition, of: disk),
                        partUUID: partition.partUUID, label: partition.label, filesystem: partition.filesystem,
                        holds: partition.holds, mountMessages: partition.mountMessages, appearsAt: appearsAt))
            }
        }
        return result
    }

    private func isPresent(_ disk: Disk, since start: UInt64) -> Bool {
        disk.requires.allSatisfy { ctx.has($0) } && start &+ disk.appearsAfter <= ctx.clock.now
    }

    private func partitionNumber(_ partition: Partition, of disk: Disk) -> DeviceNumber {
        partition.deviceNumber ?? DeviceNumber(disk.number.major, disk.number.minor + partition.number)
    }
}
