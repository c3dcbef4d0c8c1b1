# Imported by 'initcall-sim import' from lkml-2.6.25-x86_64.dmesg: 60 lines, 18 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 18 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
kernel "2.6.25-rc9-sched-devel.git-x86-latest.git"
arch x86_64
build compiler="gcc version 4.2.3" version="#260 SMP Thu Apr 17 10:58:11 CEST 2008" user="mingo@dione"
cmdline "root=/dev/sda6 console=ttyS0,115200 earlyprintk=serial,ttyS0,115200 debug initcall_debug apic=verbose sysrq_always_enabled ignore_loglevel selinux=0 nmi_watchdog=2 profile=0 nosmp highres=0 nolapic_timer hpet=disable idle=poll highmem=512m nopat acpi=off"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000000ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# [    0.000000] Linux version 2.6.25-rc9-sched-devel.git-x86-latest.git (mingo@dione) (gcc version 4.2.3) #260 SMP Thu Apr 17 10:58:11 CEST 2008
# [    0.000000] Command line: root=/dev/sda6 console=ttyS0,115200 earlyprintk=serial,ttyS0,115200 debug initcall_debug apic=verbose sysrq_always_enabled ignore_loglevel selinux=0 nmi_watchdog=2 profile=0 nosmp highres=0 nolapic_timer hpet=disable idle=poll highmem=512m nopat acpi=off
# [    0.000000] Kernel command line: root=/dev/sda6 console=ttyS0,115200 earlyprintk=serial,ttyS0,115200 debug initcall_debug apic=verbose sysrq_always_enabled ignore_loglevel selinux=0 nmi_watchdog=2 profile=0 nosmp highres=0 nolapic_timer hpet=disable idle=poll highmem=512m nopat acpi=off
# [    0.172010] Total of 1 processors activated (4023.95 BogoMIPS).
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall net_ns_init gap=179011000ns time=2145728ns flush=3854272ns size=0x15e address=0xffffffff81a50e82 printk=KERN_INFO:"net_namespace: 408 bytes"  # level unknown
  device_initcall init_smp_flush gap=14001000ns flush=3001000ns size=0x64 address=0xffffffff809ea96c  # level unknown
  device_initcall sysctl_init gap=10000000ns flush=7001000ns size=0x37 address=0xffffffff81a26c98  # level unknown
  device_initcall ksysfs_init gap=10001000ns flush=3000000ns size=0xc0 address=0xffffffff81a27660  # level unknown
  device_initcall init_jiffies_clocksource gap=14001000ns flush=7000000ns size=0x17 address=0xffffffff81a27a2f  # level unknown
  device_initcall pm_init gap=14001000ns flush=3001000ns size=0x48 address=0xffffffff81a27c38  # level unknown
  device_initcall ftrace_dynamic_init gap=14001000ns flush=7000000ns size=0xef address=0xffffffff81a28ca1  # level unknown
  device_initcall filelock_init gap=14001000ns flush=3000000ns size=0x39 address=0xffffffff81a2bb17  # level unknown
  device_initcall init_script_binfmt gap=10001000ns flush=7001000ns size=0x17 address=0xffffffff81a2c677  # level unknown
  device_initcall init_elf_binfmt gap=14001000ns flush=7000000ns size=0x17 address=0xffffffff81a2c68e  # level unknown
  device_initcall init_compat_elf_binfmt gap=10001000ns flush=3000000ns size=0x17 address=0xffffffff81a2c6a5  # level unknown
  device_initcall debugfs_init gap=10001000ns flush=3000000ns size=0x6b address=0xffffffff81a2f015  # level unknown
  device_initcall securityfs_init gap=14001000ns flush=7001000ns size=0x62 address=0xffffffff81a2f810  # level unknown
  device_initcall random32_init gap=6000000ns flush=7001000ns size=0x67 address=0xffffffff81a30652  # level unknown
  device_initcall virtio_init gap=14001000ns flush=3000000ns size=0x2b address=0xffffffff8083949f  # level unknown
  device_initcall sock_init gap=10001000ns flush=7000000ns size=0x60 address=0xffffffff81a50d40  # level unknown
  device_initcall netpoll_init gap=6001000ns flush=7000000ns size=0x36 address=0xffffffff81a51aed  # level unknown
  device_initcall netlink_proto_init gap=14001000ns time=2145728ns flush=3855272ns size=0x17b address=0xffffffff81a51bab printk=KERN_INFO:"NET: Registered protocol family 16"  # level unknown
