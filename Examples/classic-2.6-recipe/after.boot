# The classic "add prev_device" recipe, after, applied exactly as it is usually copied:
# include/linux/init.h gains prev_device_initcall() at "6" (device moves to "7", late to
# "8"), include/asm-generic/vmlinux.lds.h gains *(.initcall8.init) and *(.initcall8s.init) —
# with the spaces after the backslashes that GCC warns about and still joins. init/main.c
# needs no edit: 2.6.27's do_initcalls() is one loop over [__initcall_start, __initcall_end).
# The clock registers with prev_device_initcall() and now runs before every device initcall.
#
#   swift run initcall-sim boot Examples/classic-2.6-recipe/after.boot
#   swift run initcall-sim levels Examples/classic-2.6-recipe/after.boot
kernel "2.6.27"
cmdline "root=/dev/sda1 initcall_debug"
# The root filesystem: prepare_namespace() mounts what root= names, and init runs from it.
disk sda size=8G driver=sd
partition sda1 size=8191M fs=ext3 holds=/sbin/init,/bin/sh
linker-script "arch/x86/kernel/vmlinux_32.lds.S" -Iinclude
levels "include/linux/init.h"

object sound/soc/codecs/wm8731.o
  module_init wm8731_modinit time=250us requires=mclk
object drivers/clk/clk-mclk.o
  prev_device_initcall mclk_init time=60us provides=mclk
