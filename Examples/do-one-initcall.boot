# Every branch of do_one_initcall(), one initcall each, in link order:
#   blacklisted (initcall_blacklist=), a plain call, a non-zero return (ignored),
#   a preemption imbalance, IRQs left disabled, both at once, and a sleep in atomic context.
# The boot still reaches init: do_one_initcall() repairs, WARNs, taints 'W' and goes on.
#
#   swift run initcall-sim boot Examples/do-one-initcall.boot
kernel "6.8.0-sim"
cmdline "root=/dev/vda1 initcall_debug initcall_blacklist=blocked_init loglevel=8"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk vda size=8G driver=virtio_blk
partition vda1 size=8191M fs=ext4 holds=/sbin/init,/bin/sh

object drivers/misc/blocked.o
  device_initcall blocked_init time=10us
object drivers/misc/plain.o
  device_initcall plain_init time=25us
object drivers/misc/absent.o
  device_initcall absent_init time=40us returns=-ENODEV
object drivers/misc/leaky_lock.o
  device_initcall leaky_lock_init time=12us preempt=+1
object drivers/misc/leaky_irq.o
  device_initcall leaky_irq_init time=7us irqs=off
object drivers/misc/leaky_both.o
  device_initcall leaky_both_init time=9us preempt=+1 irqs=off
object drivers/misc/sleepy.o
  late_initcall sleepy_init time=5us preempt=+1 sleep=2ms
