# Imported by 'initcall-sim import' from liquorix-5.x-journal.log: 16 lines, 6 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 6 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# initcall acpi_init+0x0/0x33a returned 0 after 30273 usecs
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall adxl_init returns=-19 size=0x18f  # level unknown
  device_initcall pnp_init size=0x11  # level unknown
  device_initcall balloon_init returns=-19 size=0x12e  # level unknown
  device_initcall xen_setup_shutdown_event returns=-19 size=0x30  # level unknown
  device_initcall microcode_init time=1567000ns size=0x1eb printk=KERN_INFO:"microcode: CPU0: patch_level=0x06006704" printk=KERN_INFO:"microcode: CPU1: patch_level=0x06006704" printk=KERN_INFO:"microcode: Microcode Update Driver: v2.2."  # level unknown
  device_initcall resctrl_late_init time=1000ns returns=-19 size=0x67a  # level unknown
