/// A block device number, `dev_t`: what `root=` resolves to and "VFS: Mounted root … on device
/// %u:%u" prints.
public struct DeviceNumber: Sendable, Hashable, CustomStringConvertible {
    /// `MAJOR(dev)`.
    public var major: Int
    /// `MINOR(dev)`.
    public var minor: Int

    /// The device number `major:minor`.
    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// `0:0`, what `ROOT_DEV` holds when no device was found.
    public static let none = DeviceNumber(0, 0)

    /// `MAJ:MIN`.
    public var description: String { "\(major):\(minor)" }

    /// `bdevt_str()` (block/genhd.c): `%02x%02x` padded to nine columns when both numbers fit a
    /// byte, else `%03x:%05x`: the device column of the partition list.
    public var bdevtString: String {
        if major <= 0xff, minor <= 0xff {
            let text = hex(major, 2) + hex(minor, 2)
            return text + String(repeating: " ", count: max(0, 9 - text.count))
        }
        return hex(major, 3) + ":" + hex(minor, 5)
    }

    private func hex(_ value: Int, _ width: Int) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// The number a disk of this name gets from its driver when nothing says otherwise: `sdX`
    /// 8 (16 minors a disk), `vdX` 254 (virtio_blk's dynamic major when it is the first to ask),
    /// `hdX` 3 (64 minors), `mmcblkN` 179 (8 minors), `nvmeXnY` 259 (blkext), `mtdblockN` 31;
    /// nil for other names, which must give `devt=`.
    public static func defaultNumber(forDisk name: String) -> DeviceNumber? {
        func letterIndex(after prefix: String) -> Int? {
            guard name.hasPrefix(prefix), name.count == prefix.count + 1, let letter = name.last?.asciiValue,
                letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z")
            else { return nil }
            return Int(letter - UInt8(ascii: "a"))
        }
        func number(after prefix: String) -> Int? {
            guard name.hasPrefix(prefix) else { return nil }
            let digits = name.dropFirst(prefix.count)
            guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
                return nil
            }
            return Int(digits)
        }
        if let index = letterIndex(after: "sd") { return DeviceNumber(8, index * 16) }
        if let index = letterIndex(after: "vd") { return DeviceNumber(254, index * 16) }
        if let index = letterIndex(after: "hd") { return DeviceNumber(3, index * 64) }
        if let index = number(after: "mmcblk"), index < 32 { return DeviceNumber(179, index * 8) }
        if let index = number(after: "mtdblock"), index < 256 { return DeviceNumber(31, index) }
        if name.hasPrefix("nvme"), name.contains("n") { return DeviceNumber(259, 0) }
        return nil
    }
}

/// A line a driver prints, with its level.
public struct PrintkLine: Sendable, Hashable {
    /// The record's level.
    public var level: LogLevel
    /// The text, without a trailing newline.
    public var text: String

    /// A line `text` at `level`.
    public init(_ level: LogLevel, _ text: String) {
        self.level = level
        self.text = text
    }
}

/// A whole disk the kernel finds (`struct gendisk`): the `disk` statement of a `.boot` file.
/// It may hold a filesystem itself or be split into ``Partition``s.
public struct Disk: Sendable, Hashable {
    /// The disk's name, `%pg` of its block device: `vda`, `sda`, `mmcblk0`.
    public var name: String
    /// Its device number.
    public var number: DeviceNumber
    /// Its size in KiB (`bdev_nr_sectors() >> 1`, the partition list's size column).
    public var kilobytes: UInt64
    /// The name of the driver bound to its parent device (`virtio_blk`, `sd`); the partition
    /// list prints " driver: NAME", or " (driver?)" without one.
    public var driver: String?
    /// Resources an initcall must have provided for the disk to exist at mount time (its
    /// driver's probe): a disk whose driver never ran is not there.
    public var requires: [String]
    /// How long after `prepare_namespace()` starts the disk appears (an asynchronous probe:
    /// USB, MMC). `rootwait` waits for it; without it the mount runs before it is there.
    public var appearsAfter: UInt64
    /// The filesystem on the whole disk, if it has no partition table (`ext4`).
    public var filesystem: String?
    /// The executables that filesystem holds, for `run_init_process()`.
    public var holds: [String]
    /// What the filesystem driver prints when it mounts it (`EXT4-fs (vda): mounted …`).
    public var mountMessages: [PrintkLine]
    /// Its partitions, by number.
    public var partitions: [Partition]

