# Imported by 'initcall-sim import' from blog-4.0-arm-vexpress.dmesg: 30 lines, 11 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 11 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=999ns
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
  device_initcall trace_init_flags_sys_enter gap=153208002ns flush=74001ns size=0x28  # level unknown
  device_initcall trace_init_flags_sys_exit gap=197001ns flush=41001ns size=0x28  # level unknown
  device_initcall cpu_suspend_alloc_sp gap=117001ns flush=221001ns size=0x1ec  # level unknown
  device_initcall init_static_idmap gap=114001ns flush=355002ns size=0x74 printk=KERN_INFO:"Setting up static identity map for 0x60b26600 - 0x60b26658"  # level unknown
  device_initcall dcscb_init gap=115001ns flush=284001ns returns=-19 size=0x1a8  # level unknown
  device_initcall tc2_pm_init gap=109001ns flush=248001ns returns=-19 size=0x250  # level unknown
  device_initcall spawn_ksoftirqd gap=109001ns time=9765000ns size=0x60  # level unknown
  device_initcall init_workqueues time=9765000ns flush=996001ns size=0x800  # level unknown
  device_initcall migration_init flush=193001ns size=0xa4  # level unknown
  device_initcall check_cpu_stall_init flush=45001ns size=0x24  # level unknown
  device_initcall rcu_spawn_gp_kthread flush=1317001ns size=0x1f0  # level unknown
