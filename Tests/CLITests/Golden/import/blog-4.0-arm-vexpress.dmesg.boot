# Imported by 'initcall-sim import' from blog-4.0-arm-vexpress.dmesg: 30 lines, 11 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 11 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
# note: no banner: the release is taken as 5.17, the last to print durations '>> 10' (2.6.28-5.17), which the whole ticks of the calls before clocksource_done_booting() show
# note: the 11 calls before clocksource_done_booting() print whole ticks of 10ms: ktime_get() read the jiffies clocksource (HZ=100); 'timeline jiffies=' replays them
kernel "5.17"
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns jiffies=10000000ns jiffies_phase=5208001ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# [    0.017370] kmemleak: Kernel memory leak detector disabled
# [    0.024047] Calibrating delay loop... 915.86 BogoMIPS (lpj=4579328)
# [    0.097768] pid_max: default: 32768 minimum: 301
# [    0.101635] Mount-cache hash table entries: 2048 (order: 1, 8192 bytes)
# [    0.101702] Mountpoint-cache hash table entries: 2048 (order: 1, 8192 bytes)
# [    0.133941] CPU: Testing write buffer coherency: ok
# [    0.152375] CPU0: thread -1, cpu 0, socket 0, mpidr 80000000
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall trace_init_flags_sys_enter gap=153208000ns time=74000ns size=0x28  # level unknown
  device_initcall trace_init_flags_sys_exit gap=197000ns time=41000ns size=0x28  # level unknown
  device_initcall cpu_suspend_alloc_sp gap=117000ns time=221000ns size=0x1ec  # level unknown
  device_initcall init_static_idmap gap=114000ns time=355000ns size=0x74 printk=+157000ns:KERN_INFO:"Setting up static identity map for 0x60b26600 - 0x60b26658"  # level unknown
  device_initcall dcscb_init gap=115000ns time=284000ns returns=-19 size=0x1a8  # level unknown
  device_initcall tc2_pm_init gap=109000ns time=248000ns returns=-19 size=0x250  # level unknown
  device_initcall spawn_ksoftirqd gap=109000ns time=4242000ns size=0x60  # level unknown
  device_initcall init_workqueues gap=173000ns time=10761000ns size=0x800  # level unknown
  device_initcall migration_init gap=133000ns time=193000ns size=0xa4  # level unknown
  device_initcall check_cpu_stall_init gap=115000ns time=45000ns size=0x24  # level unknown
  device_initcall rcu_spawn_gp_kthread gap=108000ns time=1317000ns size=0x1f0  # level unknown
