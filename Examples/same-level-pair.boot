# Two built-in drivers registered with module_init(), which built in is device_initcall():
# both entries land in .initcall6.init. Nothing but link order decides which runs first.
#
#   swift run initcall-sim boot Examples/same-level-pair.boot
#   swift run initcall-sim boot Examples/same-level-pair.boot --link-order Examples/same-level-pair.reversed.order
kernel "6.8.0-sim"
linker-script "../LinkerScripts/vmlinux-6.x-x86_64.lds"
cmdline "root=/dev/vda1 initcall_debug loglevel=8"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk vda size=8G driver=virtio_blk
partition vda1 size=8191M fs=ext4 holds=/sbin/init,/bin/sh

object drivers/spi/spi.o
  postcore_initcall spi_init time=60us provides=spi

object drivers/misc/as352x_afe.o
  module_init as352x_afe_init time=450us printk=KERN_INFO:"as352x-afe: analog front end ready"

object drivers/net/enc28j60.o
  module_init enc28j60_init time=3ms requires=spi returns=-ENODEV printk=KERN_ERR:"enc28j60: no chip"
