# The classic custom-level scenario, before: two built-in drivers register with module_init(),
# that is device_initcall(), so both entries land in .initcall6.init and link order alone
# decides: the codec (linked first) probes before the clock it needs.
#
#   swift run initcall-sim boot Examples/custom-level/before.boot
#   (then after.boot: the clock moves to a new level, prev_device, and runs first)
kernel "6.8.0-sim"
cmdline "root=/dev/vda1 initcall_debug loglevel=8"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk vda size=8G driver=virtio_blk
partition vda1 size=8191M fs=ext4 holds=/sbin/init,/bin/sh

object sound/soc/codecs/wm8960.o
  # A built-in driver's init only registers the driver: when its probe finds the clock
  # missing, the driver core defers the probe (-EPROBE_DEFER) and retries it later, and the
  # init itself returns 0.
  module_init wm8960_i2c_driver_init time=300us requires=mclk on-missing=0

object drivers/clk/clk-wm8960-mclk.o
  module_init wm8960_mclk_init time=80us provides=mclk

object kernel/printk/printk.o
  late_initcall printk_late_init time=12us
