# Imported by 'initcall-sim import' from lkml-3.12-x86-async.dmesg: 27 lines, 6 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 6 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
kernel "3.12.0-rc4-01668-gfd71a04-dirty"
arch generic
build compiler="gcc version 4.7.2 20120921 (Red Hat 4.7.2-2) (GCC) " version="#229484 Wed Oct 9 16:59:58 CEST 2013" user="mingo@earth5"
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# Linux version 3.12.0-rc4-01668-gfd71a04-dirty (mingo@earth5) (gcc version 4.7.2 20120921 (Red Hat 4.7.2-2) (GCC) ) #229484 Wed Oct 9 16:59:58 CEST 2013
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall edd_init time=1940528ns returns=-19 size=0x2bd printk=KERN_INFO:"BIOS EDD facility v0.16 2004-Jun-25, 0 devices found" printk=KERN_INFO:"EDD information not available."  # level unknown
  device_initcall firmware_memmap_init time=57344ns size=0x29  # level unknown
  device_initcall tcp_congestion_default time=4096ns size=0xf  # level unknown
  device_initcall tcp_fastopen_init time=37888ns size=0x40  # level unknown
  device_initcall ip_auto_config time=24576ns size=0xe11  # level unknown
  device_initcall initialize_hashrnd time=6144ns size=0x16  # level unknown
# async_waiting @ 1
# async_continuing @ 1 after 4 usec
# EXT3-fs (sda1): recovery required on readonly filesystem
# EXT3-fs (sda1): write access will be enabled during recovery
# kjournald starting.  Commit interval 5 seconds
# EXT3-fs (sda1): recovery complete
# EXT3-fs (sda1): mounted filesystem with writeback data mode
# VFS: Mounted root (ext3 filesystem) readonly on device 8:1.
# async_waiting @ 1
# async_continuing @ 1 after 4 usec
# debug: unmapping init [mem 0xb2d05000-0xb2dbbfff]
# Write protecting the kernel text: 19924k
