kernel "6.8.0-rc3"
cmdline "initcall_debug"
initramfs /init
object drivers/base/firmware_loader/main.o
  device_initcall firmware_class_init size=0x40 time=3us gap=1ms flush=66us
module drm
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init drm_core_init size=0xff0 time=24000ns flush=65000ns printk=KERN_INFO:"ACPI: bus type drm_connector registered"
module intel_lpss_pci
  MODULE_LICENSE "GPL"
  module_init intel_lpss_pci_driver_init time=23842000ns flush=10313000ns size=0xff0 returns=-19
load intel_lpss_pci at=0.785696s pid=153
load drm at=0.785796s pid=161 comm=systemd-udevd
