# The classic custom-level scenario, after: init.h gains prev_device_initcall() at 6 (device
# moves to 7, late to 8), the linker script gains INIT_CALLS_LEVEL(8), and init/main.c's
# initcall_levels[] / initcall_level_names[] gain the new level. The clock registers with
# prev_device_initcall() and now runs in its own level, before every device initcall.
#
#   swift run initcall-sim boot Examples/custom-level/after.boot
#   swift run initcall-sim check Examples/custom-level/after.boot       # no findings
kernel "6.8.0-sim"
cmdline "root=/dev/vda1 initcall_debug loglevel=8"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk vda size=8G driver=virtio_blk
partition vda1 size=8191M fs=ext4 holds=/sbin/init,/bin/sh
linker-script "../../LinkerScripts/vmlinux-custom-9-levels.lds.S" -I../../LinkerScripts/include
levels "init.h" "main.c"

object sound/soc/codecs/wm8960.o
  # A built-in driver's init only registers the driver: when its probe finds the clock
  # missing, the driver core defers the probe (-EPROBE_DEFER) and retries it later, and the
  # init itself returns 0.
  module_init wm8960_i2c_driver_init time=300us requires=mclk on-missing=0

object drivers/clk/clk-wm8960-mclk.o
  prev_device_initcall wm8960_mclk_init time=80us provides=mclk

object kernel/printk/printk.o
  late_initcall printk_late_init time=12us
