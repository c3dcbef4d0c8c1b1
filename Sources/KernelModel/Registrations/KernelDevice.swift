/// A `struct device`, as far as `dev_printk()` reads it: its name, and the driver, bus or class
/// `dev_driver_string()` names it by.
///
///     let spi = KernelDevice("spi0.0", driver: "enc28j60")
///     k.dev_info(spi, "Ethernet driver 1.02 loaded")   // "enc28j60 spi0.0: Ethernet driver 1.02 loaded"
public struct KernelDevice: Sendable, Hashable {
    /// `dev_name()`: `spi0.0`, `0000:00:1f.2`, `virtio1`.
    public var name: String
    /// The name of the bound driver, if any.
    public var driver: String?
    /// The bus the device sits on (`spi`, `pci`, `virtio`), if any.
    public var bus: String?
    /// The device's class (`net`, `block`), if any.
    public var deviceClass: String?

    /// A device named `name`, bound to `driver` (or on `bus`, or of class `deviceClass`).
    public init(_ name: String, driver: String? = nil, bus: String? = nil, class deviceClass: String? = nil) {
        self.name = name
        self.driver = driver
        self.bus = bus
        self.deviceClass = deviceClass
    }

    /// `dev_driver_string()` (drivers/base/core.c): the driver's name, else the bus's, else the
    /// class's, else `""`.
    public var driverString: String { driver ?? bus ?? deviceClass ?? "" }

    /// The prefix `dev_printk()` writes before the message: `"%s %s: "` of
    /// `dev_driver_string(dev)` and `dev_name(dev)`; `"(NULL device *): "` without a device.
    public static func prefix(_ device: KernelDevice?) -> String {
        guard let device else { return "(NULL device *): " }
        return "\(device.driverString) \(device.name): "
    }
}
