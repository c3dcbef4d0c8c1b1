# Imported by 'initcall-sim import' from lkml-4.x-arm64-mailer.dmesg: 113 lines, 17 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: no banner: the release is taken as 5.17, the last to print durations '>> 10' (2.6.28-5.17), which the whole ticks of the calls before clocksource_done_booting() show
# note: the 17 calls before clocksource_done_booting() print whole ticks of 4ms: ktime_get() read the jiffies clocksource (HZ=250); 'timeline jiffies=' replays them
kernel "5.17"
cpus 4
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns jiffies=4000000ns jiffies_phase=2849001ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# [    0.000000] NR_IRQS:64 nr_irqs:64 0 
# [    0.000000] GIC: Using split EOI/Deactivate mode 
# [    0.000000] CPU0: found redistributor 0 region 0:0x000000002f100000 
# [    0.000000] Architected cp15 timer(s) running at 100.00MHz (phys). 
# [    0.000000] clocksource: arch_sys_counter: mask: 0xffffffffffffff max_cycles: 
# 0x171024e7e0, max_idle_ns: 440795205315 ns
# [    0.000029] sched_clock: 56 bits at 100MHz, resolution 10ns, wraps every 
# 4398046511100ns
# [    0.000989] Console: colour dummy device 80x25 
# [    0.001049] Calibrating delay loop (skipped), value calculated using timer 
# frequency.. 200.00 BogoMIPS (lpj=400000)
# [    0.001149] pid_max: default: 32768 minimum: 301 
# [    0.001549] Security Framework initialized 
# [    0.001802] Mount-cache hash table entries: 8192 (order: 4, 65536 bytes) 
# [    0.001849] Mountpoint-cache hash table entries: 8192 (order: 4, 65536 bytes) 
# [    0.004949] Initializing cgroup subsys io
# [    0.005042] Initializing cgroup subsys memory
# [    0.005079] Initializing cgroup subsys devices
# [    0.005149] Initializing cgroup subsys perf_event
# [    0.005255] Initializing cgroup subsys hugetlb
# [    0.005255] Initializing cgroup subsys pids
# objects unknown: no 5.12+ System.map names them
object unknown.o
  early_initcall cpu_suspend_init gap=6002000ns time=59000ns size=0x78
  early_initcall arm64_enable_runtime_services gap=86000ns time=98000ns size=0x200 printk=+75000ns:KERN_INFO:"EFI services will not be available. "
  early_initcall asids_init gap=139000ns time=144000ns size=0xf8 printk=+59000ns:KERN_INFO:"ASID allocator initialised with 65536 entries "
  early_initcall xen_guest_init gap=17000ns time=95000ns size=0x1d8
  early_initcall spawn_ksoftirqd gap=99000ns time=999000ns size=0x40
  early_initcall init_workqueues gap=114000ns time=12004000ns size=0x3ec
  early_initcall migration_init gap=118000ns time=93000ns size=0x84
  early_initcall check_cpu_stall_init gap=106000ns time=126000ns size=0x28
  early_initcall rcu_spawn_gp_kthread gap=132000ns time=521000ns size=0x12c
  early_initcall cpu_stop_init gap=77000ns time=2765000ns size=0xe0
  early_initcall jump_label_init_module gap=106000ns time=26000ns size=0x20
  early_initcall its_pci_msi_init gap=134000ns time=262000ns size=0xec printk=KERN_INFO:"/interrupt-controller@2f000000/its@2f020000: unable to locate ITS " printk=KERN_INFO:"domain"
  early_initcall its_pmsi_init gap=105000ns time=211000ns size=0xec printk=KERN_INFO:"/interrupt-controller@2f000000/its@2f020000: unable to locate ITS " printk=KERN_INFO:"domain"
  early_initcall tegra_init_fuse gap=179000ns time=245000ns size=0x150
  early_initcall tegra_pmc_early_init gap=135000ns time=517000ns size=0xfc
  early_initcall rand_initialize gap=136000ns time=962000ns size=0x40
  early_initcall dummy_timer_register gap=99000ns time=83000ns size=0x54
# [    0.035949] Detected PIPT I-cache on CPU1 
# [    0.036049] CPU1: found redistributor 1 region 0:0x000000002f120000
# [    0.036082] CPU1: Booted secondary processor [410fd0f0]
# [    0.048049] Detected PIPT I-cache on CPU2 
# [    0.048149] CPU2: found redistributor 2 region 0:0x000000002f140000
# [    0.048168] CPU2: Booted secondary processor [410fd0f0]
# [    0.060249] Detected PIPT I-cache on CPU3 
# [    0.060349] CPU3: found redistributor 3 region 0:0x000000002f160000
# [    0.060402] CPU3: Booted secondary processor [410fd0f0]
# [    0.060620] Brought up 4 CPUs
# [    0.060949] SMP: Total of 4 processors activated.
