# Imported by 'initcall-sim import' from elinux-2.6-x86.dmesg: 3 lines, 1 built-in initcall.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 1 call is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall ipc_init time=1871000ns size=0x28 printk=KERN_INFO:"msgmni has been set to 42"  # level unknown
