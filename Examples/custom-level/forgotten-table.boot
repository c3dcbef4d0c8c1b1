# The classic custom-level scenario with init/main.c forgotten: init.h and the linker script
# are edited as in after.boot, but initcall_levels[] still ends __initcall7_start,
# __initcall_end and the names are Linux's. The kernel boots, and does what it was told:
#
#   - the clock (prev_device, id 6) runs in level 6, under the name "device";
#   - the codec (device, now id 7) runs in level 7, under the name "late";
#   - printk_late_init (late, now id 8) has no level of its own: its entry lies between
#     __initcall8_start and __initcall_end, inside level 7's slice, so it runs there too,
#     after the codec, under "late" and level 7's parameter pass.
#
#   swift run initcall-sim boot Examples/custom-level/forgotten-table.boot
#   swift run initcall-sim check Examples/custom-level/forgotten-table.boot   # says so
kernel "6.8.0-sim"
cmdline "root=/dev/vda1 initcall_debug loglevel=8"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk vda size=8G driver=virtio_blk
partition vda1 size=8191M fs=ext4 holds=/sbin/init,/bin/sh
linker-script "../../LinkerScripts/vmlinux-custom-9-levels.lds.S" -I../../LinkerScripts/include
levels "init.h"

object sound/soc/codecs/wm8960.o
  # A built-in driver's init only registers the driver: when its probe finds the clock
  # missing, the driver core defers the probe (-EPROBE_DEFER) and retries it later, and the
  # init itself returns 0.
  module_init wm8960_i2c_driver_init time=300us requires=mclk on-missing=0

object drivers/clk/clk-wm8960-mclk.o
  prev_device_initcall wm8960_mclk_init time=80us provides=mclk

object kernel/printk/printk.o
  late_initcall printk_late_init time=12us
