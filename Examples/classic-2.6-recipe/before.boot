# The classic "add prev_device" recipe on a 2.6.27-era kernel, before: the audio codec and
# the clock it needs are both device_initcall()s, and in 2.6.27 do_initcalls() runs every
# section in one loop, so within .initcall6.init only link order decides. sound/ is linked
# before drivers/clk/ here, and the codec finds its clock missing.
#
#   swift run initcall-sim boot Examples/classic-2.6-recipe/before.boot
#   swift run initcall-sim check Examples/classic-2.6-recipe/before.boot
kernel "2.6.27"
cmdline "root=/dev/sda1 initcall_debug"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk sda size=8G driver=sd
partition sda1 size=8191M fs=ext3 holds=/sbin/init,/bin/sh

object sound/soc/codecs/wm8731.o
  module_init wm8731_modinit time=250us requires=mclk
object drivers/clk/clk-mclk.o
  device_initcall mclk_init time=60us provides=mclk
