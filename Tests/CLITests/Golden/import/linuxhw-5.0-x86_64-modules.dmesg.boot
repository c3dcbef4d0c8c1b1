# Imported by 'initcall-sim import' from linuxhw-5.0-x86_64-modules.dmesg: 39 lines, 0 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# 10 module inits after the initcalls: each a module block and a 'load' at its time and pid
# note: 2 module loads started before the previous one returned (parallel loads): each load runs from its own time, side by side
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# user space loaded modules, so init ran; the log does not say from where: an initramfs
# /init stands in (the replay prints its 'Run /init as init process')
initramfs /init
module int3403_thermal
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init int3403_driver_init time=588000ns flush=18000ns size=0x1000 printk=+573000ns:KERN_INFO:"probe of INT3403:01 returned 1 after 562 usecs"
load int3403_thermal at=13.399808s pid=411
module int3400_thermal
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init int3400_thermal_driver_init time=1389000ns flush=3522000ns size=0x1000
load int3400_thermal at=13.400862s pid=414
module pcc_cpufreq
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init pcc_cpufreq_init flush=3000ns size=0xa51
load pcc_cpufreq at=13.401469s pid=405
module asus_wireless
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init asus_wireless_driver_init time=402000ns flush=12000ns size=0x1000 printk=+210000ns:KERN_INFO:"input: Asus Wireless Radio Control as /devices/LNXSYSTM:00/LNXSYBUS:00/ATK4002:00/input/input9" printk=+389000ns:KERN_INFO:"probe of ATK4002:00 returned 1 after 226 usecs"
load asus_wireless at=13.401609s pid=404
module pinctrl_geminilake
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init glk_pinctrl_init time=2014000ns flush=51000ns size=0x1000 printk=+828000ns:KERN_INFO:"probe of INT3453:00 returned 1 after 868 usecs" printk=+1354000ns:KERN_INFO:"probe of INT3400:00 returned 1 after 4879 usecs" printk=+1402000ns:KERN_INFO:"gpio gpiochip1: (INT3453:01): detected irqchip that is shared with multiple gpiochips: please fix the driver." printk=+1416000ns:KERN_INFO:"probe of INT3453:01 returned 1 after 588 usecs" printk=+1665000ns:KERN_INFO:"gpio gpiochip2: (INT3453:02): detected irqchip that is shared with multiple gpiochips: please fix the driver." printk=+1681000ns:KERN_INFO:"probe of INT3453:02 returned 1 after 264 usecs" printk=+1984000ns:KERN_INFO:"gpio gpiochip3: (INT3453:03): detected irqchip that is shared with multiple gpiochips: please fix the driver." printk=+1997000ns:KERN_INFO:"probe of INT3453:03 returned 1 after 316 usecs"
load pinctrl_geminilake at=13.404346s pid=402
module battery
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init acpi_battery_init time=5000ns flush=4000ns size=0xf64
load battery at=13.423287s pid=409
module ac
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init acpi_ac_init time=2766000ns flush=70000ns size=0xfe6 printk=+1120000ns:KERN_INFO:"ACPI: AC Adapter [AC0] (on-line)" printk=+2744000ns:KERN_INFO:"probe of ACPI0003:00 returned 1 after 2774 usecs"
load ac at=13.425403s pid=402
# [   13.435052] battery: ACPI: Battery Slot [BAT0] (battery present)
# [   13.435075] probe of PNP0C0A:02 returned 1 after 11708 usecs
module i2c_hid
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init i2c_hid_driver_init time=20000ns flush=5000ns size=0x1000
load i2c_hid at=13.447503s pid=406
module wmi
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init acpi_wmi_init time=378000ns flush=722000ns size=0x1000
load wmi at=13.460680s pid=401
module thermal
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init acpi_thermal_init time=3391000ns flush=88000ns size=0x1000 printk=+284000ns:KERN_INFO:"probe of PNP0C14:00 returned 1 after 1036 usecs" printk=+2008000ns:KERN_INFO:"thermal LNXTHERM:00: registered as thermal_zone3" printk=+2008000ns:KERN_INFO:"ACPI: Thermal Zone [THRM] (40 C)" printk=+3377000ns:KERN_INFO:"probe of LNXTHERM:00 returned 1 after 2694 usecs"
load thermal at=13.461388s pid=406
