# Imported by 'initcall-sim import' from rubikpi-6.8-arm64.dmesg: 4 lines, 1 built-in initcall.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 1 call is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
# note: the call before clocksource_done_booting() prints whole ticks of 1ms: ktime_get() read the jiffies clocksource (HZ=1000); 'timeline jiffies=' replays them
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns jiffies=1000000ns jiffies_phase=703001ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# [    7.042579] probe of 100000000.gpio-regulator returned -517 after 0 usecs
# [    7.042587] probe of 0.gpio-regulator returned -517 after 0 usecs
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall gpio_regulator_init gap=7042700000ns time=96000ns size=0x50  # level unknown
