# After init: udev's coldplug loads the drivers of the devices it finds, one worker per device,
# side by side (finit_module() from each worker's pid). The built-in part is a few calls; the
# modules are what a desktop's log shows after "Run /init as init process".
#
#   swift run initcall-sim boot Examples/udev-coldplug.boot | grep -E 'calling|initcall|Run '
kernel "6.8.0-sim"
arch x86_64
cpus 4
cmdline "console=ttyS0 initcall_debug loglevel=8"
initramfs /init

object drivers/base/firmware_loader/main.o
  device_initcall firmware_class_init time=12us
object drivers/input/serio/i8042.o
  module_init i8042_init time=2ms printk=KERN_INFO:"i8042: PNP: PS/2 Controller [PNP0303:KBD] at 0x60,0x64 irq 1"

# The modules udev loads, each a .ko under /lib/modules.
module drm
  MODULE_LICENSE "GPL and additional rights"
  MODULE_INFO intree "Y"
  module_init drm_core_init size=0xff0 time=25us printk=KERN_INFO:"ACPI: bus type drm_connector registered"
module intel_lpss_pci
  MODULE_LICENSE "GPL v2"
  MODULE_INFO intree "Y"
  module_init intel_lpss_pci_driver_init size=0xff0 time=23.8ms printk=KERN_INFO:"intel-lpss 0000:00:15.0: enabling device (0000 -> 0002)"
module crct10dif_pclmul
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init crct10dif_intel_mod_init size=0xff0 time=10us
module iTCO_wdt
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init iTCO_wdt_init_module size=0x1000 time=180us returns=-ENODEV printk=KERN_INFO:"iTCO_wdt iTCO_wdt: unable to reset NO_REBOOT flag, device disabled by hardware/BIOS"
module snd_hda_intel
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init azx_driver_init size=0x1000 time=1.2ms

# The workers: intel_lpss_pci's init runs across the next three.
load intel_lpss_pci at=785.696ms pid=153 comm=systemd-udevd
load crct10dif_pclmul at=785.704ms pid=163 comm=systemd-udevd
load drm at=785.796ms pid=161 comm=systemd-udevd
load iTCO_wdt at=790ms pid=158 comm=systemd-udevd
load snd_hda_intel at=830ms pid=163 comm=systemd-udevd