    /// A disk `name` of `kilobytes` KiB at `number` (by default the one ``DeviceNumber/defaultNumber(forDisk:)``
    /// gives, or `0:0`).
    public init(
        _ name: String, kilobytes: UInt64, number: DeviceNumber? = nil, driver: String? = nil,
        requires: [String] = [], appearsAfter: UInt64 = 0, filesystem: String? = nil, holds: [String] = [],
        mountMessages: [PrintkLine] = [], partitions: [Partition] = []
    ) {
        self.name = name
        self.number = number ?? DeviceNumber.defaultNumber(forDisk: name) ?? .none
        self.kilobytes = kilobytes
        self.driver = driver
        self.requires = requires
        self.appearsAfter = appearsAfter
        self.filesystem = filesystem
        self.holds = holds
        self.mountMessages = mountMessages
        self.partitions = partitions
    }

    /// A virtio disk `vda` (`virtio_blk`, 254:0) of `kilobytes` KiB with one partition `vda1`
    /// holding an ext4 filesystem with `holds`: the smallest root `root=/dev/vda1` mounts.
    public static func virtioRoot(
        kilobytes: UInt64 = 20 * 1024 * 1024, holds: [String] = ["/sbin/init", "/bin/sh"]
    ) -> Disk {
        var disk = Disk("vda", kilobytes: kilobytes, driver: "virtio_blk")
        disk.partitions = [
            Partition("vda1", number: 1, kilobytes: kilobytes - 1024, filesystem: "ext4", holds: holds)
        ]
        return disk
    }
}

/// A partition of a ``Disk`` (`struct block_device` with `bd_partno`): the `partition`
/// statement of a `.boot` file.
public struct Partition: Sendable, Hashable {
    /// Its name: `vda1`, `mmcblk0p2`.
    public var name: String
    /// Its number on the disk (`bd_partno`), 1 for `vda1`.
    public var number: Int
    /// Its device number; nil: the disk's major, the disk's minor plus ``number``.
    public var deviceNumber: DeviceNumber?
    /// Its size in KiB.
    public var kilobytes: UInt64
    /// `PARTUUID` (`bd_meta_info->uuid`): `0ad5a0c6-01` on an MBR disk, a GUID on a GPT one.
    /// nil prints as an MBR disk without a signature does: `00000000-<nn>`.
    public var uuid: String?
    /// `PARTLABEL` (GPT), if any.
    public var label: String?
    /// The filesystem on it (`ext4`, `vfat`), if any.
    public var filesystem: String?
    /// The executables that filesystem holds, for `run_init_process()`.
    public var holds: [String]
    /// What the filesystem driver prints when it mounts it.
    public var mountMessages: [PrintkLine]

    /// Partition `number` named `name`, of `kilobytes` KiB.
    public init(
        _ name: String, number: Int, kilobytes: UInt64, deviceNumber: DeviceNumber? = nil, uuid: String? = nil,
        label: String? = nil, filesystem: String? = nil, holds: [String] = [], mountMessages: [PrintkLine] = []
    ) {
        self.name = name
        self.number = number
        self.kilobytes = kilobytes
        self.deviceNumber = deviceNumber
        self.uuid = uuid
        self.label = label
        self.filesystem = filesystem
        self.holds = holds
        self.mountMessages = mountMessages
    }

    /// The `PARTUUID` the partition list prints and `root=PARTUUID=` matches.
    public var partUUID: String {
        if let uuid { return uuid }
        let digits = String(number, radix: 16)
        return "00000000-" + String(repeating: "0", count: max(0, 2 - digits.count)) + digits
    }
}
