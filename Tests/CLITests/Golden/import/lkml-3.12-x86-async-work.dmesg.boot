# Imported by 'initcall-sim import' from lkml-3.12-x86-async-work.dmesg: 63 lines, 13 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: the level of 13 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
# note: 7 async entries (kernel/async.c): the log does not say which call scheduled each, so each is scheduled by the call that had last started when the first worker line of its cookie or a later one printed, with the delay that starts it where the log has it
# note: 6 async entries have no returned line in the log: each runs until 1 ms after the log's last call
kernel "3.12.0-rc4-01668-gfd71a04-dirty"
arch generic
build compiler="gcc version 4.7.2 20120921 (Red Hat 4.7.2-2) (GCC) " version="#229484 Wed Oct 9 16:59:58 CEST 2013" user="mingo@earth5"
cmdline "root=/dev/sda1 earlyprintk=ttyS0,115200,keep console=ttyS0,115200 debug initcall_debug enforcing=0 apic=verbose ignore_loglevel sysrq_always_enabled selinux=0 nmi_watchdog=0 3 panic=1 3"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# Linux version 3.12.0-rc4-01668-gfd71a04-dirty (mingo@earth5) (gcc version 4.7.2 20120921 (Red Hat 4.7.2-2) (GCC) ) #229484 Wed Oct 9 16:59:58 CEST 2013
# Kernel command line: root=/dev/sda1 earlyprintk=ttyS0,115200,keep console=ttyS0,115200 debug initcall_debug enforcing=0 apic=verbose ignore_loglevel sysrq_always_enabled selinux=0 nmi_watchdog=0 3 panic=1 3
# objects unknown: no 5.12+ System.map names them
object unknown.o
  async floppy_async_init pid=6 size=0xa delay=18669616ns time=1371450368ns
  device_initcall cciss_init time=18668616ns size=0x9b printk=KERN_INFO:"HP CISS Driver (v 3.6.26)" printk=KERN_INFO:"Floppy drive(s):Floppy drive(s): fd0 is 1.44M fd0 is 1.44M" printk=KERN_INFO:"\n" async=+0ns:floppy_async_init  # level unknown
  device_initcall pkt_init time=185344ns size=0x169  # level unknown
  device_initcall osdblk_init time=27648ns size=0x7a  # level unknown
  device_initcall scsi_tgt_init time=5606424ns size=0x9d printk=KERN_INFO:"FDC 0 is a post-1991 82077"  # level unknown
  device_initcall bnx2fc_mod_init time=25098264ns size=0x255 printk=KERN_INFO:"bnx2fc: Broadcom NetXtreme II FCoE Driver bnx2fc v1.0.14 (Mar 08, 2013)"  # level unknown
  device_initcall piix_init time=40960ns size=0x24  # level unknown
  device_initcall mv_init time=67584ns size=0x3c  # level unknown
  async async_port_probe pid=6 size=0x49 delay=99923040ns time=86783192ns
  async async_port_probe_3 function=async_port_probe pid=91 size=0x49 delay=99923040ns time=86783192ns synchronize=cookie
  device_initcall nv_pci_driver_init time=99916040ns size=0x16 printk=KERN_INFO:"sata_nv 0000:00:07.0: version 3.5" printk=KERN_INFO:"sata_nv 0000:00:07.0: setting latency timer to 64" printk=KERN_INFO:"scsi0 : sata_nv" printk=KERN_INFO:"scsi1 : sata_nv" printk=KERN_INFO:"ata1: SATA max UDMA/133 cmd 0x9f0 ctl 0xbf0 bmdma 0xd800 irq 11" printk=KERN_INFO:"ata2: SATA max UDMA/133 cmd 0x970 ctl 0xb70 bmdma 0xd808 irq 11" printk=KERN_INFO:"sata_nv 0000:00:08.0: setting latency timer to 64" printk=KERN_INFO:"scsi2 : sata_nv" printk=KERN_INFO:"scsi3 : sata_nv" printk=KERN_INFO:"ata3: SATA max UDMA/133 cmd 0x9e0 ctl 0xbe0 bmdma 0xc400 irq 5" printk=KERN_INFO:"ata4: SATA max UDMA/133 cmd 0x960 ctl 0xb60 bmdma 0xc408 irq 5" async=+0ns:async_port_probe async=+0ns:async_port_probe_3  # level unknown
  device_initcall pdc_ata_pci_driver_init time=41984ns size=0x16  # level unknown
  device_initcall amd_pci_driver_init time=45215888ns size=0x16 printk=KERN_INFO:"pata_amd 0000:00:06.0: version 0.4.1" printk=KERN_INFO:"pata_amd 0000:00:06.0: setting latency timer to 64" printk=KERN_INFO:"scsi4 : pata_amd" printk=KERN_INFO:"scsi5 : pata_amd" printk=KERN_INFO:"ata5: PATA max UDMA/133 cmd 0x1f0 ctl 0x3f6 bmdma 0xf000 irq 14" printk=KERN_INFO:"ata6: PATA max UDMA/133 cmd 0x170 ctl 0x376 bmdma 0xf008 irq 15"  # level unknown
  device_initcall legacy_init time=14336ns returns=-19 size=0x874  # level unknown
  async async_port_probe_4 function=async_port_probe pid=93 size=0x49 time=41492984ns
  async async_port_probe_5 function=async_port_probe pid=109 size=0x49 delay=1000ns time=41491984ns synchronize=cookie
  async async_port_probe_6 function=async_port_probe pid=112 size=0x49 delay=3000ns time=41489984ns
  async async_port_probe_7 function=async_port_probe pid=113 size=0x49 delay=4000ns time=41488984ns synchronize=cookie
  device_initcall target_core_init_configfs time=40483888ns size=0x394 printk=KERN_INFO:"Switched to clocksource pit" printk=KERN_INFO:"Rounding down aligned max_sectors from 4294967295 to 4294967288" async=+0ns:async_port_probe_4 async=+0ns:async_port_probe_5 async=+0ns:async_port_probe_6 async=+0ns:async_port_probe_7  # level unknown
  device_initcall iblock_module_init time=4096ns size=0xf  # level unknown
