# Imported by 'initcall-sim import' from clearlinux-4.x-x86_64.dmesg: 21 lines, 8 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 8 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=2000ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# [    0.213357] initcall init_cgroup_netprio+0x0/0x11 returned 0 after 0 usecs
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall pktsched_init gap=213356000ns time=3000ns flush=1000ns size=0x115  # level unknown
  device_initcall tc_filter_init gap=1000ns time=4000ns flush=2000ns size=0xa9  # level unknown
  device_initcall tc_action_init time=2000ns flush=1000ns size=0x6f  # level unknown
  device_initcall genl_init gap=1000ns time=5000ns flush=1000ns size=0x35  # level unknown
  device_initcall cipso_v4_init flush=1000ns size=0x67  # level unknown
  device_initcall wireless_nlevent_init gap=1000ns flush=1000ns size=0x39  # level unknown
  device_initcall netlbl_init time=12000ns flush=2000ns size=0x78 printk=KERN_INFO:"NetLabel: Initializing" printk=KERN_INFO:"NetLabel:  domain hash size = 128" printk=KERN_INFO:"NetLabel:  protocols = UNLABELED CIPSOv4 CALIPSO" printk=KERN_INFO:"NetLabel:  unlabeled traffic allowed by default"  # level unknown
  device_initcall nmi_warning_debugfs gap=122000ns time=3000ns flush=1000ns size=0x2a  # level unknown
