# Imported by 'initcall-sim import' from lkml-6.8-x86_64-modules.dmesg: 19 lines, 0 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# 3 module inits after the initcalls: each a module block and a 'load' at its time and pid
# note: 1 module load started before the previous one returned (parallel loads): each load runs from its own time, side by side
kernel "6.8.0-rc3"
arch x86_64
build compiler="gcc (Debian 13.2.0-13) 13.2.0" linker="GNU ld (GNU Binutils for Debian) 2.42" version="#13 SMP PREEMPT_DYNAMIC Tue Feb 6 08:07:48 CET 2024" user="build@bohemianrhapsody.molgen.mpg.de"
cmdline "BOOT_IMAGE=/vmlinuz-6.8.0-rc3 root=UUID=32e29882-d94d-4a92-9ee4-4d03002bfa29 ro quiet pci=noaer mem_sleep_default=deep log_buf_len=8M cryptomgr.notests initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# user space loaded modules, so init ran; the log does not say from where: an initramfs
# /init stands in (the replay prints its 'Run /init as init process')
initramfs /init
# [    0.000000] Linux version 6.8.0-rc3 (build@bohemianrhapsody.molgen.mpg.de) (gcc (Debian 13.2.0-13) 13.2.0, GNU ld (GNU Binutils for Debian) 2.42) #13 SMP PREEMPT_DYNAMIC Tue Feb 6 08:07:48 CET 2024
# [    0.000000] Command line: BOOT_IMAGE=/vmlinuz-6.8.0-rc3 root=UUID=32e29882-d94d-4a92-9ee4-4d03002bfa29 ro quiet pci=noaer mem_sleep_default=deep log_buf_len=8M cryptomgr.notests initcall_debug
# [    0.000000] DMI: Dell Inc. XPS 13 9360/0596KF, BIOS 2.21.0 06/02/2022
module intel_lpss_pci
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init intel_lpss_pci_driver_init time=23842000ns flush=10313000ns size=0xff0
load intel_lpss_pci at=0.785696s pid=153
module crct10dif_pclmul
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init crct10dif_intel_mod_init size=0xff0 printk=KERN_INFO:"intel-lpss 0000:00:15.0: enabling device (0000 -> 0002)" printk=KERN_INFO:"idma64 idma64.0: Found Intel integrated DMA 64-bit" printk=KERN_INFO:"probe of idma64.0 returned 0 after 81 usecs" printk=KERN_INFO:"probe of i2c_designware.0 returned 0 after 15424 usecs" printk=KERN_INFO:"probe of 0000:00:15.0 returned 0 after 15973 usecs" printk=KERN_INFO:"intel-lpss 0000:00:15.1: enabling device (0000 -> 0002)" printk=KERN_INFO:"idma64 idma64.1: Found Intel integrated DMA 64-bit" printk=KERN_INFO:"probe of idma64.1 returned 0 after 55 usecs" printk=KERN_INFO:"probe of i2c_designware.1 returned 0 after 17646 usecs" printk=KERN_INFO:"probe of 0000:00:15.1 returned 0 after 18137 usecs"
load crct10dif_pclmul at=0.785704s pid=163
module drm
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init drm_core_init time=24000ns flush=65000ns size=0xff0 printk=+18000ns:KERN_INFO:"ACPI: bus type drm_connector registered"
load drm at=0.785796s pid=161
