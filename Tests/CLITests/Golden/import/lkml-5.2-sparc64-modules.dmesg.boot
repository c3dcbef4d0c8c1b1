# Imported by 'initcall-sim import' from lkml-5.2-sparc64-modules.dmesg: 39 lines, 0 built-in initcalls.
# time=, gap= and flush= replay each call's duration, start and console time; lines that
# are not a call's own output are kept as comments where they were.
# 6 module inits after the initcalls: each a module block and a 'load' at its time and pid
# note: 2 module loads started before the previous one returned (parallel loads): each load runs from its own time, side by side
kernel "5.2.0-rc5"
arch generic
build compiler="gcc version 8.3.0 (Debian 8.3.0-7)" version="#220 SMP Mon Jun 17 16:53:23 EEST 2019" user="mroos@t5140"
cmdline "root=/dev/sda1 ro console=ttyS1 ignore_loglevel initcall_debug"
timeline console_init=0 kernel_init=0ns smp_init=0ns do_basic_setup=0 printk=1000ns
# user space loaded modules, so init ran; the log does not say from where: an initramfs
# /init stands in (the replay prints its 'Run /init as init process')
initramfs /init
# [    0.000066] Linux version 5.2.0-rc5 (mroos@t5140) (gcc version 8.3.0 (Debian 8.3.0-7)) #220 SMP Mon Jun 17 16:53:23 EEST 2019
# [    3.132648] Kernel command line: root=/dev/sda1 ro console=ttyS1 ignore_loglevel initcall_debug
module des_generic
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init des_generic_mod_init time=11977728ns flush=1253272ns size=0x18
load des_generic at=33.011073s pid=2328
module flash
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init flash_driver_init time=4002840ns flush=1056160ns size=0x1c printk=+117840ns:KERN_INFO:"probe of f0284a88 returned 0 after 31 usecs"
load flash at=33.075774s pid=2368
module n2_crypto
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init n2_init time=181878000ns flush=636577000ns size=0x20 printk=KERN_INFO:"n2_crypto: n2_crypto.c:v0.2 (July 28, 2011)" printk=KERN_INFO:"n2_crypto: Found N2CP at /virtual-devices@100/n2cp@7" printk=KERN_INFO:"n2_crypto: Registered NCS HVAPI version 2.0" printk=KERN_INFO:"n2_crypto: md5 alg registration failed" printk=KERN_INFO:"n2cp f028674c: /virtual-devices@100/n2cp@7: Unable to register algorithms." printk=KERN_INFO:"n2cp: probe of f028674c failed with error -22" printk=KERN_INFO:"probe of f028674c returned 0 after 810184 usecs" printk=KERN_INFO:"n2_crypto: Found NCP at /virtual-devices@100/ncp@6" printk=KERN_INFO:"n2_crypto: Registered NCS HVAPI version 2.0" printk=KERN_INFO:"probe of f028686c returned 1 after 3170 usecs"
load n2_crypto at=33.188656s pid=2340
module sg
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init init_sg time=5322848ns flush=774152ns size=0xe4 printk=+810848ns:KERN_INFO:"sd 0:0:0:0: Attached scsi generic sg0 type 0" printk=+2223848ns:KERN_INFO:"sd 0:0:1:0: Attached scsi generic sg1 type 0" printk=+3428848ns:KERN_INFO:"sd 0:0:2:0: Attached scsi generic sg2 type 0" printk=+4725848ns:KERN_INFO:"sd 0:0:3:0: Attached scsi generic sg3 type 0"
load sg at=33.323959s pid=2379
module e1000e
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init e1000_init_module time=150103160ns flush=87087840ns size=0x40 printk=KERN_INFO:"e1000e: Intel(R) PRO/1000 Network Driver - 3.2.6-k" printk=KERN_INFO:"e1000e: Copyright(c) 1999 - 2015 Intel Corporation." printk=KERN_INFO:"e1000e 0000:07:00.0: Interrupt Throttling Rate (ints/sec) set to dynamic conservative mode" printk=KERN_INFO:"e1000e: probe of 0000:07:00.0 failed with error -12" printk=KERN_INFO:"probe of 0000:07:00.0 returned 0 after 232362 usecs"
load e1000e at=33.398879s pid=2385
module usbcore
  MODULE_LICENSE "GPL"
  MODULE_INFO intree "Y"
  module_init usb_init time=8552568ns flush=917432ns returns=-1 size=0x16c printk=+121568ns:KERN_INFO:"usbcore: registered new interface driver usbfs" printk=+1037568ns:KERN_INFO:"usbcore: registered new interface driver hub" printk=+4844568ns:KERN_INFO:"usbcore: deregistering interface driver hub" printk=+6015568ns:KERN_INFO:"usbcore: can't allocate workqueue for usb hub" printk=+7149568ns:KERN_INFO:"usbcore: deregistering interface driver usbfs"
load usbcore at=33.484960s pid=2341
