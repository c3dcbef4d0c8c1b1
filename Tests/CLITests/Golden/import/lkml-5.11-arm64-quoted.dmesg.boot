# Imported by 'initcall-sim import' from lkml-5.11-arm64-quoted.dmesg: 102 lines, 26 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 13 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
# note: the 26 calls before clocksource_done_booting() print whole ticks of 4ms: ktime_get() read the jiffies clocksource (HZ=250); 'timeline jiffies=' replays them
kernel "5.11.0-rc2-next-20210107-00018-g832f4343aa38-dirty"
arch arm64
cpus 2
build compiler="aarch64-linux-gnu-gcc (Debian 8.3.0-2) 8.3.0" linker="GNU ld (GNU Binutils for Debian) 2.31.1" version="#307 SMP PREEMPT Fri Jan 8 01:03:51 CET 2021" user="mwalle@mwalle01"
cmdline "debug root=/dev/mmcblk0p2 rootwait initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=400000ns do_basic_setup=0 printk=1000ns jiffies=4000000ns jiffies_phase=3962001ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# [    0.000000] Booting Linux on physical CPU 0x0000000000 [0x410fd083]
# [    0.000000] Linux version 5.11.0-rc2-next-20210107-00018-g832f4343aa38-dirty (mwalle@mwalle01) (aarch64-linux-gnu-gcc (Debian 8.3.0-2) 8.3.0, GNU ld (GNU Binutils for Debian) 2.31.1) #307 SMP PREEMPT Fri Jan 8 01:03:51 CET 2021
# [    0.000000] Machine model: Kontron KBox A-230-LS
# [    0.000000] Kernel command line: debug root=/dev/mmcblk0p2 rootwait
# initcall_debug
# [    0.000000] arch_timer: cp15 timer(s) running at 25.00MHz (phys).
# [    0.000000] clocksource: arch_sys_counter: mask: 0xffffffffffffff
# max_cycles: 0x5c40939b5, max_idle_ns: 440795202646 ns
# [    0.000000] sched_clock: 56 bits at 25MHz, resolution 40ns, wraps
# every 4398046511100ns
# objects unknown: no 5.12+ System.map names them
object unknown.o
  console_initcall con_init gap=91000ns time=315000ns size=0x220 printk=+37000ns:KERN_INFO:"Console: colour dummy device 80x25" printk=+309000ns:KERN_INFO:"printk: console [tty0] enabled"
  console_initcall hvc_console_init gap=10000ns time=8000ns size=0x34
  console_initcall xen_cons_init gap=9000ns time=10000ns size=0x88
  console_initcall univ8250_console_init gap=8000ns time=11000ns size=0x50
# [    0.000516] Calibrating delay loop (skipped), value calculated using
# timer frequency.. 50.00 BogoMIPS (lpj=100000)
# [    0.000532] pid_max: default: 32768 minimum: 301
  early_initcall trace_init_flags_sys_enter gap=1058000ns time=21000ns size=0x2c
  early_initcall trace_init_flags_sys_exit gap=12000ns time=9000ns size=0x2c
  early_initcall cpu_suspend_init gap=11000ns time=10000ns size=0x58
  early_initcall asids_init gap=11000ns time=17000ns size=0xc8
  early_initcall xen_guest_init gap=9000ns time=11000ns size=0x34c
  early_initcall spawn_ksoftirqd gap=10000ns time=56000ns size=0x58
  early_initcall migration_init gap=12000ns time=8000ns size=0x64
  early_initcall srcu_bootup_announce gap=8000ns time=15000ns size=0x50 printk=+9000ns:KERN_INFO:"rcu: Hierarchical SRCU implementation."
  early_initcall dummy_timer_register gap=867000ns time=12000ns size=0x44
# [    0.002744] smp: Bringing up secondary CPUs ...
# [    0.003018] Detected PIPT I-cache on CPU1
# [    0.003078] CPU1: Booted secondary processor 0x0000000001
# [0x410fd083]
# [    0.003145] smp: Brought up 1 node, 2 CPUs
# [    0.003174] SMP: Total of 2 processors activated.
# [    0.012521] CPU: All CPU(s) started at EL2
# [    0.012548] alternatives: patching kernel code
# [    0.013286] devtmpfs: initialized
  device_initcall bpf_jit_charge_init gap=12337000ns time=23000ns size=0x4c  # level unknown
  device_initcall ipc_ns_init gap=10000ns time=15000ns size=0x4c  # level unknown
  device_initcall init_mmap_min_addr gap=9000ns time=9000ns size=0x28  # level unknown
  device_initcall pci_realloc_setup_params gap=9000ns time=9000ns size=0x54  # level unknown
  device_initcall net_ns_init gap=9000ns time=160000ns size=0x164  # level unknown
  device_initcall inet_frag_wq_init gap=16000ns time=68000ns size=0x5c  # level unknown
  device_initcall fpsimd_init gap=48000ns time=15000ns size=0xd4  # level unknown
  device_initcall kaslr_init gap=58000ns time=15000ns size=0x84 printk=+10000ns:KERN_INFO:"KASLR disabled due to lack of seed"  # level unknown
  device_initcall wq_sysfs_init gap=84000ns time=41000ns size=0x50  # level unknown
  device_initcall ksysfs_init gap=11000ns time=20000ns size=0xc8  # level unknown
  device_initcall dma_init_reserved_memory gap=145000ns time=9000ns returns=-12 size=0x74  # level unknown
  device_initcall dma_debug_init gap=11000ns time=5770000ns size=0x220 printk=+5741000ns:KERN_INFO:"DMA-API: preallocated 65536 debug entries" printk=+5763000ns:KERN_INFO:"DMA-API: debugging enabled by kernel config"  # level unknown
  device_initcall init_jiffies_clocksource gap=19000ns time=25000ns size=0x34 printk=KERN_INFO:"clocksource: jiffies: mask: 0xffffffff max_cycles:" printk=KERN_INFO:"0xffffffff, max_idle_ns: 7645041785100000 ns"  # level unknown
