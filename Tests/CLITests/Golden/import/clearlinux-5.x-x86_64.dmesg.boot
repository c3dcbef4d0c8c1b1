# Imported by 'initcall-sim import' from clearlinux-5.x-x86_64.dmesg: 18 lines, 7 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 7 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
# note: the 4 calls before clocksource_done_booting() print whole ticks of 1953125ns: ktime_get() read the jiffies clocksource (HZ=512); 'timeline jiffies=' replays them
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=2000ns jiffies=1953125ns jiffies_phase=479751ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# [    0.269821] initcall netlbl_init+0x0/0x7d returned 0 after 0 usecs
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall nmi_warning_debugfs gap=269998000ns time=3000ns size=0x2f  # level unknown
  device_initcall save_microcode_in_initrd time=1189000ns size=0x54  # level unknown
  device_initcall hpet_late_init gap=1000ns time=1935000ns size=0x141 printk=+44000ns:KERN_INFO:"hpet0: at MMIO 0xfed00000, IRQs 2, 8, 0, 0, 0, 0, 0, 0" printk=+47000ns:KERN_INFO:"hpet0: 8 comparators, 64-bit 19.200000 MHz counter"  # level unknown
  device_initcall init_amd_nbs time=7000ns size=0x81  # level unknown
  device_initcall clocksource_done_booting gap=2000ns time=5000ns flush=13000ns size=0x44 printk=KERN_INFO:"clocksource: Switched to clocksource tsc-early"  # level unknown
  device_initcall tracer_init_tracefs gap=2000ns time=47401000ns flush=1113000ns size=0x1aa  # level unknown
  device_initcall init_trace_printk_function_export gap=3000ns time=2000ns size=0x3d  # level unknown
