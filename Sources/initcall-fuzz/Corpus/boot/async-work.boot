kernel "3.12.0"
cmdline "initcall_debug root=/dev/sda1"
timeline printk=1us
filesystems ext3
disk sda size=10G
partition sda1 size=9G fs=ext3 holds=/sbin/init
object drivers/block/floppy.o
  async floppy_async_init time=1339307us delay=18ms pid=6 size=0xa printk=+2ms:KERN_INFO:"FDC 0 is a post-1991 82077"
  module_init floppy_init time=3ms async=floppy_async_init
object drivers/ata/libata-core.o
  async async_port_probe time=40ms pid=91 size=0x49
  async port2 function=async_port_probe time=30ms pid=93 delay=1ms size=0x49 synchronize=cookie
  device_initcall ata_init time=1ms async=+100us:async_port_probe async=port2
object drivers/block/cciss.o
  module_init cciss_init time=18ms printk=KERN_INFO:"HP CISS Driver (v 3.6.26)"
