# Imported by 'initcall-sim import' from lkml-3.12-x86.dmesg: 50 lines, 21 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 21 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
kernel "3.12.0-rc4-01668-gfd71a04-dirty"
arch generic
build compiler="gcc version 4.7.2 20120921 (Red Hat 4.7.2-2) (GCC) " version="#229484 Wed Oct 9 16:59:58 CEST 2013" user="mingo@earth5"
cmdline "root=/dev/sda1 earlyprintk=ttyS0,115200,keep console=ttyS0,115200 debug initcall_debug enforcing=0 apic=verbose ignore_loglevel sysrq_always_enabled selinux=0 nmi_watchdog=0 3 panic=1 3"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# Linux version 3.12.0-rc4-01668-gfd71a04-dirty (mingo@earth5) (gcc version 4.7.2 20120921 (Red Hat 4.7.2-2) (GCC) ) #229484 Wed Oct 9 16:59:58 CEST 2013
# Kernel command line: root=/dev/sda1 earlyprintk=ttyS0,115200,keep console=ttyS0,115200 debug initcall_debug enforcing=0 apic=verbose ignore_loglevel sysrq_always_enabled selinux=0 nmi_watchdog=0 3 panic=1 3
# APIC frequency too slow, disabling apic timer
# devtmpfs: initialized
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall init_mmap_min_addr size=0x11  # level unknown
  device_initcall net_ns_init size=0x142  # level unknown
  device_initcall reboot_init size=0x7  # level unknown
  device_initcall init_lapic_sysfs size=0x1e  # level unknown
  device_initcall wq_sysfs_init size=0x11  # level unknown
  device_initcall ksysfs_init size=0x7a  # level unknown
  device_initcall pm_init size=0x7a  # level unknown
  device_initcall init_jiffies_clocksource size=0xf  # level unknown
  device_initcall init_wakeup_tracer size=0x1d  # level unknown
  device_initcall event_trace_enable time=2999296ns size=0xf1  # level unknown
  device_initcall init_zero_pfn size=0x25  # level unknown
  device_initcall memory_failure_init size=0x91  # level unknown
  device_initcall fsnotify_init size=0x2c  # level unknown
  device_initcall filelock_init size=0x48  # level unknown
  device_initcall init_aout_binfmt size=0x13  # level unknown
  device_initcall init_misc_binfmt size=0x28  # level unknown
  device_initcall init_elf_binfmt size=0x13  # level unknown
  device_initcall debugfs_init size=0x4c  # level unknown
  device_initcall securityfs_init size=0x43  # level unknown
  device_initcall calibrate_xor_blocks time=23995488ns size=0x189 printk=KERN_INFO:"xor: measuring software checksum speed" printk=KERN_INFO:"   pIII_sse  :  3716.000 MB/sec" printk=KERN_INFO:"   prefetch64-sse:  4840.000 MB/sec" printk=KERN_INFO:"xor: using function: prefetch64-sse (4840.000 MB/sec)"  # level unknown
  device_initcall prandom_init size=0x85  # level unknown
