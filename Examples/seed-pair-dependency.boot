# The seed pair of same-level-pair.boot, now with a dependency that only one link order
# satisfies. On this (illustrative) board the AS352x analog front end feeds the 25 MHz clock
# of the ENC28J60 Ethernet controller, so enc28j60_init needs as352x_afe_init to have run.
# Both are module_init(), built in a device_initcall(): nothing but link order puts
# drivers/misc/ before drivers/net/. In description order the boot works; with
# seed-pair-dependency.reversed.order, enc28j60_init finds no clock and returns -ENODEV.
#
#   swift run initcall-sim check Examples/seed-pair-dependency.boot
#   swift run initcall-sim compare Examples/seed-pair-dependency.boot --link-order Examples/seed-pair-dependency.reversed.order
#   swift run initcall-sim explore Examples/seed-pair-dependency.boot
kernel "6.8.0-sim"
cmdline "root=/dev/vda1 initcall_debug loglevel=8"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk vda size=8G driver=virtio_blk
partition vda1 size=8191M fs=ext4 holds=/sbin/init,/bin/sh

object drivers/spi/spi.o
  postcore_initcall spi_init time=60us provides=spi

object drivers/misc/as352x_afe.o
  module_init as352x_afe_init time=450us provides=afe-clock printk=KERN_INFO:"as352x-afe: analog front end ready"

object drivers/net/enc28j60.o
  module_init enc28j60_init time=3ms requires=spi,afe-clock
