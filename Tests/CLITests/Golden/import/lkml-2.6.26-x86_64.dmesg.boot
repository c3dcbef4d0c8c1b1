# Imported by 'initcall-sim import' from lkml-2.6.26-x86_64.dmesg: 36 lines, 7 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# note: no banner: the release is taken as 2.6.27, the last to print msecs and no '@ pid' (2.6.26-2.6.27)
# note: the level of 7 calls is unknown (no System.map, no 'entering initcall level' records): each is written as the level of the call before it (device_initcall when none), which keeps the order; they are marked 'level unknown'
kernel "2.6.27"
cmdline "initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=0ns
# the log does not show the end of the boot: with no root the replay panics in
# prepare_namespace(); declare 'initramfs /init' (or a disk) to let it reach init
# objects unknown: no 5.12+ System.map names them
object unknown.o
  device_initcall videodev_init gap=1716916000ns time=175000ns size=0x7d printk=+114000ns:KERN_INFO:"Linux video capture interface: v2.00"  # level unknown
  device_initcall ir_init time=881000ns size=0x14  # level unknown
  device_initcall saa7134_init gap=123000ns time=156237824ns flush=2540176ns size=0x4a printk=KERN_INFO:"saa7130/34: v4l2 driver version 0.2.14 loaded" printk=KERN_INFO:"ACPI: PCI Interrupt 0000:05:00.0[A] -> Link [LNED] -> GSI 19 (level, low) -> IRQ 19" printk=KERN_INFO:"saa7134[0]: found at 0000:05:00.0, rev: 1, irq: 19, latency: 64, mmio: 0xfeaffc00" printk=KERN_INFO:"saa7134[0]: subsystem: 11bd:002d, board: Pinnacle PCTV 300i DVB-T + PAL [card=50,autodetected]" printk=KERN_INFO:"saa7134[0]: board init: gpio is c806000" printk=KERN_INFO:"saa7134[0]: registered device video0 [v4l2]" printk=KERN_INFO:"saa7134[0]: registered device vbi0"  # level unknown
  device_initcall empress_register size=0x12  # level unknown
  device_initcall saa6752hs_init_module size=0x14  # level unknown
  device_initcall dvb_register time=40894464ns flush=10073536ns size=0x12 printk=+1933464ns:KERN_INFO:"DVB: registering new adapter (saa7134[0])" printk=+2044464ns:KERN_INFO:"DVB: registering frontend 0 (Zarlink MT352 DVB-T)..."  # level unknown
  device_initcall v4l2_i2c_drv_init gap=120000ns time=14680064ns flush=1438936ns size=0x104 printk=+683064ns:KERN_INFO:"tda829x_probe: driver disabled by Kconfig" printk=+793064ns:KERN_INFO:"tuner' 0-0043: chip found @ 0x86 (saa7134[0])" printk=+3911064ns:KERN_INFO:"tda9887 0-0043: creating new instance" printk=+4016064ns:KERN_INFO:"tda9887 0-0043: tda988[5/6/7] found" printk=+4121064ns:KERN_INFO:"tuner' 0-0043: type set to tda9887" printk=+4123064ns:KERN_INFO:"tuner' 0-0043: tv freq set to 0.00" printk=+4126064ns:KERN_INFO:"tuner' 0-0043: TV freq (0.00) out of range (44-958)" printk=+6650064ns:KERN_INFO:"tuner' 0-0043: saa7134[0] tuner' I2C addr 0x86 with type 74 used for 0x0e" printk=+8647064ns:KERN_INFO:"tea5767_autodetection: not probed - driver disabled by Kconfig" printk=+8758064ns:KERN_INFO:"tuner' 0-0060: Setting mode_mask to 0x0e" printk=+8759064ns:KERN_INFO:"tuner' 0-0060: chip found @ 0xc0 (saa7134[0])" printk=+12116064ns:KERN_INFO:"tuner' 0-0060: tuner 0x60: Tuner type absent"  # level unknown
